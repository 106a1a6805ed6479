using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Workflow;

/// <summary>
/// What the contact-center flow does with a call it answers: hold music, a DTMF menu, and an agent invitation.
/// These are the operations a supervisor later watches and may cancel.
/// </summary>
public sealed record WorkflowOptions(
    bool Enabled,
    IReadOnlyList<CommunicationIdentifier> Agents,
    Uri HoldMusic,
    Uri MenuPrompt,
    TimeSpan InvitationTimeout,
    bool PlayHoldMusic = true,
    bool RecognizeMenu = true)
{
    /// <summary>Display names of the agents, by raw id (agents without one are shown by their id).</summary>
    public IReadOnlyDictionary<string, string> AgentNames { get; init; } = new Dictionary<string, string>();
}
