using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>
/// Keeps a call's <see cref="CallJourney"/> from what one event changed: read from the call before and after it, so
/// no other rule has to know the journey exists. Pure.
/// </summary>
internal static class JourneyRules
{
    public static Call Follow(Call? before, Call after, CallEvent e)
    {
        var at = e.OccurredAt;
        var journey = after.Journey;
        journey = Queues(journey, before, after, at);
        journey = Offers(journey, before, after, e);
        journey = Hold(journey, after, at);
        journey = Transfers(journey, before, after);
        journey = Actions(journey, before, after);
        if (!after.IsLive)
        {
            // Whatever is still open ends with the call.
            var ended = after.EndedAt ?? at;
            journey = Close(journey, after.AgentId is null ? VisitOutcome.Abandoned : VisitOutcome.Answered, ended);
            journey = journey with
            {
                Offers = journey.Offers.ConvertAll(o => o.Outcome is null ? o with { Until = ended, Outcome = OfferOutcome.Withdrawn } : o),
            };
        }
        return ReferenceEquals(journey, after.Journey) ? after : after with { Journey = journey };
    }

    private static CallJourney Queues(CallJourney journey, Call? before, Call after, DateTimeOffset at)
    {
        if (after.QueueId is { } queue && before?.QueueId != queue)
        {
            // A first queue starts the caller's wait; another one means the previous queue's wait limit passed.
            var from = journey.Visits.IsEmpty ? after.QueuedAt ?? at : at;
            journey = Close(journey, VisitOutcome.Overflowed, at);
            journey = journey with { Visits = journey.Visits.Add(new QueueVisit(queue, from, null, VisitOutcome.Waiting)) };
        }
        if (after.AnsweredAt is { } answered && before?.AnsweredAt is null)
        {
            journey = Close(journey, VisitOutcome.Answered, answered);
        }
        return journey;
    }

    private static CallJourney Close(CallJourney journey, VisitOutcome outcome, DateTimeOffset at) =>
        journey.LastVisit is { Until: null } open
            ? journey with { Visits = journey.Visits.SetItem(journey.Visits.Count - 1, open with { Until = at < open.From ? open.From : at, Outcome = outcome }) }
            : journey;

    private static CallJourney Offers(CallJourney journey, Call? before, Call after, CallEvent e)
    {
        if (before?.Offer is { } ended && after.Offer?.OperationContext != ended.OperationContext)
        {
            var outcome = e is OfferFailed ? OfferOutcome.Failed
                : after.AgentId == ended.AgentId && before.AgentId != ended.AgentId ? OfferOutcome.Accepted
                : after.MissedOffers > before.MissedOffers ? MissedHow(after, ended)
                : OfferOutcome.Withdrawn;
            var index = journey.Offers.FindLastIndex(o => o.Outcome is null && o.AgentId == ended.AgentId);
            if (index >= 0)
            {
                journey = journey with { Offers = journey.Offers.SetItem(index, journey.Offers[index] with { Until = e.OccurredAt, Outcome = outcome }) };
            }
        }
        if (after.Offer is { } offer && before?.Offer?.OperationContext != offer.OperationContext)
        {
            journey = journey with { Offers = journey.Offers.Add(new OfferAttempt(offer.AgentId, offer.AgentName, offer.PlannedAt, null, null)) };
        }
        return journey;
    }

    // Declined or not answered, as the invitation of the offer ended (a transfer's target is missed as declined).
    private static OfferOutcome MissedHow(Call call, Offer offer) =>
        offer.InvitationId is { } id && call.Invitations.TryGetValue(id, out var invitation) && QueueRules.OutcomeOf(invitation) == OfferOutcome.NotAnswered
            ? OfferOutcome.NotAnswered
            : OfferOutcome.Declined;

    private static CallJourney Hold(CallJourney journey, Call after, DateTimeOffset at)
    {
        var caller = after.Caller is { } c ? after.Participants.GetValueOrDefault(c.RawId) : null;
        var onHold = after.IsLive && caller is { IsOnHold: true };
        if (onHold && journey.HoldSince is null)
        {
            return journey with { HoldSince = caller!.OnHoldSince ?? at };
        }
        if (!onHold && journey.HoldSince is { } since)
        {
            var until = after.EndedAt ?? at;
            return journey with { Hold = journey.Hold + (until > since ? until - since : TimeSpan.Zero), HoldSince = null };
        }
        return journey;
    }

    private static CallJourney Transfers(CallJourney journey, Call? before, Call after)
    {
        var outward = after.TransferredTo is not null && before?.TransferredTo is null;
        // Handed from one agent still on the call to another (as AgentRules sees a handover).
        var handover = before is { AgentId: { } previous, AgentLeftAt: null, IsLive: true } && after.AgentId is { } next && next != previous;
        return outward || handover ? journey with { Transfers = journey.Transfers + 1 } : journey;
    }

    private static CallJourney Actions(CallJourney journey, Call? before, Call after)
    {
        if (ReferenceEquals(before?.PendingActions, after.PendingActions))
        {
            return journey;
        }
        foreach (var (context, pending) in after.PendingActions)
        {
            if (before?.PendingActions.ContainsKey(context) != true)
            {
                journey = journey with { Actions = journey.Actions.Add(new ActionMark(pending.Kind, pending.Request.Supervisor, pending.Request.RequestedAt)) };
            }
        }
        return journey;
    }
}
