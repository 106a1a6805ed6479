using System.Collections.Immutable;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// What listen in and join share: the supervisor's own endpoint (from the directory) is invited into the call and
/// shown as a supervisor. ACS has no silent participant and no whisper: everyone in the call can see them in the
/// roster, and only an ACS user can be muted by the server — a phone or Teams endpoint must keep its own device muted.
/// </summary>
public abstract class MonitorAction : SupervisorAction
{
    public const string NameArgument = "name";

    public const string NoEndpoint =
        "You have no endpoint to join calls with: an administrator sets it under Workflow:Supervisors (your user id and an ACS user, phone number or Teams identity)";

    /// <summary>How the supervisor is in the call once it is done.</summary>
    protected abstract MonitorMode Mode { get; }

    public override ActionTone Tone => ActionTone.Neutral;

    public override bool Shows(Call call, string target) => call.Platform == CallPlatform.Acs;

    public override Preparation Prepare(ActionAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return ask.Directory.SupervisorEndpoint(ask.ActorId) is { } own
            ? new Preparation(own.Identity.RawId, ImmutableDictionary<string, string>.Empty.Add(NameArgument, own.Name))
            : Preparation.Refuse(NoEndpoint);
    }

    public override string AccessibleName(Call call, string target) => $"{Label} to the call with {Model.Describe.Who(call, call.Caller)}";

    protected override Availability CheckTarget(Call call, string target)
    {
        if ((NotConnected(call) ?? NotAcs(call)) is { } refused)
        {
            return refused;
        }
        // A listen or join still being sent has no invitation on the board yet: it is one too.
        if (call.Invitations.Values.Any(i => i.IsOpen && i.Target.RawId == target)
            || call.PendingActions.Values.Any(p => p.Target == target && SupervisorActions.For(p.Kind) is MonitorAction))
        {
            return Availability.Refused("Your endpoint is already being invited to this call");
        }
        if (call.Supervisors.TryGetValue(target, out var there) && there.Mode == Mode)
        {
            return Availability.Refused(Mode == MonitorMode.Listening ? "You are already listening" : "You are already in the call");
        }
        return call.Participants.ContainsKey(target) && !call.Supervisors.ContainsKey(target)
            ? Availability.Refused("Your endpoint is already in the call")
            : Availability.Ok;
    }

    public override Call Mark(Call call, PendingAction pending, DateTimeOffset at)
    {
        var name = pending.Argument(NameArgument) ?? pending.Request.Supervisor;
        var there = call.Supervisors.GetValueOrDefault(pending.Target);
        return call with
        {
            Names = call.Names.SetItem(pending.Target, name),
            Roles = call.Roles.SetItem(pending.Target, ParticipantRole.Supervisor),
            // Back to listening after joining: muted again by the server (MutedOnce cleared for the router).
            Supervisors = call.Supervisors.SetItem(pending.Target, there is null
                ? new SupervisorInCall(name, Mode, at)
                : there with { Mode = Mode, MutedOnce = Mode != MonitorMode.Listening && there.MutedOnce }),
        };
    }

    public override Call Unmark(Call call, PendingAction pending) =>
        call.Supervisors.TryGetValue(pending.Target, out var there) && !there.InCall
            ? call with { Supervisors = call.Supervisors.Remove(pending.Target) }
            : call;

    // Already in the call (listening, now joining): nothing to ask ACS, which has no server-side unmute.
    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        call.Participants.ContainsKey(pending.Target)
            ? Task.FromResult(TelephonyResult<Sent>.Ok(Sent.Nothing))
            : Invite.SendAsync(ports, call, pending, CommunicationIdentifier.FromRawId(pending.Target), pending.Argument(NameArgument), cancellationToken);

    public override Settlement? Settled(Call call, PendingAction pending)
    {
        var name = pending.Argument(NameArgument) ?? pending.Request.Supervisor;
        if (call.Participants.TryGetValue(pending.Target, out var participant))
        {
            return new Settlement(ActionResult.Confirmed, Done(name, participant.Identifier));
        }
        return Invite.Of(call, pending) is { IsOpen: false, Status: var status } && status != InvitationStatus.Accepted
            ? new Settlement(ActionResult.Overtaken, $"{name}'s endpoint did not join ({status})", Announce: true)
            : null;
    }

