namespace CallSupervisor.Core.Tests.Store;

/// <summary>Rule 10: every applied event adds a short readable entry; the list is bounded and newest first.</summary>
public sealed class ActivityTests
{
    private readonly TestEvents _events = new();

    [Fact]
    public void Apply_EveryAppliedEvent_AppendsOneEntryForThatCall()
    {
        var store = StoreTestKit.NewStore();
        CallEvent[] sequence =
        [
            _events.Connected(),
            _events.Roster(1, TestEvents.In(TestEvents.Agent)),
            _events.Invite(),
            _events.AddFailed(code: 408),
            _events.MediaStarted(),
            _events.MediaEnded(),
            _events.Disconnected(),
        ];

        foreach (var e in sequence)
        {
            var before = store.Current.Activity.Count;
            Assert.Equal(ApplyStatus.Applied, store.Apply(e).Status);
            Assert.Equal(before + 1, store.Current.Activity.Count);
            Assert.Equal(e.OccurredAt, store.Current.Activity[0].At);
            Assert.Equal(TestEvents.Call1, store.Current.Activity[0].CallId);
        }

        Assert.Equal(
            [
                "Call ended",
                "Play \"hold music\" completed",
                "Play \"hold music\" started",
                "Invitation to Caller +1 425-555-0123 timed out",
                "Inviting Caller +1 425-555-0123 (rings up to 30 s)",
                "ACS user agent-0001…aaaaaaaa joined",
                "Call connected (ACS): Caller +1 425-555-0123 called ACS user agent-0001…aaaaaaaa",
            ],
            store.Current.Activity.Select(a => a.Text));
    }

    [Fact]
    public void Apply_NotAppliedEvent_AddsNoEntry()
    {
        var store = StoreTestKit.NewStore();
        store.Apply(_events.Connected());
        store.Apply(_events.Roster(2, TestEvents.In(TestEvents.Agent)));
        var count = store.Current.Activity.Count;

        store.Apply(_events.Roster(1, TestEvents.In(TestEvents.Agent)));
        store.Apply(_events.AddSucceeded(operationContext: null));

        Assert.Equal(count, store.Current.Activity.Count);
    }

    [Fact]
    public void Activity_BeyondMaximum_KeepsNewestEntries()
    {
        var store = StoreTestKit.NewStore(maxActivity: 3);
        store.Apply(_events.Connected());

        for (var i = 0; i < 5; i++)
        {
            store.Apply(_events.MediaStarted($"op-{i}", $"prompt {i}"));
        }

        Assert.Equal(
            ["Play \"prompt 4\" started", "Play \"prompt 3\" started", "Play \"prompt 2\" started"],
            store.Current.Activity.Select(a => a.Text));
    }

    [Fact]
    public void Apply_FailureWithResult_IncludesCodeAndMessage()
    {
        var store = StoreTestKit.NewStore().WithConnectedCall(_events);
        store.Apply(_events.Invite());

        store.Apply(_events.AddFailed(code: 403));

        var entry = store.Current.Activity[0];
        Assert.Equal("Invitation to Caller +1 425-555-0123 failed: 403/1 failure text", entry.Text);
        Assert.Equal(ActivitySeverity.Warning, entry.Severity);
    }

    [Fact]
    public void Apply_TeamsParticipant_IsDescribedByKind()
    {
        var store = StoreTestKit.NewStore();
        store.Apply(_events.Connected());

        store.Apply(_events.Roster(1, TestEvents.In(TestEvents.TeamsUser), TestEvents.In(CommunicationIdentifier.TeamsApp("bot-1"))));

        Assert.Equal("Teams user 7f0c4d5e-teams-user joined; Teams app bot-1 joined", store.Current.Activity[0].Text);
    }

    [Fact]
    public void Apply_RolesKnownToTheApp_NameTheCallerAndTheInvitedAgent()
    {
        var store = StoreTestKit.NewStore();
        var caller = CommunicationIdentifier.AcsUser("8:acs:resource_caller-77");
        var line = CommunicationIdentifier.AcsUser("8:acs:resource_contact-center");
        store.Apply(new CallConnected(_events.NextId(), TestEvents.Call1, _events.Now, CallPlatform.Acs, null, null, caller, line));
        store.Apply(_events.Invite(target: TestEvents.Agent2));

        store.Apply(_events.Roster(1, TestEvents.In(caller), TestEvents.In(TestEvents.Agent2), TestEvents.In(TestEvents.Agent)));

        var texts = store.Current.Activity.Select(a => a.Text).ToList();
        Assert.Contains("Call connected (ACS): Caller caller-77 called ACS user contact-center", texts);
        Assert.Contains("Agent agent-0002…bbbbbbbb joined", texts[1], StringComparison.Ordinal);
        Assert.Contains("ACS user agent-0001…aaaaaaaa joined", texts[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Agent caller-77", string.Join("\n", texts), StringComparison.Ordinal);
    }
}
