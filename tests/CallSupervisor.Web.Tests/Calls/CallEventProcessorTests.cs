using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Tests;
using CallSupervisor.Core.Tests.Commands;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Web.Calls;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallSupervisor.Web.Tests.Calls;

/// <summary>
/// The ordered inbox with the real store and workflow over a fake ACS port: the answer response and the
/// CallConnected callback race, and the flow must start once, with the caller known, whichever comes first.
/// </summary>
public sealed class CallEventProcessorTests : IAsyncLifetime
{
    private static readonly CallId Call1 = new("call-1");
    private static readonly CommunicationIdentifier Caller = CommunicationIdentifier.Phone("+14255550100");

    private readonly ManualTimeProvider _time = new();
    private readonly FakeCallAutomationPort _acs = new();
    private readonly CallEventQueue _queue = new(1000, TimeProvider.System);
    private readonly CancellationTokenSource _stop = new();
    private CallStore _store = null!;
    private CallEventProcessor _processor = null!;

    public async Task InitializeAsync()
    {
        _store = StoreTestKit.NewStore(_time);
        var workflow = new ContactCenterWorkflow(_acs, _queue, new WorkflowOptions(
            true, [CommunicationIdentifier.AcsUser("8:acs:agent")], new Uri("https://media.example.com/hold.wav"), new Uri("https://media.example.com/menu.wav"), TimeSpan.FromSeconds(60)), _time);
        _processor = new CallEventProcessor(_queue, _store, workflow, new CallbackAddress(new NoServer(), new Uri("http://127.0.0.1:9/")), NullLogger<CallEventProcessor>.Instance);
        await _processor.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _queue.Complete();
        await _processor.StopAsync(CancellationToken.None);
        _processor.Dispose();
        _stop.Dispose();
    }

    private static IncomingCall Incoming() =>
        new("eg-1", DateTimeOffset.UnixEpoch, "ctx-1", Caller, CommunicationIdentifier.Phone("+18005550199"), "server-1", "corr-1", "Alice");

    private static CallConnected Connected(string eventId = "ce-1") =>
        new(eventId, Call1, DateTimeOffset.UnixEpoch, CallPlatform.Acs, null, null, null, null);

    private async Task<Call> WaitForAsync(Func<Call, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var subscription = _store.Subscribe(timeout.Token);
        if (subscription.Initial.Find(Call1) is { } now && condition(now))
        {
            return now;
        }
        await foreach (var batch in subscription.Changes)
        {
            if (batch.State.Find(Call1) is { } call && condition(call))
            {
                return call;
            }
        }
        throw new TimeoutException("state not reached; requests: " + string.Join(" | ", _acs.Requests));
    }

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
        Assert.True(_queue.TryAccept([Incoming()]));
        await _acs.Sent.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // ACS connected the call before its answer response reached us.
        _queue.Publish(Connected());
        var connected = await WaitForAsync(c => c.State == CallState.Connected);
        Assert.Null(connected.Caller);
        Assert.Equal(0, Count("play"));

        _acs.Gate.SetResult();

        var started = await WaitForAsync(c => c.Caller == Caller && c.Invitations.Count == 1);
        Assert.Equal("server-1", started.ServerCallId);
        Assert.Equal(1, Count("play"));
        Assert.Equal(1, Count("recognize"));
        Assert.Equal(1, Count("add"));
    }

    [Fact]
    public async Task AnswerThenConnected_FlowStartsOnce_EvenIfConnectedIsRepeated()
    {
        Assert.True(_queue.TryAccept([Incoming()]));
        await _acs.Sent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _queue.Publish(Connected("ce-1"));
        await WaitForAsync(c => c.Invitations.Count == 1 && c.Caller == Caller);

        _queue.Publish(Connected("ce-2"));
        _queue.Publish(Connected("ce-1"));
        // A later roster marks the point where the repeated events have been processed.
        _queue.Publish(new ParticipantsUpdated("roster-7", Call1, DateTimeOffset.UnixEpoch, 7, [new ParticipantState(Caller, false, false)]));
        await WaitForAsync(c => c.LastRosterSequence == 7);

        Assert.Equal(1, Count("answer"));
        Assert.Equal(1, Count("play"));
        Assert.Equal(1, Count("add"));
    }

    [Fact]
    public async Task Answered_CallConnectedLost_CallShownConnectingAndFlowStartsWhenAReReadSaysConnected()
    {
        Assert.True(_queue.TryAccept([Incoming()]));
        var connecting = await WaitForAsync(c => c.State == CallState.Connecting);
        Assert.Equal(Caller, connecting.Caller);
        Assert.Equal(0, Count("play"));

        // CallConnected never arrives; the reconciler reads the call from ACS.
        var details = new Core.Ports.CallDetails(Call1, "server-1", "corr-1", CallState.Connected, Caller, []);
        _queue.Publish(new CallReconciled("reconcile-1", Call1, DateTimeOffset.UnixEpoch, details, [new ParticipantState(Caller, false, false)], null));

        await WaitForAsync(c => c.State == CallState.Connected && c.Invitations.Count == 1);
        Assert.Equal(1, Count("play"));
        Assert.Equal(1, Count("add"));

        // A late CallConnected does not start it again.
        _queue.Publish(Connected("ce-late"));
        _queue.Publish(new ParticipantsUpdated("roster-9", Call1, DateTimeOffset.UnixEpoch, 9, [new ParticipantState(Caller, true, false)]));
        await WaitForAsync(c => c.LastRosterSequence == 9);
        Assert.Equal(1, Count("play"));
        Assert.Equal(1, Count("add"));
    }

    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
