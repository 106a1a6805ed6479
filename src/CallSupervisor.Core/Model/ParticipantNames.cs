using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

/// <summary>
/// The role the app knows for someone in a call. <c>Other</c>: someone the app has a name for but no role;
/// <c>Unknown</c>: someone it knows nothing about (no name, no role), shown by kind and short id.
/// <c>Supervisor</c> and <c>TransferTarget</c> are for people a supervisor brings in (listening in, a transfer): the
/// actions that do so name them in <see cref="Call.Roles"/>.
/// </summary>
public enum ParticipantRole
{
    Other,
    Caller,
    Agent,
    Supervisor,
    TransferTarget,
    Unknown,
}

/// <summary>
/// How people of a call are named, the same on every screen and in every feed line: the display name the app knows
/// (the caller's from the IncomingCall, an agent's from configuration), else the short form of the identifier.
/// </summary>
public static class ParticipantNames
{
    public static string Display(Call call, CommunicationIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(identifier);
        return call.Names.TryGetValue(identifier.RawId, out var name) ? name : IdentifierFormat.Short(identifier);
    }

    /// <summary>
    /// Caller (the party that called), a role the call records (<see cref="Call.Roles"/>), Agent (the agent who took
    /// the call, the one offered it, or someone this app invited), Other (named), else Unknown.
    /// </summary>
    public static ParticipantRole RoleOf(Call call, CommunicationIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(identifier);
        if (call.Caller?.RawId == identifier.RawId)
        {
            return ParticipantRole.Caller;
        }
        if (call.Roles.TryGetValue(identifier.RawId, out var role))
        {
            return role;
        }
        if (call.AgentIdentity?.RawId == identifier.RawId || call.Offer?.Agent.RawId == identifier.RawId)
        {
            return ParticipantRole.Agent;
        }
        foreach (var invitation in call.Invitations.Values)
        {
            if (invitation.Target.RawId == identifier.RawId)
            {
                return ParticipantRole.Agent;
            }
        }
        return call.Names.ContainsKey(identifier.RawId) ? ParticipantRole.Other : ParticipantRole.Unknown;
    }

    /// <summary>
    /// The agent handling the call: the invitee who accepted (latest first), else the one being rung now; null when
    /// no agent was invited. <c>Answered</c> says which.
    /// </summary>
    public static (CommunicationIdentifier Agent, bool Answered)? AgentOf(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Invitation? ringing = null;
        Invitation? accepted = null;
        foreach (var invitation in call.Invitations.Values)
        {
            if (invitation.Status == InvitationStatus.Accepted && (accepted is null || invitation.RequestedAt > accepted.RequestedAt))
            {
                accepted = invitation;
            }
            else if (invitation.IsOpen && (ringing is null || invitation.RequestedAt > ringing.RequestedAt))
            {
                ringing = invitation;
            }
        }
        return accepted is not null ? (accepted.Target, true) : ringing is not null ? (ringing.Target, false) : null;
    }

    /// <summary>The call as a feed line names it: by its caller.</summary>
    public static string CallLabel(Call call) =>
        call.Caller is { } caller ? Display(call, caller) : "Call " + IdentifierFormat.Short(new CommunicationIdentifier(IdentifierKind.Unknown, call.CallId.Value, call.CallId.Value));
}
