using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.Execution;

/// <summary>
/// A request by <paramref name="Actor"/> to run <paramref name="Kind"/> on <paramref name="Target"/> of a call (see
/// <see cref="PendingAction.Target"/>). The actor's role decides whether it may run; its id and name go to the
/// activity feed and the audit trail.
/// </summary>
public sealed record ActionRequest(ActionKind Kind, CallId CallId, string Target, Actor Actor)
{
    /// <summary>What the action needs beyond its target, as given (a transfer's destination, an agent's new state).</summary>
    public ImmutableDictionary<string, string> Arguments { get; init; } = ImmutableDictionary<string, string>.Empty;

    public static ActionRequest Mute(CallId callId, string participantRawId, Actor actor) => new(ActionKind.Mute, callId, participantRawId, actor);

    public static ActionRequest CancelInvitation(CallId callId, InvitationId invitationId, Actor actor) => new(ActionKind.CancelInvitation, callId, invitationId.Value, actor);

    public static ActionRequest CancelMedia(CallId callId, Actor actor) => new(ActionKind.CancelMedia, callId, "", actor);
}
