using System.Collections.Immutable;
using CallSupervisor.Core.Settings;
using CallSupervisor.Core.Tests.EventLog;
using static CallSupervisor.Core.Tests.Figures.FiguresBoard;

namespace CallSupervisor.Core.Tests.Figures;

/// <summary>
/// A restart: the store written to its checkpoint's JSON and read back keeps the ledger, the journeys, the agents' time and
/// the targets, and goes on counting as a store that never stopped — late or redelivered events of ended calls count nothing.
/// </summary>
public sealed class CheckpointFiguresTests
{
    private static readonly DateTimeOffset Now = TodayFiguresTests.Now;

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static FiguresBoard MorningWithTargets()
    {
        var b = TodayFiguresTests.Morning();
        b.Apply(new TargetsChanged("targets-1", T(9, 8, 55), new Targets(
            QueueTargets.Default, ImmutableDictionary<string, QueueTargets>.Empty.Add("sales", QueueTargets.Default with { AnswerWithin = S(30) })), "Olivia"));
        return b;
    }

    // What a later part of the morning adds, the same on any board: Ana's wrap-up of c5 ends at 09:09:45 (120 s); c8 queues
    // at 09:10:00, Ana answers after 4 s, talks 56 s and wraps up 20 s.
    private static void GoOn(FiguresBoard b)
    {
        b.Presence("ana", T(9, 9, 45));
        b.Answered("c8", "sales", "ana", T(9, 10, 0), wait: S(4), talk: S(56), wrapUp: S(20));
    }

    [Fact]
    public void CheckpointJson_Morning_KeepsLedgerJourneysAgentsAndTargets()
    {
        var b = MorningWithTargets();

        var read = b.CheckpointThroughJson();

        Structural.AssertEqual(b.Board.Figures, read.Snapshot.Figures);
        Structural.AssertEqual(b.Board.Targets, read.Snapshot.Targets);
        Structural.AssertEqual(b.Board.Agents, read.Snapshot.Agents);
        foreach (var call in b.Board.Calls.Values)
        {
            Structural.AssertEqual(call.Journey, read.Snapshot.Find(call.CallId)!.Journey);
            Assert.Equal((call.Routed, call.LastEventAt), (read.Snapshot.Find(call.CallId)!.Routed, read.Snapshot.Find(call.CallId)!.LastEventAt));
        }
        // Ana wraps up c5: where its wrap-up will count travels with her.
        Assert.Equal(new WrapUpOf(new CallId("c5"), "sales", T(9, 0, 0)), read.Snapshot.Agents["ana"].WrapUpOf);
        Assert.NotEmpty(read.Snapshot.Figures.Intervals);
        Assert.NotEmpty(read.Snapshot.Figures.AgentStates);
        Assert.NotEmpty(read.Snapshot.Figures.RecentVisits);
    }

    [Fact]
    public void Today_RestoredStore_SameFiguresAsBeforeTheRestart()
    {
        var b = MorningWithTargets();

        var restored = new FiguresBoard(checkpoint: b.CheckpointThroughJson(), idPrefix: "r");

        Structural.AssertEqual(b.Today(Now), restored.Today(Now));
    }

    [Fact]
    public void Apply_EndedCallsEventsAgainAfterARestart_NothingCountedTwice()
    {
        var b = MorningWithTargets();
        var restored = new FiguresBoard(checkpoint: b.CheckpointThroughJson(), idPrefix: "r");
        var before = restored.Today(Now);

        // Every event of the calls that had ended (c1–c5) delivered again: the callbacks as duplicates, the app's own as
        // late events for ended calls.
        var ended = b.Board.Calls.Values.Where(c => !c.IsLive).Select(c => c.CallId).ToHashSet();
        var outcomes = b.Log.Where(e => ended.Contains(e.CallId)).Select(restored.Apply).ToList();

        Assert.Equal(5, ended.Count);
        Assert.All(outcomes, o => Assert.False(o.IsApplied, $"applied again: {o}"));
        Assert.Contains(outcomes, o => o.Status == ApplyStatus.Duplicate);
        Structural.AssertEqual(before, restored.Today(Now));
    }

    [Fact]
    public void Apply_AfterARestart_CountingGoesOnAsIfNeverStopped()
    {
        var b = MorningWithTargets();
        var restored = new FiguresBoard(checkpoint: b.CheckpointThroughJson(), idPrefix: "r");

        GoOn(b);
        GoOn(restored);

        var later = T(9, 12, 0);
        Structural.AssertEqual(b.Today(later).Queues, restored.Today(later).Queues);
        Structural.AssertEqual(b.Today(later).Agents, restored.Today(later).Agents);
        Structural.AssertEqual(b.Today(later).Intervals, restored.Today(later).Intervals);
        Structural.AssertEqual(b.Board.Figures, restored.Board.Figures);
        // Worked out on the restored board, 30 s target: within c1 (10), c2 (25), c5 (15), c8 (4); c6 (240 s) and c7 (190 s)
        // wait past it: 4 ÷ (4 answered + 1 abandoned + 2) = 4 ÷ 7. Offered: the morning's 7 and c8.
        var sales = restored.Today(later).Queues.Single(q => q.QueueId == "sales");
        Assert.Equal((8, 4, 4.0 / 7), (sales.Offered, sales.Answered, sales.ServiceLevel));
        // Handle: the morning's 605 s (c5's wrap-up, ended after the restart, included) + 56 + 20 = 681 s ÷ 4.
        Assert.Equal((4, (TimeSpan?)(S(681) / 4)), (sales.Handled, sales.AverageHandleTime));
        // Ana: c1 150 s, c5 120 + 120 s, c8 56 + 20 s = 466 s ÷ 3.
        var ana = restored.Today(later).Agents.Single(a => a.AgentId == "ana");
        Assert.Equal((3, (TimeSpan?)(S(466) / 3)), (ana.Handled, ana.AverageHandleTime));
    }
}
