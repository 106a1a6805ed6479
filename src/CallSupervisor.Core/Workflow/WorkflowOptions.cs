using CallSupervisor.Core.Routing;

namespace CallSupervisor.Core.Workflow;

/// <summary>
/// What the contact-center flow does with a call it answers — hold music (looped until an agent joins) and a DTMF
/// menu that chooses the queue — and the contact center behind it: the queues and agents (<see cref="Directory"/>)
/// and how calls are routed to them (<see cref="Routing"/>).
/// </summary>
public sealed record WorkflowOptions(
    bool Enabled,
    ContactCenterDirectory Directory,
    Uri HoldMusic,
    Uri MenuPrompt,
    TimeSpan InvitationTimeout,
    bool PlayHoldMusic = true,
    bool RecognizeMenu = true)
{
    public RoutingOptions Routing { get; init; } = new();
}
