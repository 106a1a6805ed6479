using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>
/// A call's place in a queue and its offers to agents. An offer follows its invitation: ringing once the invitation
/// is known, over when the invitation is (the agent joined, declined, did not answer, or it was cancelled), after
/// which the caller is first in line again (they keep the time they first queued).
/// </summary>
internal static class QueueRules
{
    public static Fold Queued(Call call, CallQueued e)
    {
        if (call.AgentId is not null)
        {
            return Fold.Ignored($"call {call.CallId} is already with an agent");
        }
        if (call.QueueId == e.QueueId)
        {
            return Fold.Ignored($"call {call.CallId} is already queued in {e.QueueId}");
        }
        var text = e.Overflowed
            ? $"Moved to queue {e.QueueId}: the wait limit of {call.QueueId} passed"
            : $"Waiting in queue {e.QueueId}";
        var queued = call with { QueueId = e.QueueId, QueuedAt = call.QueuedAt ?? e.OccurredAt };
        return Fold.Applied(queued, e.Overflowed ? NewEntry.Warning(call.CallId, e.OccurredAt, text) : NewEntry.Info(call.CallId, e.OccurredAt, text));
    }

    public static Fold Planned(Call call, OfferPlanned e)
    {
        if (!call.IsQueued)
        {
            return Fold.Ignored($"call {call.CallId} is not waiting in a queue");
        }
        if (call.Offer is not null)
        {
            return Fold.Ignored($"call {call.CallId} is already offered to {call.Offer.AgentName ?? call.Offer.AgentId}");
        }
        var offer = new Offer(e.AgentId, e.Agent, e.AgentName, e.OperationContext, e.OccurredAt);
        var named = call with
        {
            Offer = offer,
            Offers = call.Offers + 1,
            Names = LifecycleRules.Named(call.Names, e.Agent, e.AgentName),
        };
        return Fold.Applied(FollowOffer(named, e.OccurredAt).Call, NewEntry.Info(call.CallId, e.OccurredAt, $"Offered to {e.AgentName ?? e.AgentId}"));
    }

    public static Fold OfferFailed(Call call, OfferFailed e)
    {
        if (call.Offer is not { } offer || offer.OperationContext != e.OperationContext)
        {
            return Fold.Ignored($"no offer {e.OperationContext} on call {call.CallId}");
        }
        return Fold.Applied(
            call with { Offer = null, MissedOffers = call.MissedOffers + 1 },
            NewEntry.Warning(call.CallId, e.OccurredAt, $"The offer to {offer.AgentName ?? offer.AgentId} failed ({e.Reason}); the caller is first in line again"));
    }

    /// <summary>
    /// After any change: the offer learns its invitation, or ends with it; the agent who took the call is noted as
    /// gone when a newer roster no longer has them. Returns the call and what to say about it.
    /// </summary>
    public static (Call Call, IReadOnlyList<ActivityEntry> Activity) FollowOffer(Call call, DateTimeOffset at)
    {
        var activity = new List<ActivityEntry>();
        if (call.Offer is { } offer)
        {
            var invitation = offer.InvitationId is { } id
                ? call.Invitations.GetValueOrDefault(id)
                : call.Invitations.Values.FirstOrDefault(i => i.OperationContext == offer.OperationContext);
            if (invitation is not null && offer.InvitationId is null)
            {
                offer = offer with { InvitationId = invitation.InvitationId };
                call = call with { Offer = offer };
            }
            if (invitation is { IsOpen: false })
            {
                call = EndOffer(call, offer, invitation, at, activity);
            }
            else if (!call.IsLive)
            {
                call = call with { Offer = null };
            }
        }
        if (call.Offer is { Replaces: not null } swap && call.Participants.ContainsKey(swap.Agent.RawId))
        {
            // A transfer's target in the roster: ACS swapped the agents (its CallTransferAccepted may come later).
            call = call.TakenBy(swap, at);
            activity.Add(NewEntry.Info(call.CallId, at, $"{swap.AgentName ?? swap.AgentId} took over the call"));
        }
        if (call is { AgentIdentity: { } agent, AgentLeftAt: null, LastRosterAt: { } roster, TransferredTo: null }
            && (call.AgentSince ?? call.AnsweredAt) is { } joined
            && call.IsLive && roster > joined && !call.Participants.ContainsKey(agent.RawId)
            && call.Offer?.Replaces != agent.RawId
            && !call.PendingActions.Values.Any(p => p.Target == agent.RawId && SupervisorActions.For(p.Kind).ExpectsDeparture))
        {
            call = call with { AgentLeftAt = at };
            activity.Add(NewEntry.Warning(call.CallId, at, $"{Describe.Who(call, agent)} left; the caller is on the call with nobody"));
        }
        return (call, activity);
    }

    /// <summary>How the offer's invitation ended, as an offer outcome.</summary>
    /// <remarks>Cancelled — by a supervisor, or closed with the call — is not the agent's doing: withdrawn.</remarks>
    public static OfferOutcome OutcomeOf(Invitation invitation) => invitation.Status switch
    {
        InvitationStatus.Accepted => OfferOutcome.Accepted,
        InvitationStatus.TimedOut => OfferOutcome.NotAnswered,
        InvitationStatus.Failed => OfferOutcome.Declined,
        _ => OfferOutcome.Withdrawn,
    };

    private static Call EndOffer(Call call, Offer offer, Invitation invitation, DateTimeOffset at, List<ActivityEntry> activity)
    {
        var outcome = OutcomeOf(invitation);
        if (outcome == OfferOutcome.Accepted)
        {
            return call.TakenBy(offer, invitation.EndedAt ?? at);
        }
        var missed = outcome is OfferOutcome.Declined or OfferOutcome.NotAnswered;
        if (missed && call.IsLive)
        {
            var what = outcome == OfferOutcome.Declined ? "declined" : "did not answer";
            activity.Add(NewEntry.Warning(call.CallId, at, $"{offer.AgentName ?? offer.AgentId} {what}; the caller is first in line again"));
        }
        return call with { Offer = null, MissedOffers = call.MissedOffers + (missed ? 1 : 0) };
    }
}
