using CallSupervisor.Core.Figures;
using static CallSupervisor.Core.Tests.Figures.FiguresBoard;

namespace CallSupervisor.Core.Tests.Figures;

/// <summary>
/// A call's journey as the store keeps it from the real events, and the call record read from it when the call ends:
/// queues and waits, offers and how each ended, hold, transfers, the outcome and the supervisors' actions.
/// </summary>
public sealed class JourneyTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Journey_AnsweredAfter12Seconds_OneAnsweredVisitAndTheAcceptedOffer()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 55, 0));
        b.Arrive("c1", T(9, 0, 0));
        b.Queue("c1", "sales", T(9, 0, 5));
        b.Offer("c1", "ana", T(9, 0, 10));
        b.Join("c1", T(9, 0, 17));
        b.HangUp("c1", T(9, 3, 17));

        var journey = b.Call("c1").Journey;
        // Queued 09:00:05, answered 09:00:17: a wait of 12 s.
        var visit = Assert.Single(journey.Visits);
        Assert.Equal(new QueueVisit("sales", T(9, 0, 5), T(9, 0, 17), VisitOutcome.Answered), visit);
        Assert.Equal(S(12), visit.Wait(T(10, 0, 0)));
        Assert.Equal(new OfferAttempt("ana", "Ana Lima", T(9, 0, 10), T(9, 0, 17), OfferOutcome.Accepted), Assert.Single(journey.Offers));
        Assert.Equal((TimeSpan.Zero, (DateTimeOffset?)null, 0), (journey.Hold, journey.HoldSince, journey.Transfers));

        var record = b.Record("c1");
        Assert.Equal((CallOutcome.Answered, "sales", "ana", "Ana Lima"), (record.Outcome, record.QueueId, record.AgentId, record.AgentName));
        Assert.Equal((T(9, 0, 0), T(9, 0, 5), T(9, 0, 17), T(9, 3, 17)), (record.ArrivedAt, record.QueuedAt, record.AnsweredAt, record.EndedAt));
        // Talk: 09:00:17 → 09:03:17 = 180 s, nothing on hold, wrap-up not known yet (it ends after the call).
        Assert.Equal((S(12), S(180), TimeSpan.Zero, (TimeSpan?)null, 0), (record.Wait, record.Talk, record.Hold, record.WrapUp, record.MissedOffers));
        Assert.Equal(S(180), record.HandleTime);
        Assert.Equal(b.Call("c1").Caller!.RawId, record.Caller);
        Assert.Equal("0/0 Call ended", record.EndReason);
    }

    [Fact]
    public void Journey_OverflowAfterTheMaxWait_FirstQueueOverflowedSecondAnsweredCallerCountedOnce()
    {
        var b = new FiguresBoard();
        b.Presence("ben", T(8, 55, 0));
        b.Arrive("c1", T(8, 59, 55));
        // Support has nobody signed in; its 60 s limit passes and the caller moves to sales.
        b.Queue("c1", "support", T(9, 0, 0));
        b.Queue("c1", "sales", T(9, 1, 0), overflowed: true);
        b.Offer("c1", "ben", T(9, 1, 2));
        b.Join("c1", T(9, 1, 5));
        b.HangUp("c1", T(9, 2, 5));

        Assert.Equal(
            [
                new QueueVisit("support", T(9, 0, 0), T(9, 1, 0), VisitOutcome.Overflowed),
                new QueueVisit("sales", T(9, 1, 0), T(9, 1, 5), VisitOutcome.Answered),
            ],
            b.Call("c1").Journey.Visits);
        var record = b.Record("c1");
        // The caller's wait runs from the first queue: 09:00:00 → 09:01:05 = 65 s; answered from sales.
        Assert.Equal((CallOutcome.Answered, "sales", T(9, 0, 0), S(65)), (record.Outcome, record.QueueId, record.QueuedAt, record.Wait));

        var today = b.Today(T(9, 10, 0));
        var support = today.Queues.Single(q => q.QueueId == "support");
        var sales = today.Queues.Single(q => q.QueueId == "sales");
        // Support: offered 1, overflowed 1, nobody answered or abandoned there (no rate, no service level).
        Assert.Equal((1, 0, 0, 1, (double?)null, (double?)null), (support.Offered, support.Answered, support.Abandoned, support.Overflowed, support.ServiceLevel, support.AbandonmentRate));
        // Sales: offered 1, answered after 5 s in sales (≤ 20 s: within the target).
        Assert.Equal((1, 1, 0, (double?)1.0, (TimeSpan?)S(5)), (sales.Offered, sales.Answered, sales.Overflowed, sales.ServiceLevel, sales.AverageSpeedOfAnswer));
        // In total the caller is one: 1 (support) + 1 (sales) − 1 overflow.
        Assert.Equal((1, 1, 1), (today.Total.Offered, today.Total.Answered, today.Total.Overflowed));
    }

    [Fact]
    public void Today_OverflowedCallerHangsUpSoonAfterTheMove_AbandonedNotShortTheWaitRunsFromFirstQueuing()
    {
        var b = new FiguresBoard();
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "support", T(9, 0, 0));
        b.Queue("c1", "sales", T(9, 1, 0), overflowed: true);
        // 3 s after the move, 63 s after queuing: past the 5 s short-abandon limit, a caller who gave up.
        b.HangUp("c1", T(9, 1, 3));

        Assert.Equal((CallOutcome.Abandoned, (TimeSpan?)S(63)), (b.Record("c1").Outcome, b.Record("c1").Wait));
        var today = b.Today(T(9, 5, 0));
        var sales = today.Queues.Single(q => q.QueueId == "sales");
        Assert.Equal((1, 1, 0, (double?)1.0), (sales.Offered, sales.Abandoned, sales.ShortAbandoned, sales.AbandonmentRate));
        // In total: one caller, abandoned (1 ÷ (0 + 1)).
        Assert.Equal((1, 1, 0, (double?)1.0), (today.Total.Offered, today.Total.Abandoned, today.Total.ShortAbandoned, today.Total.AbandonmentRate));
        // The report reads the same from the record.
        CallSupervisor.Core.Tests.EventLog.Structural.AssertEqual(
            b.Board.Figures.Intervals.OrderBy(t => t.Start).ThenBy(t => t.QueueId, StringComparer.Ordinal).ToList(), DayFigures.Tally([b.Record("c1")]));
    }

    [Fact]
    public void Journey_DeclinedThenNotAnsweredThenAnswered_MissedOffersByHowTheyEnded()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 50, 0));
        b.Presence("ben", T(8, 55, 0));
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "sales", T(9, 0, 0));
        b.Offer("c1", "ana", T(9, 0, 1));
        b.Decline("c1", T(9, 0, 4));
        b.Offer("c1", "ben", T(9, 0, 5));
        b.RingOut("c1", T(9, 0, 25));
        b.Offer("c1", "ana", T(9, 0, 26));
        b.Join("c1", T(9, 0, 30));
        b.HangUp("c1", T(9, 2, 0));

        var journey = b.Call("c1").Journey;
        Assert.Equal(
            [
                new OfferAttempt("ana", "Ana Lima", T(9, 0, 1), T(9, 0, 4), OfferOutcome.Declined),
                new OfferAttempt("ben", "Ben Okafor", T(9, 0, 5), T(9, 0, 25), OfferOutcome.NotAnswered),
                new OfferAttempt("ana", "Ana Lima", T(9, 0, 26), T(9, 0, 30), OfferOutcome.Accepted),
            ],
            journey.Offers);
        // The caller kept their place: one visit, 09:00:00 → 09:00:30 = 30 s whatever offers came between.
        Assert.Equal(new QueueVisit("sales", T(9, 0, 0), T(9, 0, 30), VisitOutcome.Answered), Assert.Single(journey.Visits));
        var record = b.Record("c1");
        Assert.Equal((2, "ana", S(30)), (record.MissedOffers, record.AgentId, record.Wait));
        Assert.Equal((1, 1), (b.Agent("ana").MissedToday, b.Agent("ben").MissedToday));

        var today = b.Today(T(9, 5, 0));
        Assert.Equal((1, 1), (today.Agents.Single(a => a.AgentId == "ana").Missed, today.Agents.Single(a => a.AgentId == "ben").Missed));
        // Answered after 30 s: outside the 20 s target.
        Assert.Equal(0.0, today.Queues.Single(q => q.QueueId == "sales").ServiceLevel);
    }

    [Fact]
    public void Journey_OfferAcsRefused_FailedNotCountedAsTheAgentsMissedOffer()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 50, 0));
        b.Presence("ben", T(8, 55, 0));
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "sales", T(9, 0, 0));
        var context = b.Offer("c1", "ana", T(9, 0, 1));
        // ACS refused the AddParticipant request: not Ana's doing.
        Assert.True(b.Apply(new OfferFailed("failed-1", new CallId("c1"), T(9, 0, 2), context, "Invalid target")).IsApplied);
        b.Offer("c1", "ben", T(9, 0, 3));
        b.Join("c1", T(9, 0, 6));
        b.HangUp("c1", T(9, 1, 0));

        Assert.Equal(OfferOutcome.Failed, b.Call("c1").Journey.Offers[0].Outcome);
        Assert.Equal(0, b.Record("c1").MissedOffers);
        // The Agents page counts declined and unanswered offers only (OfferAttempt.Missed), as the record does.
        Assert.Equal(0, b.Agent("ana").MissedToday);
        Assert.Equal(0, b.Today(T(9, 5, 0)).Agents.Single(a => a.AgentId == "ana").Missed);
    }

    [Fact]
    public void Journey_CallerHungUpWhileTheOfferRang_AbandonedAndTheOfferWithdrawnNotMissed()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 50, 0));
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "sales", T(9, 0, 0));
        b.Offer("c1", "ana", T(9, 0, 2));
        b.HangUp("c1", T(9, 0, 9));

        var journey = b.Call("c1").Journey;
        Assert.Equal(new QueueVisit("sales", T(9, 0, 0), T(9, 0, 9), VisitOutcome.Abandoned), Assert.Single(journey.Visits));
        Assert.Equal(new OfferAttempt("ana", "Ana Lima", T(9, 0, 2), T(9, 0, 9), OfferOutcome.Withdrawn), Assert.Single(journey.Offers));
        var record = b.Record("c1");
        Assert.Equal((CallOutcome.Abandoned, (string?)null, 0, S(9)), (record.Outcome, record.AgentId, record.MissedOffers, record.Wait));
        Assert.Equal((0, AgentState.Available), (b.Agent("ana").MissedToday, b.Agent("ana").State));
    }

    [Fact]
    public void Journey_CallerOnHoldTwice_HoldIsBothAndTalkIsTheRest()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 55, 0));
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "sales", T(9, 0, 0));
        b.Offer("c1", "ana", T(9, 0, 2));
        b.Join("c1", T(9, 0, 5));
        b.Hold("c1", T(9, 1, 0));
        b.Hold("c1", T(9, 1, 30), onHold: false);
        b.Hold("c1", T(9, 2, 0));

        // During the second hold: 30 s ended + 10 s of the open one.
        var live = b.Call("c1").Journey;
        Assert.Equal((S(30), (DateTimeOffset?)T(9, 2, 0), S(40)), (live.Hold, live.HoldSince, live.HoldUntil(T(9, 2, 10))));

        b.Hold("c1", T(9, 2, 45), onHold: false);
        b.HangUp("c1", T(9, 4, 5));
        b.Presence("ana", T(9, 4, 35));

        var record = b.Record("c1");
        // Hold: 30 s + 45 s = 75 s. Talk: end − answer − hold = (09:04:05 − 09:00:05) − 75 s = 240 − 75 = 165 s.
        Assert.Equal((S(75), S(165)), (record.Hold, record.Talk));
        // Handle time: talk + hold + the 30 s wrap-up = 165 + 75 + 30 = 270 s, for the agent and the queue alike.
        var today = b.Today(T(9, 10, 0));
        Assert.Equal((1, (TimeSpan?)S(270)), (today.Agents.Single(a => a.AgentId == "ana").Handled, today.Agents.Single(a => a.AgentId == "ana").AverageHandleTime));
        Assert.Equal((1, (TimeSpan?)S(270)), (today.Queues.Single(q => q.QueueId == "sales").Handled, today.Queues.Single(q => q.QueueId == "sales").AverageHandleTime));
    }

    [Fact]
    public void Journey_CallEndsWhileTheCallerIsOnHold_TheOpenHoldCountsToTheEnd()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 55, 0));
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "sales", T(9, 0, 0));
        b.Offer("c1", "ana", T(9, 0, 2));
        b.Join("c1", T(9, 0, 5));
        b.Hold("c1", T(9, 1, 5));
        b.HangUp("c1", T(9, 1, 25));

        var record = b.Record("c1");
        // Hold 09:01:05 → 09:01:25 = 20 s; talk (09:01:25 − 09:00:05) − 20 s = 80 − 20 = 60 s.
        Assert.Equal((S(20), S(60)), (record.Hold, record.Talk));
        Assert.Null(b.Call("c1").Journey.HoldSince);
    }

    [Fact]
    public void Journey_TransferToAnotherAgent_OneTransferAndHandledOncePerAgentOnceForTheQueue()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 50, 0));
        b.Presence("ben", T(8, 55, 0));
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "sales", T(9, 0, 0));
        b.Offer("c1", "ana", T(9, 0, 2));
        b.Join("c1", T(9, 0, 5));
        b.Transfer("c1", "ben", T(9, 2, 0), accepted: T(9, 2, 10));
        b.Presence("ana", T(9, 2, 40));
        b.HangUp("c1", T(9, 5, 10));
        b.Presence("ben", T(9, 5, 30));

        var journey = b.Call("c1").Journey;
        Assert.Equal(1, journey.Transfers);
        Assert.Equal(
            [
                new OfferAttempt("ana", "Ana Lima", T(9, 0, 2), T(9, 0, 5), OfferOutcome.Accepted),
                new OfferAttempt("ben", "Ben Okafor", T(9, 2, 0), T(9, 2, 10), OfferOutcome.Accepted),
            ],
            journey.Offers);
        var transfer = Assert.Single(journey.Actions);
        Assert.Equal(new ActionMark(ActionKind.Transfer, "Sam", T(9, 2, 0)), transfer);

        var record = b.Record("c1");
        // Answered by Ana (the record's agent); talk from the answer to the end: 09:00:05 → 09:05:10 = 305 s.
        Assert.Equal((CallOutcome.Answered, "ana", 1, S(305), (DateTimeOffset?)T(9, 0, 5)), (record.Outcome, record.AgentId, record.Transfers, record.Talk, record.AnsweredAt));

        var today = b.Today(T(9, 10, 0));
        var ana = today.Agents.Single(a => a.AgentId == "ana");
        var ben = today.Agents.Single(a => a.AgentId == "ben");
        // Ana: on the call 09:00:05 → 09:02:10 = 125 s, then 30 s of wrap-up = 155 s.
        Assert.Equal((1, (TimeSpan?)S(155)), (ana.Handled, ana.AverageHandleTime));
        // Ben: on the call 09:02:10 → 09:05:10 = 180 s, then 20 s of wrap-up = 200 s.
        Assert.Equal((1, (TimeSpan?)S(200)), (ben.Handled, ben.AverageHandleTime));
        // The queue counts the call once, with its answering agent's wrap-up, as its record does: talk 305 s + Ana's
        // 30 s = 335 s (Ben's 20 s are in his own handle time only).
        var sales = today.Queues.Single(q => q.QueueId == "sales");
        Assert.Equal((1, 1, (TimeSpan?)S(335)), (sales.Answered, sales.Handled, sales.AverageHandleTime));
    }

    [Fact]
    public void LastEventAt_AnOlderEventAppliedLate_KeepsTheNewestTime()
    {
        var b = new FiguresBoard();
        b.Arrive("c1", T(9, 0, 0));
        b.Queue("c1", "sales", T(9, 0, 30));
        Assert.Equal(T(9, 0, 30), b.Call("c1").LastEventAt);

        // A roster sent at 09:00:10 (a newer sequence, delivered late) is applied, but the board heard from the call at 09:00:30.
        var caller = b.Call("c1").Caller!;
        Assert.True(b.Apply(new ParticipantsUpdated("late-roster", new CallId("c1"), T(9, 0, 10), 7, [new CallSupervisor.Core.Ports.ParticipantState(caller, true, false)])).IsApplied);

        Assert.Equal(T(9, 0, 30), b.Call("c1").LastEventAt);
    }

    [Fact]
    public void Journey_TransferOutToANumber_OneTransferTalkUntilTheHandover()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 55, 0));
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "sales", T(9, 0, 0));
        b.Offer("c1", "ana", T(9, 0, 2));
        b.Join("c1", T(9, 0, 5));
        b.TransferOut("c1", "+14255550177", T(9, 1, 0), accepted: T(9, 1, 5));
        b.Presence("ana", T(9, 1, 25));
        b.HangUp("c1", T(9, 3, 0));

        var record = b.Record("c1");
        // Ana's part: 09:00:05 → 09:01:05 = 60 s; the caller's talk with the number is not the centre's handling.
        Assert.Equal((1, "4:+14255550177", S(60), "ana"), (record.Transfers, record.TransferredTo, record.Talk, record.AgentId));
        var today = b.Today(T(9, 5, 0));
        // Handled once, by Ana and by the queue: 60 s + 20 s of wrap-up (09:01:05 → 09:01:25).
        Assert.Equal((1, (TimeSpan?)S(80)), (today.Agents.Single(a => a.AgentId == "ana").Handled, today.Agents.Single(a => a.AgentId == "ana").AverageHandleTime));
        Assert.Equal((1, (TimeSpan?)S(80)), (today.Queues.Single(q => q.QueueId == "sales").Handled, today.Queues.Single(q => q.QueueId == "sales").AverageHandleTime));
    }

    [Fact]
    public void Record_CallEndedInTheMenu_EndedInMenuWithNoQueueNorWait()
    {
        var b = new FiguresBoard();
        b.Arrive("c1", T(9, 0, 0));
        b.HangUp("c1", T(9, 0, 40));

        Assert.True(b.Call("c1").Routed);
        var record = b.Record("c1");
        Assert.Equal((CallOutcome.EndedInMenu, (string?)null, (DateTimeOffset?)null, (TimeSpan?)null), (record.Outcome, record.QueueId, record.QueuedAt, record.Wait));
        Assert.Empty(record.Visits);
        // No queue saw the caller: nothing offered anywhere.
        var today = b.Today(T(9, 5, 0));
        Assert.All(today.Queues, q => Assert.Equal(0, q.Offered));
        Assert.Equal(0, today.Total.Offered);
    }

    [Fact]
    public void Record_WatchedCallNotAnsweredByTheApp_NotRouted()
    {
        var b = new FiguresBoard();
        b.Watch("c1", T(9, 0, 0));
        b.HangUp("c1", T(9, 1, 0));

        Assert.False(b.Call("c1").Routed);
        Assert.Equal(CallOutcome.NotRouted, b.Record("c1").Outcome);
        Assert.Equal(0, b.Today(T(9, 5, 0)).Total.Offered);
    }

    [Fact]
    public void Record_AbandonedInTheQueue_AbandonedWithItsWait()
    {
        var b = new FiguresBoard();
        b.Abandoned("c1", "support", T(9, 0, 0), S(42));

        var record = b.Record("c1");
        Assert.Equal((CallOutcome.Abandoned, "support", S(42), TimeSpan.Zero), (record.Outcome, record.QueueId, record.Wait, record.Talk));
        Assert.Equal(new QueueVisit("support", T(9, 0, 0), T(9, 0, 42), VisitOutcome.Abandoned), Assert.Single(record.Visits));
    }

    [Fact]
    public void Journey_SupervisorActions_EachAskedActionMarkedWithWhoAndWhenRefusedOnesNot()
    {
        var b = new FiguresBoard();
        b.Presence("ana", T(8, 55, 0));
        b.Arrive("c1", T(8, 59, 55));
        b.Queue("c1", "sales", T(9, 0, 0));
        b.Offer("c1", "ana", T(9, 0, 2));
        b.Join("c1", T(9, 0, 5));
        var caller = b.Call("c1").Caller!.RawId;

        Assert.True(b.Ask("c1", ActionKind.Mute, Ana.RawId, T(9, 1, 0)).IsApplied);
        Assert.True(b.Ask("c1", ActionKind.Hold, caller, T(9, 2, 0), supervisor: "Pat").IsApplied);
        b.Hold("c1", T(9, 2, 2));
        // A phone caller cannot be muted: refused, so not on the call's journey.
        Assert.False(b.Ask("c1", ActionKind.Mute, caller, T(9, 2, 10)).IsApplied);
        b.Hold("c1", T(9, 2, 32), onHold: false);
        b.HangUp("c1", T(9, 4, 0));

        Assert.Equal<ActionMark>(
            [new ActionMark(ActionKind.Mute, "Sam", T(9, 1, 0)), new ActionMark(ActionKind.Hold, "Pat", T(9, 2, 0))],
            b.Record("c1").Actions);
        // The hold the supervisor asked for: 09:02:02 → 09:02:32 = 30 s.
        Assert.Equal(S(30), b.Record("c1").Hold);
    }
}
