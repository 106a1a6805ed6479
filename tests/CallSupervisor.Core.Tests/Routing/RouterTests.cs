using CallSupervisor.Core.Routing;

namespace CallSupervisor.Core.Tests.Routing;

/// <summary>The routing rules, as pure folds: events into the store, then <see cref="Router.Decide"/> on its board.</summary>
public sealed class RouterTests
{
    [Fact]
    public void Decide_TwoCallersOneAgent_FirstQueuedIsOfferedAndTheSecondWaits()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("eli");
        var first = cc.Queue("call-1", "support");
        var second = cc.Queue("call-2", "support");

        var offers = cc.OfferNow();

        var offer = Assert.Single(offers);
        Assert.Equal((first, "eli"), (offer.CallId, offer.Agent.Id));
        Assert.Empty(cc.Decide().OfType<OfferCall>());
        Assert.True(cc.Call(second).IsQueued);
        Assert.Equal(2, cc.Board.Counts.CallsWaiting);
    }

    [Fact]
    public void Decide_OfferDeclined_CallerFirstInLineAndOfferedToTheNextAgent()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("ben");
        cc.SignIn("ana");
        var early = cc.Queue("call-1", "sales");
        var late = cc.Queue("call-2", "sales");
        Assert.Equal(["ben", "ana"], ContactCenterBoard.AgentsOf(cc.OfferNow()));
        cc.Accept(late);

        cc.Decline(early);

        Assert.Equal(1, cc.Agent("ben").MissedInARow);
        Assert.Null(cc.Call(early).Offer);
        Assert.True(cc.Call(early).IsQueued);
        // Ben is free again but was just offered; Ana is on the other call: nobody else, so Ben gets it again.
        var again = Assert.Single(cc.Decide().OfType<OfferCall>());
        Assert.Equal((early, "ben"), (again.CallId, again.Agent.Id));
    }

    [Fact]
    public void Decide_Declined_LongestIdleAgentGoesFirst()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("ana");
        cc.SignIn("ben");
        var call = cc.Queue("call-1", "sales");
        Assert.Equal(["ana"], ContactCenterBoard.AgentsOf(cc.OfferNow()));

        cc.Decline(call);

        // Ana idles only from her miss; Ben has been idle longer.
        Assert.Equal(["ben"], ContactCenterBoard.AgentsOf(cc.Decide().OfType<OfferCall>()));
    }

    [Fact]
    public void Decide_MissedOffersInARow_AgentSetAwayAndNotOffered()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("eli");
        var call = cc.Queue("call-1", "support");
        cc.OfferNow();
        cc.Decline(call);
        cc.OfferNow();
        cc.Decline(call);

        var decisions = cc.Decide();

        var away = Assert.Single(decisions.OfType<SetPresence>(), p => p.AgentId == "eli");
        Assert.Equal(("eli", AgentPresence.Away, "Missed 2 offers in a row"), (away.AgentId, away.Presence, away.Reason));
        Assert.Empty(decisions.OfType<OfferCall>());
        cc.Apply(new AgentStateChanged("away-1", cc.Now, away.AgentId, away.Presence, away.Reason));
        Assert.Equal(AgentState.Away, cc.Agent("eli").State);
        Assert.Equal(2, cc.Agent("eli").MissedToday);
    }

    [Fact]
    public void Fold_CallerHangsUpWhileQueued_AbandonedWithTheWait()
    {
        var cc = new ContactCenterBoard();
        var call = cc.Queue("call-1", "sales");
        cc.Pass(TimeSpan.FromSeconds(41));

        cc.HangUp(call);

        var ended = cc.Call(call);
        Assert.True(ended.IsAbandoned);
        Assert.Equal(TimeSpan.FromSeconds(42), ended.Wait(cc.Now));
        Assert.Equal(0, cc.Board.Counts.CallsWaiting);
    }

    [Fact]
    public void Fold_AgentThroughACall_OfferedOnCallWrapUpThenAvailable()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("eli");
        var call = cc.Queue("call-1", "support");
        Assert.Equal(AgentState.Available, cc.Agent("eli").State);

        cc.OfferNow();
        Assert.Equal((AgentState.Offered, call), (cc.Agent("eli").State, cc.Agent("eli").OfferCallId!.Value));
        cc.Accept(call);
        Assert.Equal((AgentState.OnCall, call), (cc.Agent("eli").State, cc.Agent("eli").CallId!.Value));
        Assert.Equal("eli", cc.Call(call).AgentId);
        Assert.False(cc.Call(call).IsQueued);
        cc.HangUp(call);
        Assert.Equal(AgentState.WrapUp, cc.Agent("eli").State);
        Assert.Equal(1, cc.Agent("eli").HandledToday);
        Assert.DoesNotContain(cc.Decide().OfType<SetPresence>(), p => p.AgentId == "eli");

        cc.Pass(TimeSpan.FromSeconds(10));
        var over = Assert.Single(cc.Decide().OfType<SetPresence>(), p => p.AgentId == "eli");
        cc.Apply(new AgentStateChanged("wrap-over", cc.Now, over.AgentId, over.Presence, over.Reason));

        Assert.Equal((AgentPresence.Available, "Wrap-up over"), (over.Presence, over.Reason));
        Assert.Equal(AgentState.Available, cc.Agent("eli").State);
    }

    [Fact]
    public void Decide_AgentOfferedOnCallWrappingUpAwayOrOffline_NeverOffered()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("ana", AgentPresence.Away);
        cc.SignIn("ben", AgentPresence.Offline);
        cc.SignIn("eli");
        var first = cc.Queue("call-1", "support");
        cc.OfferNow();
        cc.Queue("call-2", "support");
        cc.Queue("call-3", "sales");

        Assert.Empty(cc.Decide().OfType<OfferCall>());
        cc.Accept(first);
        Assert.Empty(cc.Decide().OfType<OfferCall>());
        cc.HangUp(first);
        Assert.Empty(cc.Decide().OfType<OfferCall>());
    }

    [Fact]
    public void Decide_QueuePriority_BeatsTheEarlierCallerOfALowerQueue()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("ana");
        cc.Queue("call-support", "support");
        var sales = cc.Queue("call-sales", "sales");

        var offer = Assert.Single(cc.Decide().OfType<OfferCall>());

        Assert.Equal((sales, "ana"), (offer.CallId, offer.Agent.Id));
    }

    [Fact]
    public void Decide_WaitLimitPassed_MovesTheCallerToTheOverflowQueueKeepingTheirPlace()
    {
        var cc = new ContactCenterBoard(new ContactCenterDirectory(
            [new QueueProfile("sales", "Sales", "1", 0, TimeSpan.FromSeconds(60), "support"), new QueueProfile("support", "Support", "2")],
            [new AgentProfile("eli", "Eli Haddad", ContactCenterBoard.Eli, ["support"])]));
        var call = cc.Queue("call-1", "sales");
        var queuedAt = cc.Call(call).QueuedAt;
        Assert.Empty(cc.Decide().OfType<Overflow>());

        cc.Pass(TimeSpan.FromSeconds(60));
        var overflow = Assert.Single(cc.Decide().OfType<Overflow>());
        cc.Apply(new CallQueued("overflow-1", call, cc.Now, overflow.ToQueue) { Overflowed = true });

        Assert.Equal(("support", queuedAt), (cc.Call(call).QueueId, cc.Call(call).QueuedAt));
        cc.SignIn("eli");
        Assert.Equal(call, Assert.Single(cc.Decide().OfType<OfferCall>()).CallId);
    }

    [Fact]
    public void Decide_AgentNotHeardOfYet_SignedInWithTheInitialPresence()
    {
        var cc = new ContactCenterBoard();

        var signIns = cc.Decide().OfType<SetPresence>().ToList();

        Assert.Equal(["ana", "ben", "eli"], signIns.Select(s => s.AgentId));
        Assert.All(signIns, s => Assert.Equal(AgentPresence.Available, s.Presence));
    }

    [Fact]
    public void Decide_MenuChoice_QueuesTheCallerWhereTheKeyLeads()
    {
        var cc = new ContactCenterBoard();
        cc.SignInAll();
        var call = new CallId("call-1");
        cc.Apply(new CallConnected("c", call, cc.Now, CallPlatform.Acs, null, null, CommunicationIdentifier.Phone("+14255550100"), null));
        cc.Apply(new MediaOperationStarted("m", call, cc.Now, new MediaOperationId("recognize:1"), MediaKind.Recognize, "Menu"));
        Assert.Empty(cc.Decide().OfType<QueueCaller>());

        cc.Apply(new MediaOperationEnded("me", call, cc.Now, new MediaOperationId("recognize:1"), MediaKind.Recognize, MediaStatus.Completed, null) { Tones = "2" });

        Assert.Equal("support", Assert.Single(cc.Decide().OfType<QueueCaller>()).QueueId);
    }

    [Theory]
    [InlineData(MediaStatus.Failed)]
    [InlineData(MediaStatus.Cancelled)]
    public void Decide_MenuGaveNoChoice_DefaultQueue(MediaStatus outcome)
    {
        var cc = new ContactCenterBoard();
        var call = new CallId("call-1");
        cc.Apply(new CallConnected("c", call, cc.Now, CallPlatform.Acs, null, null, null, null));
        cc.Apply(new MediaOperationStarted("m", call, cc.Now, new MediaOperationId("recognize:1"), MediaKind.Recognize, "Menu"));
        cc.Apply(new MediaOperationEnded("me", call, cc.Now, new MediaOperationId("recognize:1"), MediaKind.Recognize, outcome, null));

        Assert.Equal("sales", Assert.Single(cc.Decide().OfType<QueueCaller>()).QueueId);
    }

    [Fact]
    public void Decide_NoMenuAndNoQueueAfterTheGrace_DefaultQueue()
    {
        var cc = new ContactCenterBoard();
        var call = new CallId("call-1");
        cc.Apply(new CallConnected("c", call, cc.Now, CallPlatform.Acs, null, null, null, null));
        Assert.Empty(cc.Decide().OfType<QueueCaller>());

        cc.Pass(TimeSpan.FromSeconds(30));

        Assert.Equal(call, Assert.Single(cc.Decide().OfType<QueueCaller>()).CallId);
    }

    [Fact]
    public void Decide_AgentJoinedWithHoldMusicRunning_StopsTheMedia()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("eli");
        var call = cc.Queue("call-1", "support");
        cc.Apply(new MediaOperationStarted("m", call, cc.Now, new MediaOperationId("play:1"), MediaKind.Play, "Hold music"));
        cc.OfferNow();
        Assert.Empty(cc.Decide().OfType<StopMedia>());

        cc.Accept(call);

        Assert.Equal(call, Assert.Single(cc.Decide().OfType<StopMedia>()).CallId);
    }

    [Fact]
    public void Decide_PlannedOfferNeverConfirmed_SentAgainNotDoubled()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("eli");
        var call = cc.Queue("call-1", "support");
        cc.Apply(new OfferPlanned("p", call, cc.Now, "eli", ContactCenterBoard.Eli, "offer:1"));
        Assert.DoesNotContain(cc.Decide(), d => d is OfferCall or ResendOffer);

        cc.Pass(TimeSpan.FromSeconds(15));

        var resend = Assert.Single(cc.Decide(), d => d is OfferCall or ResendOffer);
        Assert.Equal("offer:1", Assert.IsType<ResendOffer>(resend).Offer.OperationContext);
    }

    [Fact]
    public void Fold_SecondOfferPlannedForAnOfferedCall_Ignored()
    {
        var cc = new ContactCenterBoard();
        cc.SignInAll();
        var call = cc.Queue("call-1", "sales");
        cc.Apply(new OfferPlanned("p1", call, cc.Now, "ana", ContactCenterBoard.Ana, "offer:1"));

        var second = cc.Apply(new OfferPlanned("p2", call, cc.Now, "ben", ContactCenterBoard.Ben, "offer:2"));

        Assert.Equal(ApplyStatus.Ignored, second.Status);
        Assert.Equal(AgentState.Available, cc.Agent("ben").State);
    }

    [Fact]
    public void Fold_OfferFailed_CallerBackAndAgentFree()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("eli");
        var call = cc.Queue("call-1", "support");
        cc.Apply(new OfferPlanned("p", call, cc.Now, "eli", ContactCenterBoard.Eli, "offer:1"));

        cc.Apply(new OfferFailed("f", call, cc.Now, "offer:1", "Invalid target"));

        Assert.Null(cc.Call(call).Offer);
        Assert.Equal(AgentState.Available, cc.Agent("eli").State);
        Assert.True(cc.Call(call).IsQueued);
    }

    [Fact]
    public void Agent_FirstChangeOfANewDay_CountersStartAgain()
    {
        var agent = new Agent("eli", AgentPresence.Available, null, new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero))
        {
            Day = new DateOnly(2026, 3, 2),
            HandledToday = 7,
            MissedToday = 2,
        };

        var next = agent.On(new DateTimeOffset(2026, 3, 3, 0, 1, 0, TimeSpan.Zero));

        Assert.Equal((0, 0, new DateOnly(2026, 3, 3)), (next.HandledToday, next.MissedToday, next.Day));
    }

    [Fact]
    public void Repeatability_SameContextAndPlan_SameHeaders()
    {
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, 400, TimeSpan.Zero);

        var first = CallSupervisor.Core.Ports.Repeatability.For("offer:1", at);
        var again = CallSupervisor.Core.Ports.Repeatability.For("offer:1", at.AddMilliseconds(300));
        var other = CallSupervisor.Core.Ports.Repeatability.For("offer:2", at);

        Assert.Equal(first, again);
        Assert.NotEqual(first.RequestId, other.RequestId);
        Assert.Equal(at.AddMilliseconds(-400), first.FirstSent);
    }

    [Fact]
    public void Checkpoint_KeepsAgentsAndQueuePlaces()
    {
        var cc = new ContactCenterBoard();
        cc.SignIn("eli");
        var call = cc.Queue("call-1", "support");
        cc.OfferNow();
        cc.Decline(call);

        var restored = CallSupervisor.Core.EventLog.CheckpointJson.Deserialize(CallSupervisor.Core.EventLog.CheckpointJson.Serialize(cc.Store.Export()));

        Assert.Equal(cc.Agent("eli"), restored.Snapshot.Agents["eli"]);
        Assert.Equal(cc.Call(call).QueuedAt, restored.Snapshot.Find(call)!.QueuedAt);
        Assert.Equal(1, restored.Snapshot.Find(call)!.MissedOffers);
    }
}
