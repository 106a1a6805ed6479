using System.Collections.Immutable;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Offer a waiting caller — or one whose agent left — to an agent the supervisor chooses, outside the queue's order.
/// It is an offer like the router's: the agent is offered (no other offer reaches them meanwhile), the call keeps
/// one offer at a time, and the invitation decides: joined → their call; declined or unanswered → first in line
/// again. Its Repeatability follows from the action, so the router's resend of an unconfirmed offer is the same request.
/// </summary>
public class AssignAction : SupervisorAction
{
    public const string IdentityArgument = "identity";
    public const string NameArgument = "name";

    public override ActionKind Kind => ActionKind.Assign;

    public override ActionTone Tone => ActionTone.Caution;

    public override ActionInput Input => ActionInput.Agent;

    public override string Icon => "AssignmentInd";

    public override string Label => "Assign…";

    public override string BusyLabel => "Offering…";

    protected override string WaitingFor => "the agent to answer";

    public override bool Shows(Call call, string target) => call.Platform == CallPlatform.Acs && (call.IsQueued || Stranded(call));

    public override Preparation Prepare(ActionAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (string.IsNullOrWhiteSpace(ask.Target))
        {
            return Preparation.Refuse("Choose an agent");
        }
        if (ask.Directory.AgentEndpoint(ask.Target) is not { } agent)
        {
            return Preparation.Refuse($"There is no agent '{ask.Target}'");
        }
        return Free(ask, agent) ?? Prepared(agent);
    }

    /// <summary>The agent's endpoint as the arguments keep it.</summary>
    protected static Preparation Prepared(Endpoint agent) => new(
        agent.Key,
        ImmutableDictionary<string, string>.Empty.Add(IdentityArgument, agent.Identity.RawId).Add(NameArgument, agent.Name));

    /// <summary>
    /// Refuses an agent who cannot take an offer now (the store checks it again when it marks the offer), or who is in
    /// the call already (ACS would ring an endpoint that is there).
    /// </summary>
    internal static Preparation? Free(ActionAsk ask, Endpoint agent) =>
        ask.Call?.Participants.ContainsKey(agent.Identity.RawId) == true ? Preparation.Refuse($"{agent.Name} is in this call already")
        : ask.Board.Agents.TryGetValue(agent.Key, out var state) && !state.CanTakeOffer ? Preparation.Refuse($"{agent.Name} is not available ({state.State})")
        : null;

    public override string Describe(Call call, string target) => $"Assignment of the call with {Model.Describe.Who(call, call.Caller)} to {AgentName(call, target)}";

    /// <summary>The agent's name while their offer is on the call, else their id.</summary>
    protected static string AgentName(Call call, string agentId) =>
        call.Offer is { } offer && offer.AgentId == agentId ? offer.AgentName ?? agentId : agentId;

    public override string AccessibleName(Call call, string target) => $"Assign the call with {Model.Describe.Who(call, call.Caller)} to an agent";

    protected override Availability CheckTarget(Call call, string target)
    {
        if ((NotConnected(call) ?? NotAcs(call)) is { } refused)
        {
            return refused;
        }
        if (call.Offer is { } offer)
        {
            return Availability.Refused($"Already offered to {offer.AgentName ?? offer.AgentId}: cancel that invitation first");
        }
        return call.IsQueued || Stranded(call) ? Availability.Ok : Availability.Refused("The call already has its agent");
    }

    /// <summary>The agent left a call that goes on: the caller is with nobody.</summary>
    protected static bool Stranded(Call call) => call is { IsLive: true, AgentId: not null, AgentLeftAt: not null, TransferredTo: null };

    public override Call Mark(Call call, PendingAction pending, DateTimeOffset at)
    {
        var identity = CommunicationIdentifier.FromRawId(pending.Argument(IdentityArgument) ?? "");
        var name = pending.Argument(NameArgument);
        return call with
        {
            Offer = new Offer(pending.Target, identity, name, pending.OperationContext, pending.Request.RequestedAt),
            Offers = call.Offers + 1,
            Names = name is null ? call.Names : call.Names.SetItem(identity.RawId, name),
        };
    }

    public override Call Unmark(Call call, PendingAction pending) =>
        call.Offer?.OperationContext == pending.OperationContext ? call with { Offer = null } : call;

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Invite.SendAsync(ports, call, pending, CommunicationIdentifier.FromRawId(pending.Argument(IdentityArgument) ?? ""), pending.Argument(NameArgument), cancellationToken);

    public override bool MayExpire(Call call, PendingAction pending) => !Invite.Rings(call, pending);

    public override Settlement? Settled(Call call, PendingAction pending)
    {
        if (call.Offer?.OperationContext == pending.OperationContext)
        {
            return null;
        }
        var name = pending.Argument(NameArgument) ?? pending.Target;
        return call.AgentId == pending.Target && call.AgentLeftAt is null
            ? new Settlement(ActionResult.Confirmed, $"{name} took the call")
            : new Settlement(ActionResult.Overtaken, $"{name} did not take the call ({Invite.Of(call, pending)?.Status.ToString() ?? "no invitation"})");
    }
}

/// <summary>Take the call: the supervisor is the agent — an assignment to their own endpoint.</summary>
public sealed class TakeCallAction : AssignAction
{
    /// <summary>
    /// Why a supervisor whose endpoint is in the call (listening or joined) cannot take it: ACS would ring an endpoint
    /// that is already there.
    /// </summary>
    public const string AlreadyInCall = "You are in this call already: leave it first, then take the call";

    public override ActionKind Kind => ActionKind.TakeCall;

    public override ActionInput Input => ActionInput.None;

    public override string Icon => "PhoneForwarded";

    public override string Label => "Take the call";

    public override string BusyLabel => "Ringing you…";

    protected override string WaitingFor => "your endpoint to answer";

    public override Preparation Prepare(ActionAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (ask.Directory.SupervisorEndpoint(ask.ActorId) is not { } own)
        {
            return Preparation.Refuse(MonitorAction.NoEndpoint);
        }
        if (ask.Call?.Participants.ContainsKey(own.Identity.RawId) == true)
        {
            return Preparation.Refuse(AlreadyInCall);
        }
        // A supervisor who is no agent of the directory is never "available" in the queues' sense: only not busy.
        if (ask.Directory.AgentEndpoint(own.Key) is null)
        {
            return ask.Board.Agents.TryGetValue(own.Key, out var state) && (state.OfferCallId ?? state.CallId) is { } busy
                ? Preparation.Refuse($"You are already {(state.CallId is not null ? "on" : "being offered")} a call ({busy})")
                : Prepared(own);
        }
        return Free(ask, own) ?? Prepared(own);
    }

    public override string Describe(Call call, string target) => $"Take-over of the call with {Model.Describe.Who(call, call.Caller)} by {AgentName(call, target)}";

    public override string AccessibleName(Call call, string target) => $"Take the call with {Model.Describe.Who(call, call.Caller)} yourself";
}
