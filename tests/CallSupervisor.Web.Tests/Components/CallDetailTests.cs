using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Components.Controls;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>The detail of one call: names, badges, every outcome said in words, and where the actions are.</summary>
public sealed class CallDetailTests : DashboardTestContext
{
    private IRenderedComponent<CallDetail> Detail() =>
        Render<CallDetail>(p => p.Add(d => d.Call, Call1).Add(d => d.Now, Time.GetUtcNow()));

    [Fact]
    public void Participants_NamedByRoleWithOneNoteForThoseAcsCannotMute()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent), TestEvents.In(TestEvents.TeamsUser)));

        var cut = Detail();

        var caller = cut.Find("li[data-kind='PhoneNumber']");
        Assert.Contains("+1 425-555-0123", caller.TextContent, StringComparison.Ordinal);
        Assert.Contains("Caller", caller.TextContent, StringComparison.Ordinal);
        // Only the ACS user has a Mute button; the reason the others have none is said once for the section.
        Assert.Single(cut.FindAll("ul[aria-label='Participants'] [data-action='Mute'] button"));
        Assert.Empty(caller.QuerySelectorAll("[data-action='Mute']"));
        // Hold and remove are for everyone in an ACS call.
        Assert.NotNull(caller.QuerySelector("[data-action='Hold'] button"));
        Assert.NotNull(caller.QuerySelector("[data-action='Remove'] button"));
        var participantsNote = Assert.Single(cut.FindAll(".cs-section-note:not(.cs-action-note)"));
        Assert.Contains("ACS can only mute ACS users", participantsNote.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void MutedParticipant_ShowsMutedAndItsDisabledButtonSaysWhy()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        var cut = Detail();
        var agent = cut.Find("li[data-kind='CommunicationUser']");

        Assert.Contains("Muted", agent.TextContent, StringComparison.Ordinal);
        var button = agent.QuerySelector("button")!;
        Assert.Equal("true", button.GetAttribute("aria-disabled"));
        Assert.Equal("Already muted", cut.Find("#" + button.GetAttribute("aria-describedby")).TextContent);
    }

    [Fact]
    public void Invitation_RingingShowsTimesAndTheAgentsName()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite(target: TestEvents.Agent2) with { TargetName = "Ben Okafor" });
        Time.Advance(TimeSpan.FromSeconds(12));

        var row = Detail().Find("li[data-invitation-id='inv-1']");

        Assert.Contains("Ben Okafor", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Ringing", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("left", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("button[aria-label='Cancel invite to Agent Ben Okafor']"));
    }

    [Theory]
    [InlineData("lost-race", "accepted before the cancel took effect")]
    [InlineData("no-answer", "no answer from ACS")]
    public void Invitation_EndedSaysHow(string how, string expected)
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite(target: TestEvents.Agent2));
        if (how == "lost-race")
        {
            Store.MarkCancel();
            Store.Apply(Events.AddSucceeded());
        }
        else
        {
            Store.Apply(Events.InvitationExpired());
        }

        var row = Detail().Find("li[data-invitation-id='inv-1']");

        Assert.Contains(expected, row.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", row.QuerySelector("button")!.GetAttribute("aria-disabled"));
    }

    [Fact]
    public void Media_EachOperationSaysHowItEnded()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.MediaStarted("play-1", "Hold music"));
        Store.Apply(Events.MediaStarted("menu-1", "Main menu"));
        Store.Apply(Events.MediaStarted("late-1", "Goodbye"));
        Store.MarkCancelMedia(StoreTestKit.Request("alice"));
        Store.Apply(Events.MediaEnded("play-1", MediaStatus.Cancelled));
        Store.Apply(Events.MediaEnded("menu-1", MediaStatus.Completed));
        Store.Apply(Events.MediaExpired("late-1"));

        var cut = Detail();

        Assert.Contains("cancelled by alice", cut.Find("li[data-media-id='play-1']").TextContent, StringComparison.Ordinal);
        Assert.Contains("completed before the cancel took effect", cut.Find("li[data-media-id='menu-1']").TextContent, StringComparison.Ordinal);
        Assert.Contains("no end reported by ACS", cut.Find("li[data-media-id='late-1']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_CallLevelActionsAreAtTheTopAndTheHeadingTakesFocus()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.MediaStarted());

        var cut = Detail();

        // The call's actions come first after the close button, each drawn from its descriptor, then the media's.
        var buttons = cut.FindAll("button").Select(b => b.GetAttribute("aria-label") ?? "").ToList();
        var callActions = cut.FindAll(".cs-call-actions [data-action]").Select(a => a.GetAttribute("data-action")).ToList();
        Assert.Equal(["Listen", "Join", "HangUp"], callActions);
        Assert.StartsWith("Listen in", buttons[1], StringComparison.Ordinal);
        Assert.StartsWith("Record", buttons[1 + callActions.Count], StringComparison.Ordinal);
        Assert.StartsWith("Cancel all media", buttons[2 + callActions.Count], StringComparison.Ordinal);
        Assert.Equal("-1", cut.Find("h2").GetAttribute("tabindex"));
    }

    [Fact]
    public void Caller_NameFromTheIncomingCallWithTheNumberBeside()
    {
        Store.Apply(new CallConnected(Events.NextId(), TestEvents.Call1, Events.Now, CallPlatform.Acs, null, null, TestEvents.Caller, TestEvents.Agent) { CallerName = "Alice Smith" });

        var cut = Detail();

        Assert.Equal("Alice Smith", cut.Find("h2").TextContent.Trim());
        Assert.Contains("+1 425-555-0123", cut.Find(".cs-detail-title").TextContent, StringComparison.Ordinal);
    }
}
