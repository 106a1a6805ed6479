using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Calls;
using CallSupervisor.Web.Components.Controls;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>Every state of the three action buttons, driven through the real store transitions.</summary>
public sealed class ActionStateTests : DashboardTestContext
{
    private Call Call => Store.Current.Find(TestEvents.Call1)!;

    private SupervisorActions Actions => Services.GetRequiredService<SupervisorActions>();

    private Participant ParticipantOf(CommunicationIdentifier who) => Call.Participants[who.RawId];

    private IRenderedComponent<MuteButton> Mute(CommunicationIdentifier who) =>
        Render<MuteButton>(p => p.Add(b => b.Call, Call).Add(b => b.Participant, ParticipantOf(who)));

    [Fact]
    public void Mute_AcsUser_Enabled()
    {
        Store.WithConnectedCall(Events);

        var cut = Mute(TestEvents.Agent);

        Assert.Equal("enabled", cut.Find(".cs-action").GetAttribute("data-state"));
        Assert.Contains("Mute", cut.Find("button").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void Mute_PhoneParticipant_DisabledWithReason()
    {
        Store.WithConnectedCall(Events);

        var cut = Mute(TestEvents.Caller);

        Assert.Equal("disabled", cut.Find(".cs-action").GetAttribute("data-state"));
        Assert.Contains("ACS can only mute ACS users", cut.Find(".cs-reason").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Mute_TeamsParticipant_DisabledWithReason()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.TeamsUser)));

        var cut = Mute(TestEvents.TeamsUser);

        Assert.Contains("ACS can only mute ACS users", cut.Find(".cs-reason").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mute_Pending_WhileAcsHasNotConfirmed()
    {
        Store.WithConnectedCall(Events);
        var actions = Actions;

        await actions.MuteAsync(Call, ParticipantOf(TestEvents.Agent));
        var cut = Mute(TestEvents.Agent);

        Assert.Equal("pending", cut.Find(".cs-action").GetAttribute("data-state"));
        Assert.Contains("Muting…", cut.Find("button").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Mute_Confirmed_DisabledWithoutReason()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        var cut = Mute(TestEvents.Agent);

        Assert.Equal("disabled", cut.Find(".cs-action").GetAttribute("data-state"));
        Assert.Empty(cut.FindAll(".cs-reason"));
    }

    [Fact]
    public async Task Mute_Failed_NotifiesCodeAndMessage_AndIsEnabledAgain()
    {
        Store.WithConnectedCall(Events);
        Acs.Result = Core.Ports.TelephonyResult<Core.Ports.Unit>.Fail(new Core.Ports.TelephonyError(400, "8523", "Participant not found"));
        var actions = Actions;

        await actions.MuteAsync(Call, ParticipantOf(TestEvents.Agent));
        var cut = Mute(TestEvents.Agent);

        var error = Assert.Single(Notifications);
        Assert.Equal(Radzen.NotificationSeverity.Error, error.Severity);
        Assert.Contains("8523", error.Detail, StringComparison.Ordinal);
        Assert.Contains("Participant not found", error.Detail, StringComparison.Ordinal);
        Assert.Equal("enabled", cut.Find(".cs-action").GetAttribute("data-state"));
    }

    private IRenderedComponent<CancelInvitationButton> CancelInvite() =>
        Render<CancelInvitationButton>(p => p.Add(b => b.Call, Call).Add(b => b.Invitation, Call.Invitations[new InvitationId("inv-1")]));

    [Fact]
    public void CancelInvitation_Pending_Enabled()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite());

        Assert.Equal("enabled", CancelInvite().Find(".cs-action").GetAttribute("data-state"));
    }

    [Fact]
    public async Task CancelInvitation_Confirmed_PendingUntilAcsAnswers()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite());
        AnswerNextDialog(true);
        var actions = Actions;

        var outcome = await actions.CancelInvitationAsync(Call, Call.Invitations[new InvitationId("inv-1")]);

        Assert.Equal(Core.Commands.CommandStatus.Accepted, outcome!.Status);
        Assert.Equal("pending", CancelInvite().Find(".cs-action").GetAttribute("data-state"));
        Store.Apply(Events.CancelSucceeded());
        var cut = CancelInvite();
        Assert.Equal("disabled", cut.Find(".cs-action").GetAttribute("data-state"));
        Assert.Contains("already cancelled", cut.Find(".cs-reason").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelInvitation_NotConfirmed_SendsNothing()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite());
        AnswerNextDialog(false);
        var actions = Actions;

        var outcome = await actions.CancelInvitationAsync(Call, Call.Invitations[new InvitationId("inv-1")]);

        Assert.Null(outcome);
        Assert.Empty(Acs.Requests);
        Assert.Equal("enabled", CancelInvite().Find(".cs-action").GetAttribute("data-state"));
    }

    [Fact]
    public async Task CancelInvitation_LostRace_ExplainedNotAnError()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite());
        AnswerNextDialog(true);
        var actions = Actions;
        await actions.CancelInvitationAsync(Call, Call.Invitations[new InvitationId("inv-1")]);

        Store.Apply(Events.AddSucceeded());
        Store.Apply(Events.CancelFailed());

        var cut = CancelInvite();
        Assert.Equal("disabled", cut.Find(".cs-action").GetAttribute("data-state"));
        Assert.Equal("Accepted before the cancel took effect", cut.Find(".cs-reason").TextContent);
        Assert.DoesNotContain(Notifications, n => n.Severity == Radzen.NotificationSeverity.Error);
    }

    [Fact]
    public void CancelInvitation_TimedOut_DisabledWithReason()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite());
        Store.Apply(Events.AddFailed(code: 408));

        Assert.Contains("timed out", CancelInvite().Find(".cs-reason").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<CancelMediaButton> CancelMedia() =>
        Render<CancelMediaButton>(p => p.Add(b => b.Call, Call));

    [Fact]
    public void CancelMedia_NoneRunning_DisabledWithReason()
    {
        Store.WithConnectedCall(Events);

        var cut = CancelMedia();

        Assert.Equal("disabled", cut.Find(".cs-action").GetAttribute("data-state"));
        Assert.Equal("No media operation is running", cut.Find(".cs-reason").TextContent);
    }

    [Fact]
    public async Task CancelMedia_Running_EnabledThenPendingThenDone()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.MediaStarted());
        Assert.Equal("enabled", CancelMedia().Find(".cs-action").GetAttribute("data-state"));
        AnswerNextDialog(true);
        var actions = Actions;

        await actions.CancelMediaAsync(Call);

        Assert.Equal("pending", CancelMedia().Find(".cs-action").GetAttribute("data-state"));
        Assert.Contains("cancelAllMediaOperations", Assert.Single(Acs.Requests), StringComparison.Ordinal);
        Store.Apply(Events.MediaEnded(outcome: MediaStatus.Cancelled));
        Assert.Equal("disabled", CancelMedia().Find(".cs-action").GetAttribute("data-state"));
    }

    [Fact]
    public async Task CancelMedia_GraphCall_GoesToGraph()
    {
        Store.WithConnectedCall(Events, CallPlatform.Graph);
        Store.Apply(Events.MediaStarted());
        AnswerNextDialog(true);
        var actions = Actions;

        await actions.CancelMediaAsync(Call);

        Assert.Single(Graph.Requests);
        Assert.Empty(Acs.Requests);
    }
}
