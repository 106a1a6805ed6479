using CallSupervisor.Core.Calls;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// A supervisor's request to run <paramref name="Kind"/> on <paramref name="Target"/> of a call (see
/// <see cref="PendingAction.Target"/>). <paramref name="Supervisor"/> is recorded in the activity feed and audit trail.
/// </summary>
public sealed record ActionCommand(ActionKind Kind, CallId CallId, string Target, string Supervisor)
{
    public static ActionCommand Mute(CallId callId, string participantRawId, string supervisor) => new(ActionKind.Mute, callId, participantRawId, supervisor);

    public static ActionCommand CancelInvitation(CallId callId, InvitationId invitationId, string supervisor) => new(ActionKind.CancelInvitation, callId, invitationId.Value, supervisor);

    public static ActionCommand CancelMedia(CallId callId, string supervisor) => new(ActionKind.CancelMedia, callId, "", supervisor);
}
