using CallSupervisor.Core.Tests;
using CallSupervisor.Core.Tests.Actions;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>
/// Two instances on one event log (two harnesses on one event log file, each tailing it) receive the same IncomingCall,
/// as Event Grid may deliver it to either: the log orders their claims, and only the first claimant answers.
/// </summary>
public sealed class AnswerOnceTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "callsupervisor-answer-once-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();
    private readonly FakeCallAutomationPort _acs = new();

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private int Answers()
    {
        lock (_acs.Requests)
        {
            return _acs.Requests.Count(r => r.StartsWith("answer ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TwoInstances_SameIncomingCallDeliveredToEach_AnsweredOnce()
    {
        await using var a = await EventLogHarness.StartAsync(_folder, _acs, _time);
        await using var b = await EventLogHarness.StartAsync(_folder, _acs, _time);
        var incoming = new IncomingCall("eg-1", DateTimeOffset.UnixEpoch, "ctx-1", CommunicationIdentifier.Phone("+14255550100"),
            CommunicationIdentifier.Phone("+18005550199"), "server-1", "corr-1", "Alice");

        a.Inbox.Accept([incoming]);
        b.Inbox.Accept([incoming with { EventId = "eg-1-redelivered" }]);

        // Both instances have applied both claims: whichever came second learnt it was a duplicate.
        static bool BothClaims(IReadOnlyList<CallEvent> events) => events.OfType<IncomingCallClaimed>().Count() == 2;
        await LogProbe.WaitAsync(a.Log, a.Status, BothClaims, () => Answers() > 1, "both claims on A");
        await LogProbe.WaitAsync(b.Log, b.Status, BothClaims, () => Answers() > 1, "both claims on B");
        Assert.Equal(1, Answers());
    }
}
