using Microsoft.Extensions.DependencyInjection;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Components.Controls;
using MudBlazor;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>
/// The one ActionButton in every state of every action, driven through the real store transitions: enabled,
/// disabled with its reason (tooltip + accessible description), pending ("Muting…" for every supervisor), and a
/// click that asks first where the action cannot be undone.
/// </summary>
public sealed class ActionButtonTests : DashboardTestContext
{
    private IRenderedComponent<ActionButton> Button(SupervisorAction action, string target = "") =>
        Render<ActionButton>(p => p.Add(b => b.Action, action).Add(b => b.Call, Call1).Add(b => b.Target, target));

    private static string State(IRenderedComponent<ActionButton> cut) => cut.Find(".cs-action").GetAttribute("data-state")!;

    [Fact]
    public void Mute_AcsUser_EnabledAndNamedAfterThePerson()
    {
        Store.WithConnectedCall(Events);

        var cut = Button(SupervisorActions.Mute, TestEvents.Agent.RawId);

        Assert.Equal("enabled", State(cut));
        Assert.Equal("Mute ACS user agent-0001…aaaaaaaa", cut.Find("button").GetAttribute("aria-label"));
        Assert.Null(cut.Find("button").GetAttribute("aria-disabled"));
    }

    [Fact]
    public void Mute_CallNotConnected_DisabledWithTheReasonAsDescription()
    {
        Store.Apply(Events.Roster(1, TestEvents.In(TestEvents.Agent)));

        var cut = Button(SupervisorActions.Mute, TestEvents.Agent.RawId);

        Assert.Equal("disabled", State(cut));
        var button = cut.Find("button");
        Assert.Equal("true", button.GetAttribute("aria-disabled"));
        var description = cut.Find("#" + button.GetAttribute("aria-describedby"));
        Assert.Equal("The call's state is not known yet (waiting for reconciliation)", description.TextContent);
    }

    [Fact]
    public void Mute_Pending_ShowsBusyLabelAndStaysDisabledForEverySupervisor()
    {
        Store.WithConnectedCall(Events);
        Store.MarkMute(TestEvents.Agent, StoreTestKit.Request("bob"));

        var cut = Button(SupervisorActions.Mute, TestEvents.Agent.RawId);

        Assert.Equal("pending", State(cut));
        Assert.Contains("Muting…", cut.Find("button").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("button").GetAttribute("aria-busy"));
        Assert.Equal("true", cut.Find("button").GetAttribute("aria-disabled"));
    }

    [Fact]
    public async Task Observer_EveryActionUnavailableSayingWhy_AndAForcedClickIsRefusedAndAudited()
    {
        SignIn("Olivia Observer", SupervisorRoles.Observer);
        Store.WithConnectedCall(Events);
        var cut = Button(SupervisorActions.Mute, TestEvents.Agent.RawId);

        Assert.Equal("disabled", State(cut));
        Assert.Equal("Your role (Observer) may watch calls but not act on them", cut.Find("#" + cut.Find("button").GetAttribute("aria-describedby")).TextContent);

        // The executor decides, not the button: run the action as a forged click would.
        await Services.GetRequiredService<Web.Actions.ActionRunner>().RunAsync(SupervisorActions.Mute, Call1, TestEvents.Agent.RawId);

        Assert.Empty(Acs.Requests);
        var entry = Assert.Single(Audit.Entries);
        Assert.Equal(Core.Audit.AuditStatus.Refused, entry.Status);
        Assert.Equal(("Olivia Observer", "Observer"), (entry.Record.ActorName, entry.Record.ActorRole));
    }

    [Fact]
    public async Task Mute_Supervisor_AuditedWithTheSignedInUser()
    {
        Store.WithConnectedCall(Events);
        var cut = Button(SupervisorActions.Mute, TestEvents.Agent.RawId);

        await cut.Find("button").ClickAsync(new());

        var entry = Assert.Single(Audit.Entries);
        Assert.Equal(("oid-Sam-Supervisor", "Sam Supervisor", "Supervisor"), (entry.Record.ActorId, entry.Record.ActorName, entry.Record.ActorRole));
        Assert.Equal(Core.Audit.AuditStatus.Accepted, entry.Status);
    }

