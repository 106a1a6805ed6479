using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.State;

internal enum GraphCallState
{
    Establishing,
    Established,
    Terminated,
}

internal enum GraphOperationStatus
{
    Running,
    Completed,
    Failed,
}

/// <summary>One emulated Graph-hosted (Teams bot) call; only touched under the Graph engine's lock.</summary>
internal sealed class GraphCall(string scenarioId, CallScenario scenario, IdentifierModel caller, string callerName = "")
{
    /// <summary>The caller's display name in Graph identities.</summary>
    public string CallerName { get; } = callerName;

    public string ScenarioId { get; } = scenarioId;

    public CallScenario Scenario { get; } = scenario;

    public string Id { get; } = Guid.NewGuid().ToString();

    /// <summary>callChainId in Graph terms.</summary>
    public string CorrelationId { get; } = Guid.NewGuid().ToString();

    public IdentifierModel Caller { get; } = caller;

    public GraphCallState State { get; set; } = GraphCallState.Establishing;

    public List<GraphParticipant> Participants { get; } = [];

    public List<GraphMediaOperation> Operations { get; } = [];

    /// <summary>How many prompt/record operations the bot has started (it runs a prompt, then a recording).</summary>
    public int OperationsStarted { get; set; }

    public bool MediaStopped { get; set; }
}

internal sealed class GraphParticipant(IdentifierModel identity, string displayName)
{
    public string Id { get; } = Guid.NewGuid().ToString();

    public IdentifierModel Identity { get; } = identity;

    public string DisplayName { get; } = displayName;

    public bool IsMuted { get; set; }
}

internal sealed class GraphMediaOperation(string odataType, string kind, TimeSpan duration)
{
    public string Id { get; } = Guid.NewGuid().ToString();

    /// <summary>#microsoft.graph.playPromptOperation or #microsoft.graph.recordOperation.</summary>
    public string ODataType { get; } = odataType;

    /// <summary>playPrompt or record (admin snapshot).</summary>
    public string Kind { get; } = kind;

    public string ClientContext { get; } = Guid.NewGuid().ToString();

    public TimeSpan Duration { get; } = duration;

    public GraphOperationStatus Status { get; set; } = GraphOperationStatus.Running;
}
