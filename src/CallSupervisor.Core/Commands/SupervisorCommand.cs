using CallSupervisor.Core.Calls;

namespace CallSupervisor.Core.Commands;

/// <summary>An action a supervisor takes on a call. <see cref="Supervisor"/> is recorded in the audit trail.</summary>
public abstract record SupervisorCommand(CallId CallId, string Supervisor);

/// <summary>Mute one participant (ACS participants:mute; only ACS users can be muted).</summary>
public sealed record MuteParticipant(CallId CallId, string ParticipantRawId, string Supervisor)
    : SupervisorCommand(CallId, Supervisor);

/// <summary>Cancel a pending invitation (ACS participants:cancelAddParticipant).</summary>
public sealed record CancelInvitation(CallId CallId, InvitationId InvitationId, string Supervisor)
    : SupervisorCommand(CallId, Supervisor);

/// <summary>Cancel all running media of a call (ACS cancelAllMediaOperations, or Graph cancelMediaProcessing).</summary>
public sealed record CancelMedia(CallId CallId, string Supervisor)
    : SupervisorCommand(CallId, Supervisor);