    [Fact]
    public async Task Mute_Unavailable_StaysFocusableAndAClickSendsNothing()
    {
        Store.WithConnectedCall(Events);
        Store.MarkMute(TestEvents.Agent, StoreTestKit.Request("bob"));
        var cut = Button(SupervisorActions.Mute, TestEvents.Agent.RawId);

        // aria-disabled, never the disabled attribute: keyboard users reach it and hear why.
        Assert.Null(cut.Find("button").GetAttribute("disabled"));
        await cut.Find("button").ClickAsync(new());

        Assert.Empty(Acs.Requests);
        Assert.Empty(Snackbars);
    }

    [Fact]
    public async Task Mute_Click_SendsWithoutAskingAndNotifiesUntilConfirmed()
    {
        Store.WithConnectedCall(Events);
        var cut = Button(SupervisorActions.Mute, TestEvents.Agent.RawId);

        await cut.Find("button").ClickAsync(new());

        Assert.Empty(Confirm.Asked);
        Assert.StartsWith($"mute call-1 {TestEvents.Agent.RawId} supervisor-mute:", Assert.Single(Acs.Requests));
        var sent = Assert.Single(Snackbars);
        Assert.Equal(Severity.Info, sent.Severity);

        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        await WaitForSnackbarsAsync(shown => shown.Count == 1 && shown[0].Severity == Severity.Success);
    }

    [Fact]
    public async Task Mute_AcsRefuses_ErrorNoticeWithTheCodeStaysAndButtonWorksAgain()
    {
        Store.WithConnectedCall(Events);
        Acs.Result = TelephonyResult<Unit>.Fail(new TelephonyError(400, "8523", "Participant cannot be muted right now"));
        var cut = Button(SupervisorActions.Mute, TestEvents.Agent.RawId);

        await cut.Find("button").ClickAsync(new());

        var error = Assert.Single(Snackbars);
        Assert.Equal(Severity.Error, error.Severity);
        cut.Render(p => p.Add(b => b.Call, Call1));
        Assert.Equal("enabled", State(cut));
    }

    [Fact]
    public async Task CancelInvitation_Declined_SendsNothing()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite(target: TestEvents.Agent2));
        Confirm.Answer = false;
        var cut = Button(SupervisorActions.CancelInvitation, "inv-1");

        await cut.Find("button").ClickAsync(new());

        var asked = Assert.Single(Confirm.Asked);
        Assert.Equal("Keep ringing", asked.SafeLabel);
        Assert.Empty(Acs.Requests);
        Assert.False(Store.IsCancelling());
    }

    [Fact]
    public async Task CancelInvitation_Confirmed_SendsAndShowsCancellingUntilAcsAnswers()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite(target: TestEvents.Agent2));
        var cut = Button(SupervisorActions.CancelInvitation, "inv-1");

        await cut.Find("button").ClickAsync(new());
        cut.Render(p => p.Add(b => b.Call, Call1));

        Assert.StartsWith("cancelAddParticipant call-1 inv-1 supervisor-cancel-invitation:", Assert.Single(Acs.Requests));
        Assert.Equal("pending", State(cut));
        Assert.Contains("Cancelling…", cut.Find("button").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void CancelInvitation_AlreadyAccepted_DisabledSayingSo()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite(target: TestEvents.Agent2));
        Store.Apply(Events.AddSucceeded());

        var cut = Button(SupervisorActions.CancelInvitation, "inv-1");

        Assert.Equal("The invitation was already accepted", cut.Find("#" + cut.Find("button").GetAttribute("aria-describedby")).TextContent);
    }

    [Fact]
    public async Task CancelMedia_GraphCall_GoesThroughGraphAndIsLabelledAsAllMedia()
    {
        Store.WithConnectedCall(Events, CallPlatform.Graph);
        Store.Apply(Events.MediaStarted());
        var cut = Button(SupervisorActions.CancelMedia);

        Assert.Contains("Cancel all media", cut.Find("button").TextContent, StringComparison.Ordinal);
        await cut.Find("button").ClickAsync(new());

        Assert.Contains("Stop all 1 running", Assert.Single(Confirm.Asked).Question, StringComparison.Ordinal);
        Assert.StartsWith("cancelMediaProcessing call-1 supervisor-cancel-media:", Assert.Single(Graph.Requests));
        Assert.Empty(Acs.Requests);
    }

    [Fact]
    public void CancelMedia_NothingRunning_Disabled()
    {
        Store.WithConnectedCall(Events);

        var cut = Button(SupervisorActions.CancelMedia);

        Assert.Equal("disabled", State(cut));
        Assert.Equal("No media operation is running", cut.Find("#" + cut.Find("button").GetAttribute("aria-describedby")).TextContent);
    }
}
