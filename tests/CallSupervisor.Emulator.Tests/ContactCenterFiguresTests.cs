using CallSupervisor.Emulator.Engine;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Tests.Infrastructure;
using CallSupervisor.Emulator.Wire;
using Xunit.Abstractions;

namespace CallSupervisor.Emulator.Tests;

/// <summary>
/// The defaults against a plain ACD on a manual clock: menu 1 to the four sales agents, menu 2 to the four support
/// agents, first come first served, the longest-idle free agent, a failed offer back to the head of its queue. The
/// figures must look like a real center's at normal load, and no agent may be offered two calls.
/// </summary>
public sealed class ContactCenterFiguresTests(ITestOutputHelper output)
{
    private static readonly string[] Sales = ["8:acs:emulator_agent-ana", "8:acs:emulator_agent-ben", "8:acs:emulator_agent-cho", "8:orgid:00000000-0000-0000-0000-00000000c0de"];
    private static readonly string[] Support = ["8:acs:emulator_agent-eli", "8:acs:emulator_agent-fay", "8:acs:emulator_agent-gus", "8:acs:emulator_agent-hana"];

    [Fact]
    public void Defaults_EightAgentsFourHours_MostAnsweredWithinThirtySecondsAndFewAbandon()
    {
        var figures = Run(burst: 0);
        output.WriteLine(figures.ToString());

        Assert.InRange(figures.Arrivals, 400, 560); // 2 a minute for 240 minutes, plus the initial callers
        Assert.True(figures.AnsweredWithin30s > 0.75, $"answered within 30 s: {figures.AnsweredWithin30s:P0}");
        Assert.InRange(figures.AbandonRate, 0.005, 0.10);
        Assert.Equal(0, figures.DoubleOffers);
    }

    [Fact]
    public void Burst_FortyCallersAtOnce_TheQueueBuildsUp()
    {
        var figures = Run(burst: 40);
        output.WriteLine(figures.ToString());

        Assert.True(figures.LongestQueue >= 30, $"longest queue {figures.LongestQueue}");
        Assert.Equal(0, figures.DoubleOffers);
    }

    private static Figures Run(int burst)
    {
        using var center = ContactCenterHarness.Create(s => s.Enabled = true);
        var sim = center.Options.Simulation;
        var acd = new Acd(center);
        var generator = new CallGenerator(sim, new SeededRandom(45), center.Scheduler, () => center.Engine.ActiveCount,
            (_, _) => acd.Track(center.Arrive(ContactCenterHarness.Caller)), center.Engine.Desk.CountTurnedAway);
        generator.Start();
        for (var i = 0; i < burst; i++)
        {
            acd.Track(center.Arrive(ContactCenterHarness.Caller));
        }
        var step = TimeSpan.FromMilliseconds(250);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(4); elapsed += step)
        {
            center.Advance(step);
            acd.Step();
        }
        var stats = center.Engine.Desk.Stats();
        var answered = acd.Waits.Count;
        return new Figures(
            stats.Arrivals, answered, stats.Abandoned, stats.DoubleOffers, stats.Declined, stats.NotAnswered,
            answered == 0 ? 0 : acd.Waits.Count(w => w <= TimeSpan.FromSeconds(30)) / (double)answered,
            stats.Abandoned / (double)Math.Max(1, answered + stats.Abandoned),
            answered == 0 ? 0 : acd.Waits.Average(w => w.TotalSeconds), acd.LongestQueue);
    }

    private sealed record Figures(
        long Arrivals, int Answered, long Abandoned, long DoubleOffers, long Declined, long NotAnswered, double AnsweredWithin30s,
        double AbandonRate, double MeanWaitSeconds, int LongestQueue)
    {
        public override string ToString() =>
            $"arrivals {Arrivals}, answered {Answered} ({AnsweredWithin30s:P0} within 30 s, mean wait {MeanWaitSeconds:0} s), abandoned {Abandoned} ({AbandonRate:P1}), declined {Declined}, not answered {NotAnswered}, double offers {DoubleOffers}, longest queue {LongestQueue}";
    }

    /// <summary>The app's side, reduced to what the figures need: menu, two queues, offers to free agents only.</summary>
    private sealed class Acd(ContactCenterHarness center)
    {
        private readonly Dictionary<string, AcsCall> _calls = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DateTimeOffset> _answeredAt = new(StringComparer.Ordinal);
        private readonly List<string>[] _queues = [[], []];
        private readonly Dictionary<string, DateTimeOffset> _idleSince = Sales.Concat(Support).ToDictionary(a => a, _ => DateTimeOffset.MinValue, StringComparer.Ordinal);
        private readonly Dictionary<string, string> _busy = new(StringComparer.Ordinal); // agent → call
        private int _cursor;

        public List<TimeSpan> Waits { get; } = [];

        public int LongestQueue { get; private set; }

        public void Step()
        {
            var now = center.Clock.GetUtcNow();
            var count = center.Sink.Count;
            foreach (var (callId, type, data) in center.Sink.Since(_cursor))
            {
                switch (type)
                {
                    case "CallConnected":
                        var call = _calls[callId];
                        _answeredAt[callId] = now;
                        center.Engine.Recognize(callId, new RecognizeRequest(
                            "dtmf", null, null, new RecognizeOptionsModel(call.Caller, 10), "menu", null));
                        break;
                    case "RecognizeCompleted":
                        var tone = (string?)data["dtmfResult"]!["tones"]![0];
                        _queues[tone == "one" ? 0 : 1].Add(callId);
                        break;
                    case "AddParticipantSucceeded":
                        Waits.Add(now - _answeredAt[callId]);
                        break;
                    case "AddParticipantFailed":
                        Free((string)data["participant"]!["rawId"]!, now);
                        var queue = _queues[Array.IndexOf(Sales, (string)data["participant"]!["rawId"]!) >= 0 ? 0 : 1];
                        queue.Insert(0, callId);
                        break;
                    case "CallDisconnected":
                        _queues[0].Remove(callId);
                        _queues[1].Remove(callId);
                        foreach (var agent in _busy.Where(b => b.Value == callId).Select(b => b.Key).ToList())
                        {
                            Free(agent, now);
                        }
                        break;
                }
            }
            _cursor = count;
            Offer(_queues[0], Sales, now);
            Offer(_queues[1], Support, now);
            LongestQueue = Math.Max(LongestQueue, _queues[0].Count + _queues[1].Count);
        }

        public void Track(AcsCall call) => _calls[call.CallConnectionId] = call;

        private void Offer(List<string> queue, string[] agents, DateTimeOffset now)
        {
            while (queue.Count > 0 && agents.Where(a => !_busy.ContainsKey(a)).OrderBy(a => _idleSince[a]).FirstOrDefault() is { } agent)
            {
                var callId = queue[0];
                queue.RemoveAt(0);
                _busy[agent] = callId;
                center.Engine.AddParticipant(callId, new AddParticipantRequest(Identifiers.FromRawId(agent), 20, "offer", null, null, null));
            }
        }

        private void Free(string agent, DateTimeOffset now)
        {
            _busy.Remove(agent);
            _idleSince[agent] = now;
        }
    }
}
