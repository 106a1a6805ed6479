using CallSupervisor.Core.Audit;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Tests;
using CallSupervisor.Core.Tests.Actions;
using CallSupervisor.Core.Tests.Store;
using Microsoft.Extensions.DependencyInjection;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>
/// A restart on the embedded event log loses nothing: calls, rosters, ringing invitations, running media, a pending
/// supervisor action and the activity come back from the checkpoint plus the event log after it. The leader's
/// checkpoints are written beside the replica's apply loop: a slow save does not stop the board.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    private static readonly CallId Call1 = new("call-1");
    private static readonly CommunicationIdentifier Caller = CommunicationIdentifier.Phone("+14255550100");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "callsupervisor-restart-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();
    private readonly FakeCallAutomationPort _acs = new();
    private readonly GatedCheckpoints _checkpoints = new();

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

    private static IncomingCall Incoming() =>
        new("eg-1", DateTimeOffset.UnixEpoch, "ctx-1", Caller, CommunicationIdentifier.Phone("+18005550199"), "server-1", "corr-1", "Alice");

    // Everything but the version (a restored store counts from its checkpoint; prunes are not in the log).
    private static string State(CallStore store) => CheckpointJson.Serialize(store.Export() with { Version = 0 });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Restart_BoardComesBackWhole_FromCheckpointAndEventLog(bool checkpointFirst)
    {
        string before;
        await using (var first = await EventLogHarness.StartAsync(_folder, _acs, _time))
        {
            first.Inbox.Accept([Incoming()]);
            await first.WaitForAsync(s => s.Find(Call1) is not null, "the answered call");
            await first.Pipeline.AcceptAsync([new CallConnected("ce-1", Call1, DateTimeOffset.UnixEpoch, CallPlatform.Acs, null, null, null, null)], CancellationToken.None);
            await first.Pipeline.AcceptAsync([new ParticipantsUpdated("roster-1", Call1, DateTimeOffset.UnixEpoch, 1,
                [new ParticipantState(Caller, false, false), new ParticipantState(CommunicationIdentifier.AcsUser("8:acs:user"), false, false)]),
                // An agent being offered the call (the router's work; it does not run in this harness).
                new InvitationRequested("offer-1", Call1, DateTimeOffset.UnixEpoch, new InvitationId("inv-1"), CommunicationIdentifier.AcsUser("8:acs:agent"), "offer:1", TimeSpan.FromSeconds(20))],
                CancellationToken.None);
            var started = await first.WaitForAsync(s => s.Find(Call1) is { Invitations.Count: 1, MediaOperations.Count: 2, Participants.Count: 2 }, "the flow's media and an invitation");
            if (checkpointFirst)
            {
                await first.Replica.CheckpointNowAsync(CancellationToken.None);
            }

            // A supervisor's mute, marked through the log and accepted by ACS, not yet confirmed.
            var executor = new ActionExecutor(first.Store, first.Pipeline, new ActionPorts(_acs, new FakeGraphCallsPort()), _time, new InMemoryAuditTrail());
            var mute = await executor.ExecuteAsync(ActionRequest.Mute(Call1, "8:acs:user", StoreTestKit.As("sam")), CancellationToken.None);
            Assert.Equal(CallSupervisor.Core.Execution.ReceiptStatus.Accepted, mute.Status);
            var play = started.Find(Call1)!.MediaOperations.Values.First();
            await first.Pipeline.AcceptAsync([new MediaOperationEnded("media-end", Call1, DateTimeOffset.UnixEpoch, play.Id, play.Kind, MediaStatus.Completed, null)], CancellationToken.None);
            var last = await first.WaitForAsync(s => s.Find(Call1) is { PendingActions.Count: 1 } c && c.MediaOperations.Values.Count(m => m.IsActive) == 1, "the mark and the media end");
            before = State(first.Store);
            Assert.NotEmpty(last.Activity);
        }

        await using var second = await EventLogHarness.StartAsync(_folder, _acs, _time);
        await second.WaitForCaughtUpAsync();

        Assert.Equal(before, State(second.Store));
        var call = second.Store.Current.Find(Call1)!;
        Assert.True(Assert.Single(call.Invitations.Values).IsOpen);
        Assert.Single(call.MediaOperations.Values, m => m.IsActive);
        Assert.Equal(ActionKind.Mute, Assert.Single(call.PendingActions.Values).Kind);
        // The orderly stop wrote a last checkpoint, so the event log before it is gone either way.
        Assert.True(second.Log.Count() < 3, $"the event log before the last checkpoint was not trimmed ({second.Log.Count()} records)");
    }

    [Fact]
    public async Task Restart_IncomingCallDeliveredAgain_NotAnsweredAgain()
    {
        await using (var first = await EventLogHarness.StartAsync(_folder, _acs, _time))
        {
            first.Inbox.Accept([Incoming()]);
            await first.WaitForAsync(s => s.Find(Call1) is not null, "the answered call");
        }

        // Event Grid redelivers after the restart (the first delivery's answer was not acknowledged in time).
        await using var second = await EventLogHarness.StartAsync(_folder, _acs, _time);
        await second.WaitForCaughtUpAsync();
        second.Inbox.Accept([Incoming()]);
        second.Inbox.Accept([Incoming() with { EventId = "eg-2" }]);

        await LogProbe.WaitAsync(second.Log, second.Status,
            e => e.OfType<IncomingCallClaimed>().Count(c => c.IncomingEventId is "eg-1" or "eg-2") == 2, () => Answers() > 1, "the claims after the restart");
        Assert.Equal(1, Answers());
    }

    private int Answers()
    {
        lock (_acs.Requests)
        {
            return _acs.Requests.Count(r => r.StartsWith("answer ", StringComparison.Ordinal));
        }
    }

    private static CallConnected Connected(int n) =>
        new($"ce-{n}", new CallId($"call-{n}"), DateTimeOffset.UnixEpoch, CallPlatform.Acs, null, null, null, null);

    [Fact]
    public async Task SlowCheckpointSave_TheBoardKeepsApplying_AndTheCheckpointLandsAfterwards()
    {
        await using var app = await EventLogHarness.StartAsync(_folder, _acs, _time, workflow: false,
            settings: new Dictionary<string, string?> { ["EventLog:CheckpointEvery"] = "10" },
            replace: services => services.AddSingleton<ICheckpointStore>(_checkpoints));
        try
        {
            for (var n = 1; n <= 10; n++)
            {
                await app.Pipeline.AcceptAsync([Connected(n)], CancellationToken.None);
            }
            await _checkpoints.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

            // The save hangs (a remote database's round trip, stretched): records after it still reach the board.
            await app.Pipeline.AcceptAsync([Connected(11)], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            await app.WaitForAsync(s => s.Find(new CallId("call-11")) is not null, "the call after the checkpoint");
            Assert.Null(_checkpoints.Saved);
        }
        finally
        {
            // Before the harness stops: its last checkpoint would wait for the gate too.
            _checkpoints.Release.TrySetResult();
        }
        await app.Replica.CheckpointNowAsync(CancellationToken.None);
        Assert.NotNull(_checkpoints.Saved);
    }

    private sealed class GatedCheckpoints : ICheckpointStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Checkpoint? Saved { get; private set; }

        public Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult<Checkpoint?>(null);

        public async Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            Saved = checkpoint;
        }
    }
}
