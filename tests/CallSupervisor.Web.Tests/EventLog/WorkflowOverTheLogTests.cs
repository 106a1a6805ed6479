using CallSupervisor.Core.Tests;
using CallSupervisor.Core.Tests.Actions;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Web.Tests.EventLog;

/// <summary>
/// The workflow on the event log, with the real store and replica over a fake ACS port: the answer response and the
/// CallConnected callback race, and the flow must start once, with the caller known, whichever comes first — and a
/// re-read that is the first news of the connection starts it too.
/// </summary>
public sealed class WorkflowOverTheLogTests : IAsyncLifetime
{
    private static readonly CallId Call1 = new("call-1");
    private static readonly CommunicationIdentifier Caller = CommunicationIdentifier.Phone("+14255550100");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "callsupervisor-journal-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider _time = new();
    private readonly FakeCallAutomationPort _acs = new();
    private EventLogHarness _app = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = await EventLogHarness.StartAsync(_folder, _acs, _time);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static IncomingCall Incoming() =>
        new("eg-1", DateTimeOffset.UnixEpoch, "ctx-1", Caller, CommunicationIdentifier.Phone("+18005550199"), "server-1", "corr-1", "Alice");

    private static CallConnected Connected(string eventId = "ce-1") =>
        new(eventId, Call1, DateTimeOffset.UnixEpoch, CallPlatform.Acs, null, null, null, null);

    // A callback, as the endpoint hands it over.
    private async Task CallbackAsync(CallEvent callEvent) =>
        Assert.Equal(CallSupervisor.Board.Replication.AppendResult.Accepted, await _app.Pipeline.AcceptAsync([callEvent], CancellationToken.None));

    private Task<Call> WaitForAsync(Func<Call, bool> condition) =>
        _app.WaitForAsync(s => s.Find(Call1) is { } c && condition(c), "requests: " + string.Join(" | ", _acs.Requests))
            .ContinueWith(t => t.Result.Find(Call1)!, TaskScheduler.Default);

    private int Count(string operation)
    {
        lock (_acs.Requests)
        {
            return _acs.Requests.Count(r => r.StartsWith(operation + " ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ConnectedBeforeAnswerResponse_FlowStartsOnceAnswered_WithTheCaller()
    {
        _acs.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _app.Inbox.Accept([Incoming()]);
        await _acs.Sent.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // ACS connected the call before its answer response reached us.
        await CallbackAsync(Connected());
        var connected = await WaitForAsync(c => c.State == CallState.Connected);
        Assert.Null(connected.Caller);
        Assert.Equal(0, Count("play"));

        _acs.Gate.SetResult();

        var started = await WaitForAsync(c => c.Caller == Caller && c.MediaOperations.Count == 2);
        Assert.Equal("server-1", started.ServerCallId);
        Assert.Equal(1, Count("play"));
        Assert.Equal(1, Count("recognize"));
    }

    [Fact]
    public async Task AnswerThenConnected_FlowStartsOnce_EvenIfConnectedIsRepeated()
    {
        _app.Inbox.Accept([Incoming()]);
        await _acs.Sent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await WaitForAsync(c => c.State == CallState.Connecting);
        await CallbackAsync(Connected("ce-1"));
        await WaitForAsync(c => c.MediaOperations.Count == 2 && c.Caller == Caller);

        await CallbackAsync(Connected("ce-2"));
        await CallbackAsync(Connected("ce-1"));
        // A later roster marks the point where the repeated events have been applied.
        await CallbackAsync(new ParticipantsUpdated("roster-7", Call1, DateTimeOffset.UnixEpoch, 7, [new ParticipantState(Caller, false, false)]));
        await WaitForAsync(c => c.LastRosterSequence == 7);

        Assert.Equal(1, Count("answer"));
        Assert.Equal(1, Count("play"));
        Assert.Equal(1, Count("recognize"));
        // The answering instance's addition of the parties does not tell the connection twice.
        Assert.Single(_app.Store.Current.Activity, a => a.CallId == Call1 && a.Text.StartsWith("Call connected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answered_CallConnectedLost_CallShownConnectingAndFlowStartsWhenAReReadSaysConnected()
    {
        _app.Inbox.Accept([Incoming()]);
        var connecting = await WaitForAsync(c => c.State == CallState.Connecting);
        Assert.Equal(Caller, connecting.Caller);
        Assert.Equal(0, Count("play"));

        // CallConnected never arrives; the reconciler reads the call from ACS.
        var details = new Core.Ports.CallDetails(Call1, "server-1", "corr-1", CallState.Connected, Caller, []);
        _app.Pipeline.Publish(new CallReconciled("reconcile-1", Call1, DateTimeOffset.UnixEpoch, details, [new ParticipantState(Caller, false, false)], null));

        await WaitForAsync(c => c.State == CallState.Connected && c.MediaOperations.Count == 2);
        Assert.Equal(1, Count("play"));
        Assert.Equal(1, Count("recognize"));

        // A late CallConnected does not start it again.
        await CallbackAsync(Connected("ce-late"));
        await CallbackAsync(new ParticipantsUpdated("roster-9", Call1, DateTimeOffset.UnixEpoch, 9, [new ParticipantState(Caller, true, false)]));
        await WaitForAsync(c => c.LastRosterSequence == 9);
        Assert.Equal(1, Count("play"));
        Assert.Equal(1, Count("recognize"));
    }

    private static int Claims(IReadOnlyList<CallEvent> events, string incomingEventId) =>
        events.OfType<IncomingCallClaimed>().Count(c => c.IncomingEventId == incomingEventId);

    [Fact]
    public async Task IncomingCallDeliveredAgain_OrUnderANewEventId_AnsweredOnce()
    {
        // Event Grid delivers at least once: twice at once, again later, and the same call under another event id.
        _app.Inbox.Accept([Incoming(), Incoming()]);
        await WaitForAsync(c => c.State == CallState.Connecting);
        _app.Inbox.Accept([Incoming()]);
        _app.Inbox.Accept([Incoming() with { EventId = "eg-2" }]);

        await LogProbe.WaitAsync(_app.Log, _app.Status, e => Claims(e, "eg-1") == 3 && Claims(e, "eg-2") == 1, () => Count("answer") > 1, "every delivery's claim");

        Assert.Equal(1, Count("answer"));
    }
}