    public override bool MayExpire(Call call, PendingAction pending) => !Invite.Rings(call, pending);

    /// <summary>What is said once the supervisor is in the call.</summary>
    protected abstract string Done(string name, CommunicationIdentifier endpoint);
}

/// <summary>
/// Listen in (silent monitoring): the supervisor's endpoint joins and an ACS user is muted at once on the server; a
/// phone or Teams endpoint must stay muted on its own device.
/// </summary>
public sealed class ListenAction : MonitorAction
{
    public override ActionKind Kind => ActionKind.Listen;

    protected override MonitorMode Mode => MonitorMode.Listening;

    public override string Icon => "Headphones";

    public override string Label => "Listen in";

    public override string BusyLabel => "Connecting…";

    protected override string WaitingFor => "your endpoint to join";

    public override string? Note =>
        "Listening adds your own endpoint to the call: the participants can see you in the call's roster (ACS has no hidden listener and no whisper). An ACS user is muted for you; a phone or Teams device must stay muted on its own.";

    public override string Describe(Call call, string target) => $"Listen-in by {Who(call, target)}";

    protected override string Done(string name, CommunicationIdentifier endpoint) =>
        endpoint.CanBeMuted ? $"{name} is listening" : $"{name} is listening — keep your own device muted (ACS cannot mute a {IdentifierFormat.Kind(endpoint.Kind).ToLowerInvariant()})";
}

/// <summary>Join (barge in): the supervisor's endpoint joins unmuted; from listening, the supervisor unmutes their own device.</summary>
public sealed class JoinAction : MonitorAction
{
    public override ActionKind Kind => ActionKind.Join;

    protected override MonitorMode Mode => MonitorMode.Joined;

    public override ActionTone Tone => ActionTone.Caution;

    public override string Icon => "RecordVoiceOver";

    public override string Label => "Join";

    public override string BusyLabel => "Joining…";

    protected override string WaitingFor => "your endpoint to join";

    public override string Describe(Call call, string target) => $"Join by {Who(call, target)}";

    protected override string Done(string name, CommunicationIdentifier endpoint) =>
        $"{name} joined the call — unmute your own device to speak";
}

/// <summary>Leave: the supervisor's endpoint is removed from the call (participants:remove).</summary>
public sealed class LeaveAction : SupervisorAction
{
    public override ActionKind Kind => ActionKind.Leave;

    public override ActionTone Tone => ActionTone.Neutral;

    public override string Icon => "Logout";

    public override string Label => "Leave";

    public override string BusyLabel => "Leaving…";

    protected override string WaitingFor => "ACS to remove you";

    public override bool Shows(Call call, string target) => !call.Supervisors.IsEmpty;

    public override Preparation Prepare(ActionAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        return ask.Directory.SupervisorEndpoint(ask.ActorId) is { } own
            ? new Preparation(own.Identity.RawId, ImmutableDictionary<string, string>.Empty)
            : Preparation.Refuse(MonitorAction.NoEndpoint);
    }

    public override string Describe(Call call, string target) => $"Leave by {Who(call, target)}";

    // Whoever asks (the wire's list of what can run): a supervisor in the call could leave it. The asker's own
    // endpoint replaces this when they run it (Prepare).
    public override string DefaultTarget(Call call, string target) =>
        target.Length > 0 ? target : call.Supervisors.Keys.FirstOrDefault(call.Participants.ContainsKey) ?? "";

    public override string AccessibleName(Call call, string target) => $"Leave the call with {Model.Describe.Who(call, call.Caller)}";

    protected override Availability CheckTarget(Call call, string target) =>
        NotAcs(call) ?? (call.Participants.ContainsKey(target) ? Availability.Ok : Availability.Refused("You are not in this call"));

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(ports.Acs.RemoveParticipantAsync(
            call.CallId, call.Participants[pending.Target].Identifier, pending.OperationContext,
            Repeatability.For(pending.OperationContext, pending.Request.RequestedAt), cancellationToken));

    public override Settlement? Settled(Call call, PendingAction pending) =>
        call.Participants.ContainsKey(pending.Target) ? null : new Settlement(ActionResult.Confirmed, $"{Who(call, pending.Target)} left the call");
}
