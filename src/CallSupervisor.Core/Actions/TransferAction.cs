using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// Hand the caller from their agent to another agent or to a phone number (ACS <c>:transferToParticipant</c> with
/// the agent as transferee: ACS swaps them in one step and the call stays on the board). To an agent it is an offer
/// like any other (no other offer reaches them while it rings); CallTransferAccepted — or the roster showing the
/// swap — makes the call theirs, CallTransferFailed leaves it with the agent it had.
/// </summary>
public sealed partial class TransferAction : SupervisorAction
{
    /// <summary>What the supervisor gives: an agent's id or a phone number (E.164, e.g. +14255550123).</summary>
    public const string ToArgument = "to";
    public const string IdentityArgument = "identity";
    public const string NameArgument = "name";
    public const string AgentArgument = "agent";

    public override ActionKind Kind => ActionKind.Transfer;

    public override ActionTone Tone => ActionTone.Caution;

    public override ActionInput Input => ActionInput.AgentOrNumber;

    public override string Icon => "PhoneForwarded";

    public override string Label => "Transfer…";

    public override string BusyLabel => "Transferring…";

    protected override string WaitingFor => "the transfer to be answered";

    public override bool ExpectsDeparture => true;

    // A transfer has no invitation to follow: kept while its offer stands (the maintenance's upper bound still releases
    // one whose outcome never came).
    public override bool MayExpire(Call call, PendingAction pending) => call.Offer?.OperationContext != pending.OperationContext;

    public override bool Shows(Call call, string target) => call.Platform == CallPlatform.Acs && HasAgent(call);

    public override Preparation Prepare(ActionAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var transferee = ask.Call is { } call ? DefaultTarget(call, ask.Target) : ask.Target;
        var to = ask.Arguments.GetValueOrDefault(ToArgument)?.Trim() ?? "";
        if (to.Length == 0)
        {
            return Preparation.Refuse("Choose an agent or enter a phone number");
        }
        var arguments = ImmutableDictionary<string, string>.Empty.Add(ToArgument, to);
        if (ask.Directory.AgentEndpoint(to) is { } agent)
        {
            if (AssignAction.Free(ask, agent) is { } refused)
            {
                return refused;
            }
            return new Preparation(transferee, arguments
                .Add(IdentityArgument, agent.Identity.RawId).Add(NameArgument, agent.Name).Add(AgentArgument, agent.Key));
        }
        var number = Regex.Replace(to, @"[\s\-().]", "");
        if (!PhoneNumber().IsMatch(number))
        {
            return Preparation.Refuse($"'{to}' is neither an agent nor a phone number in international form (+ and 7 to 15 digits)");
        }
        return new Preparation(transferee, arguments.Add(IdentityArgument, "4:" + number).Add(NameArgument, IdentifierFormat.Phone(number)));
    }

    /// <summary>The call's agent, unless a participant is named.</summary>
    public override string DefaultTarget(Call call, string target) =>
        target is { Length: > 0 } ? target : call.AgentIdentity?.RawId ?? "";

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex PhoneNumber();

    public override string Describe(Call call, string target) => $"Transfer of {Who(call, target)}'s caller";

    // The audit row says where the caller went.
    public override string Describe(Call call, PendingAction pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return $"{Describe(call, pending.Target)} to {pending.Argument(NameArgument) ?? pending.Argument(ToArgument)} ({pending.Argument(IdentityArgument)})";
    }

    public override string AccessibleName(Call call, string target) => $"Transfer the call with {Model.Describe.Who(call, call.Caller)}";

    protected override Availability CheckTarget(Call call, string target)
    {
        if ((NotConnected(call) ?? NotAcs(call)) is { } refused)
        {
            return refused;
        }
        if (call.Offer is { } offer)
        {
            return Availability.Refused($"Already offered to {offer.AgentName ?? offer.AgentId}");
        }
        if (target.Length == 0 || !call.Participants.ContainsKey(target))
        {
            return Availability.Refused(HasAgent(call) ? "The participant to hand over is not in the call" : "No agent is in the call to hand over: assign one instead");
        }
        return Availability.Ok;
    }

    public override Call Mark(Call call, PendingAction pending, DateTimeOffset at)
    {
        var identity = CommunicationIdentifier.FromRawId(pending.Argument(IdentityArgument) ?? "");
        var name = pending.Argument(NameArgument);
        var named = call with
        {
            Names = name is null ? call.Names : call.Names.SetItem(identity.RawId, name),
            Roles = pending.Argument(AgentArgument) is null ? call.Roles.SetItem(identity.RawId, ParticipantRole.TransferTarget) : call.Roles,
        };
        return pending.Argument(AgentArgument) is { } agent
            ? named with
            {
                Offer = new Offer(agent, identity, name, pending.OperationContext, pending.Request.RequestedAt) { Replaces = pending.Target },
                Offers = call.Offers + 1,
            }
            : named;
    }

    public override Call Unmark(Call call, PendingAction pending) =>
        call.Offer?.OperationContext == pending.OperationContext ? call with { Offer = null } : call;

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Sent.After(ports.Acs.TransferToParticipantAsync(
            call.CallId, CommunicationIdentifier.FromRawId(pending.Argument(IdentityArgument) ?? ""), call.Participants[pending.Target].Identifier,
            pending.OperationContext, Repeatability.For(pending.OperationContext, pending.Request.RequestedAt), cancellationToken));

    public override (Call Call, Settlement? Settlement) Reported(Call call, PendingAction pending, OperationReported report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var name = pending.Argument(NameArgument) ?? pending.Argument(ToArgument) ?? "the target";
        if (!report.Succeeded)
        {
            // Only the target's decline or silence counts against them, not a transferee who left or an ACS error.
            var missed = report.Result?.Code is 486 or 603 or 408 or 480;
            var declined = call.Offer?.OperationContext == pending.OperationContext
                ? call with { Offer = null, MissedOffers = call.MissedOffers + (missed ? 1 : 0) }
                : call;
            return (declined, new Settlement(ActionResult.Failed, $"Transfer to {name} failed: {Model.Describe.Result(report.Result)}; the caller stays with {Who(call, pending.Target)}", Announce: true));
        }
        if (call.Offer is { } offer && offer.OperationContext == pending.OperationContext)
        {
            return (call.TakenBy(offer, report.OccurredAt), new Settlement(ActionResult.Confirmed, $"Transferred to {name}", Announce: true));
        }
        if (pending.Argument(AgentArgument) is null)
        {
            // Out of the contact center: the agent's part is over, the caller talks with the number.
            var handed = call with { TransferredTo = CommunicationIdentifier.FromRawId(pending.Argument(IdentityArgument) ?? ""), AgentLeftAt = call.AgentLeftAt ?? report.OccurredAt };
            return (handed, new Settlement(ActionResult.Confirmed, $"Transferred to {name}", Announce: true));
        }
        // The roster showed the swap first: the offer was already taken.
        return (call, new Settlement(ActionResult.Confirmed, $"Transferred to {name}", Announce: true));
    }

    public override Settlement? Settled(Call call, PendingAction pending) =>
        pending.Argument(AgentArgument) is { } agent && call.Offer?.OperationContext != pending.OperationContext && call.AgentId == agent
            ? new Settlement(ActionResult.Confirmed, $"Transferred to {pending.Argument(NameArgument) ?? agent}")
            : null;

    private static bool HasAgent(Call call) => call is { AgentIdentity: not null, AgentLeftAt: null } && call.Participants.ContainsKey(call.AgentIdentity.RawId);
}
