using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Tests.Actions;
using CallSupervisor.Core.Workflow;

namespace CallSupervisor.Core.Tests.Workflow;

public sealed class ContactCenterWorkflowTests
{
    private static readonly Uri Callback = new("http://127.0.0.1:5000/api/callbacks/acs");
    private static readonly CommunicationIdentifier Caller = CommunicationIdentifier.Phone("+14255550100");
    private static readonly CommunicationIdentifier AgentA = CommunicationIdentifier.AcsUser("8:acs:agent-a");
    private static readonly CommunicationIdentifier AgentB = CommunicationIdentifier.TeamsUser("agent-b");

    private readonly FakeCallAutomationPort _acs = new();
    private readonly RecordingSink _sink = new();
    private readonly ManualTimeProvider _time = new();

    private static readonly ContactCenterDirectory Directory = new(
        [new QueueProfile("main", "Main queue")],
        [new AgentProfile("a", "Agent A", AgentA, ["main"]), new AgentProfile("b", "Agent B", AgentB, ["main"])]);

    private ContactCenterWorkflow Create(bool enabled = true) =>
        new(_acs, _sink, new WorkflowOptions(enabled, Directory,
            new Uri("https://media.example/hold.wav"), new Uri("https://media.example/menu.wav"), TimeSpan.FromSeconds(60)), _time);

    // What the host does: answer, then record the answer on its ordered loop.
    private static async Task AnswerAsync(ContactCenterWorkflow workflow, IncomingCall incoming)
    {
        var step = await workflow.HandleIncomingAsync(incoming, Callback, CancellationToken.None);
        if (step.CallId is { } callId)
        {
            workflow.RememberAnswered(callId, incoming);
        }
    }

    private static IncomingCall Incoming(string context = "ctx-1") =>
        new("eg-1", DateTimeOffset.UnixEpoch, context, Caller, CommunicationIdentifier.Phone("+18005550199"), "server-1", "corr-1", "Alice");

    private static CallConnected Connected(string callId = "call-1", CallPlatform platform = CallPlatform.Acs) =>
        new("ce-1", new CallId(callId), DateTimeOffset.UnixEpoch, platform, null, null, null, null);

    [Fact]
    public async Task HandleIncoming_AnswersWithCallbackUri()
    {
        var workflow = Create();

        var step = await workflow.HandleIncomingAsync(Incoming(), Callback, CancellationToken.None);

        Assert.True(step.Succeeded);
        Assert.Equal(new CallId("call-1"), step.CallId);
        Assert.StartsWith($"answer ctx-1 {Callback} answer:", _acs.Requests.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrich_AfterAnswer_FillsCallerCalleeAndIds()
    {
        var workflow = Create();
        await AnswerAsync(workflow, Incoming());

        var enriched = workflow.Enrich(Connected());

        Assert.Equal(Caller, enriched.Caller);
        Assert.Equal("+18005550199", enriched.Callee!.Value);
        Assert.Equal("server-1", enriched.ServerCallId);
        Assert.Equal("corr-1", enriched.CorrelationId);
    }

    [Fact]
    public async Task HandleConnected_AnsweredCall_PlaysLoopedMusicAndRecognizes_AndPublishesWhatItStarted()
    {
        var workflow = Create();
        await AnswerAsync(workflow, Incoming());

        var steps = await workflow.HandleConnectedAsync(Connected(), CancellationToken.None);

        Assert.All(steps, s => Assert.True(s.Succeeded));
        // The agent is the router's business: the flow only starts the music and the menu.
        Assert.Equal(["play", "recognize"], steps.Select(s => s.Operation));
        Assert.Contains(_acs.Requests, r => r.StartsWith($"recognize call-1 {Caller.RawId}", StringComparison.Ordinal));
        Assert.Contains(_acs.Requests, r => r.StartsWith("play call-1", StringComparison.Ordinal) && r.Contains("loop", StringComparison.Ordinal));
        Assert.Empty(_sink.Events.OfType<InvitationRequested>());
        Assert.Equal(
            [MediaKind.Play, MediaKind.Recognize],
            _sink.Events.OfType<MediaOperationStarted>().Select(m => m.Kind));
        // The operation id is the operationContext ACS will echo in Play*/Recognize* events.
        Assert.All(_sink.Events.OfType<MediaOperationStarted>(), m => Assert.Contains(m.OperationId.Value, string.Join('\n', _acs.Requests), StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleConnected_CallNotAnsweredByThisApp_DoesNothing()
    {
        var workflow = Create();

        var steps = await workflow.HandleConnectedAsync(Connected("someone-elses"), CancellationToken.None);

        Assert.Empty(steps);
        Assert.Empty(_acs.Requests);
    }

    [Fact]
    public async Task HandleConnected_GraphCallOrDisabled_DoesNothing()
    {
        var disabled = Create(enabled: false);
        await AnswerAsync(disabled, Incoming());
        _acs.Requests.Clear();

        Assert.Empty(await disabled.HandleConnectedAsync(Connected(), CancellationToken.None));
        Assert.Empty(await Create().HandleConnectedAsync(Connected(platform: CallPlatform.Graph), CancellationToken.None));
        Assert.Empty(_acs.Requests);
    }

    [Fact]
    public async Task HandleConnected_Twice_RunsTheFlowOnce()
    {
        var workflow = Create();
        await AnswerAsync(workflow, Incoming());
        Assert.True(workflow.ShouldStart(new CallId("call-1")));

        await workflow.HandleConnectedAsync(Connected(), CancellationToken.None);
        var again = await workflow.HandleConnectedAsync(Connected() with { EventId = "ce-2" }, CancellationToken.None);

        Assert.Empty(again);
        Assert.False(workflow.ShouldStart(new CallId("call-1")));
        Assert.Single(_sink.Events.OfType<MediaOperationStarted>(), m => m.Kind == MediaKind.Play);
    }

    [Fact]
    public async Task ShouldStart_OnlyOnceAnswered()
    {
        var workflow = Create();

        Assert.False(workflow.ShouldStart(new CallId("call-1")));
        await AnswerAsync(workflow, Incoming());
        Assert.True(workflow.ShouldStart(new CallId("call-1")));
    }

    [Fact]
    public async Task HandleIncoming_Disabled_DoesNotAnswer()
    {
        var step = await Create(enabled: false).HandleIncomingAsync(Incoming(), Callback, CancellationToken.None);

        Assert.Null(step.CallId);
        Assert.Empty(_acs.Requests);
    }

    [Fact]
    public async Task Forget_DropsAnsweredCall()
    {
        var workflow = Create();
        await AnswerAsync(workflow, Incoming());

        workflow.Forget(new CallId("call-1"));

        Assert.Null(workflow.Enrich(Connected()).Caller);
    }

    private sealed class RecordingSink : ICallEventSink
    {
        public List<CallEvent> Events { get; } = [];

        public void Publish(CallEvent callEvent) => Events.Add(callEvent);
    }
}
