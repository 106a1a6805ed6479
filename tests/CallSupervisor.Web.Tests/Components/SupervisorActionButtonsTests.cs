using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Actions;
using CallSupervisor.Web.Components.Controls;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>
/// The buttons of the actions that step into a call, each drawn from its descriptor: the tone's colour and the icon,
/// the busy label while pending (whoever asked), unavailable with the exact reason, an Observer's role reason, and
/// focusable whatever the state.
/// </summary>
public sealed class SupervisorActionButtonsTests : DashboardTestContext
{
    private static readonly string[] CallActions = ["Listen", "Join", "Leave", "Assign", "TakeCall", "Transfer", "HangUp"];

    private static readonly string[] ParticipantActions = ["Hold", "Resume", "Remove"];

    private IRenderedComponent<ActionButton> Button(SupervisorAction action, string target = "") =>
        Render<ActionButton>(p => p.Add(b => b.Action, action).Add(b => b.Call, Call1).Add(b => b.Target, target));

    private IRenderedComponent<ActionButton> Button(ActionKind kind, string target = "") => Button(SupervisorActions.For(kind), target);

    private static string State(IRenderedComponent<ActionButton> cut) => cut.Find(".cs-action").GetAttribute("data-state")!;

    private static string Reason(IRenderedComponent<ActionButton> cut) =>
        cut.Find("#" + cut.Find("button").GetAttribute("aria-describedby")).TextContent;

    public static TheoryData<ActionTone, string> Tones => new()
    {
        { ActionTone.Neutral, "mud-button-outlined-primary" },
        { ActionTone.Caution, "mud-button-outlined-warning" },
        { ActionTone.Destructive, "mud-button-outlined-error" },
    };

    [Theory]
    [MemberData(nameof(Tones))]
    public void EveryCallAction_ColourFollowsItsToneAndItsIconIsDrawn(ActionTone tone, string colourClass)
    {
        Store.WithAgentInCall(Events);
        var actions = SupervisorActions.All.Where(a => a.Scope != ActionScope.Agent && a.Tone == tone).ToList();
        Assert.NotEmpty(actions);

        foreach (var action in actions)
        {
            var cut = Button(action, action.Scope == ActionScope.Participant ? TestEvents.Caller.RawId : "");

            var button = cut.Find("button");
            Assert.True(button.ClassList.Contains(colourClass), $"{action.Kind}: {button.ClassName}");
            // The descriptor names a Material icon: a misspelt name would fall back to a neutral one.
            Assert.NotEqual(MudBlazor.Icons.Material.Filled.Bolt, ActionLooks.Icon(action.Icon));
            Assert.NotNull(cut.Find(".mud-button-icon-start svg"));
            Assert.Contains(action.Label, button.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tones_NewActionsAsDescribed()
    {
        Assert.Equal(ActionTone.Neutral, SupervisorActions.For(ActionKind.Listen).Tone);
        Assert.Equal(ActionTone.Caution, SupervisorActions.For(ActionKind.Join).Tone);
        Assert.Equal(ActionTone.Caution, SupervisorActions.For(ActionKind.Hold).Tone);
        Assert.Equal(ActionTone.Neutral, SupervisorActions.For(ActionKind.Resume).Tone);
        Assert.Equal(ActionTone.Caution, SupervisorActions.For(ActionKind.Transfer).Tone);
        Assert.Equal(ActionTone.Destructive, SupervisorActions.For(ActionKind.Remove).Tone);
        Assert.Equal(ActionTone.Destructive, SupervisorActions.For(ActionKind.HangUp).Tone);
    }

    [Fact]
    public void Hold_PendingByAnotherSupervisor_BusyLabelAndWhoAskedInTheTooltip()
    {
        Store.WithAgentInCall(Events);
        Store.MarkPending(ActionKind.Hold, TestEvents.Caller.RawId, StoreTestKit.Request("bob"));

        var cut = Button(ActionKind.Hold, TestEvents.Caller.RawId);

        Assert.Equal("pending", State(cut));
        Assert.Contains("Holding…", cut.Find("button").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", cut.Find("button").GetAttribute("aria-busy"));
        Assert.Equal("true", cut.Find("button").GetAttribute("aria-disabled"));
        Assert.Equal("Hold already requested by bob at 09:30:00 UTC; waiting for ACS to confirm",
            cut.FindComponent<MudBlazor.MudTooltip>().Instance.Text);
    }

    [Theory]
    [InlineData(ActionKind.Resume, "Resuming…")]
    [InlineData(ActionKind.Remove, "Removing…")]
    public void ParticipantAction_PendingByAnotherSupervisor_BusyLabel(ActionKind kind, string busy)
    {
        Store.WithAgentInCall(Events);
        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller, onHold: true), TestEvents.In(TestEvents.Agent)));
        Store.MarkPending(kind, TestEvents.Caller.RawId, StoreTestKit.Request("bob"));

        var cut = Button(kind, TestEvents.Caller.RawId);

        Assert.Equal("pending", State(cut));
        Assert.Contains(busy, cut.Find("button").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void HangUp_PendingByAnotherSupervisor_BusyForEveryone()
    {
        Store.WithAgentInCall(Events);
        Store.MarkPending(ActionKind.HangUp, "", StoreTestKit.Request("bob"));

        var cut = Button(ActionKind.HangUp);

        Assert.Equal("pending", State(cut));
        Assert.Contains("Hanging up…", cut.Find("button").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transfer_PendingByAnotherSupervisor_BusyForEveryone()
    {
        Store.WithAgentInCall(Events);
        Store.Presence(Events, "ben", AgentPresence.Available);
        // Bob's transfer, as the executor runs it for him (ACS took the request; its answer has not come).
        var receipt = await Services.GetRequiredService<Core.Execution.ActionExecutor>().ExecuteAsync(
            new Core.Execution.ActionRequest(ActionKind.Transfer, TestEvents.Call1, "", StoreTestKit.As("bob"))
            {
                Arguments = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add(TransferAction.ToArgument, "ben"),
            },
            CancellationToken.None);
        Assert.Equal(Core.Execution.ReceiptStatus.Accepted, receipt.Status);

        var cut = Button(ActionKind.Transfer);

        Assert.Equal("pending", State(cut));
        Assert.Contains("Transferring…", cut.Find("button").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Listen_OwnListenPending_ConnectingInEveryTab()
    {
        Store.WithAgentInCall(Events);
        Store.MarkPending(ActionKind.Listen, TestDirectory.Sam.RawId, StoreTestKit.Request("Sam Supervisor"));

        var cut = Button(ActionKind.Listen);

        Assert.Equal("pending", State(cut));
        Assert.Contains("Connecting…", cut.Find("button").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Listen_AnotherSupervisorConnecting_OwnButtonStaysListenInAndEnabled()
    {
        // Bob listening in takes nothing from Sam: each supervisor listens with their own endpoint.
        Store.WithAgentInCall(Events);
        Store.MarkPending(ActionKind.Listen, "8:acs:supervisor-0008-bbbbbbbbbbbbbbbbbbbbbbbb", StoreTestKit.Request("bob"));

        var cut = Button(ActionKind.Listen);

        Assert.Equal("enabled", State(cut));
        Assert.Contains("Listen in", cut.Find("button").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Connecting…", cut.Find("button").TextContent, StringComparison.Ordinal);
        Assert.Equal("false", cut.Find("button").GetAttribute("aria-busy"));
    }

    [Fact]
    public void Listen_NoOwnEndpoint_UnavailableSayingHowToSetIt()
    {
        SignIn("Nora Newcomer", SupervisorRoles.Supervisor);
        Store.WithAgentInCall(Events);

        var cut = Button(ActionKind.Listen);

        Assert.Equal("disabled", State(cut));
        Assert.Equal(MonitorAction.NoEndpoint, Reason(cut));
    }

    [Fact]
    public void Listen_AlreadyListening_UnavailableSayingSo()
    {
        Store.WithAgentInCall(Events);
        Store.SamListening(Events);

        Assert.Equal("You are already listening", Reason(Button(ActionKind.Listen)));
        Assert.Equal("enabled", State(Button(ActionKind.Join)));
        Assert.Equal("enabled", State(Button(ActionKind.Leave)));
    }

    [Fact]
    public void Leave_NotInTheCall_UnavailableSayingSo()
    {
        Store.WithAgentInCall(Events);

        Assert.Equal("You are not in this call", Reason(Button(ActionKind.Leave)));
    }

    [Fact]
    public void Resume_NotOnHold_UnavailableSayingSo()
    {
        Store.WithAgentInCall(Events);

        Assert.Equal("Not on hold", Reason(Button(ActionKind.Resume, TestEvents.Caller.RawId)));
    }

    [Fact]
    public void Hold_CallStateNotKnown_UnavailableSayingWhy()
    {
        Store.Apply(Events.Roster(1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent)));

        Assert.Equal("The call's state is not known yet (waiting for reconciliation)", Reason(Button(ActionKind.Hold, TestEvents.Caller.RawId)));
    }

    [Fact]
    public void Transfer_NoAgentInTheCall_UnavailableSayingAssignInstead()
    {
        Store.WithConnectedCall(Events);

        Assert.Equal("No agent is in the call to hand over: assign one instead", Reason(Button(ActionKind.Transfer)));
    }

    [Fact]
    public void Assign_CallHasItsAgent_UnavailableSayingSo()
    {
        Store.WithAgentInCall(Events);

        Assert.Equal("The call already has its agent", Reason(Button(ActionKind.Assign)));
    }

    [Fact]
    public void TakeCall_OfferRinging_UnavailableNamingTheAgent()
    {
        Store.Queued(Events, TestEvents.Call1, "sales");
        Store.Offered(Events, TestEvents.Call1, "ben", TestEvents.Agent2, "Ben Okafor", "offer-1");

        Assert.Equal("Already offered to Ben Okafor: cancel that invitation first", Reason(Button(ActionKind.TakeCall)));
    }

    [Fact]
    public void Observer_EveryNewActionUnavailableWithTheRoleReason_AndStillFocusable()
    {
        SignIn("Olivia Observer", SupervisorRoles.Observer);
        Store.WithAgentInCall(Events);

        foreach (var kind in CallActions.Concat(ParticipantActions).Select(Enum.Parse<ActionKind>))
        {
            var cut = Button(kind, SupervisorActions.For(kind).Scope == ActionScope.Participant ? TestEvents.Caller.RawId : "");

            Assert.Equal("disabled", State(cut));
            Assert.Equal("Your role (Observer) may watch calls but not act on them", Reason(cut));
            Assert.Null(cut.Find("button").GetAttribute("disabled"));
        }
    }

    [Fact]
    public async Task EveryNewAction_UnavailableStaysFocusableAndAClickSendsNothing()
    {
        // A Graph call: none of the ACS-only actions can run on it.
        Store.WithConnectedCall(Events, CallPlatform.Graph);

        foreach (var kind in CallActions.Concat(ParticipantActions).Select(Enum.Parse<ActionKind>))
        {
            var cut = Button(kind, SupervisorActions.For(kind).Scope == ActionScope.Participant ? TestEvents.Caller.RawId : "");
            var button = cut.Find("button");

            Assert.Equal("true", button.GetAttribute("aria-disabled"));
            Assert.Null(button.GetAttribute("disabled"));
            Assert.NotEqual("-1", button.GetAttribute("tabindex"));
            await button.ClickAsync(new());
        }

        Assert.Empty(Acs.Requests);
        Assert.Empty(Confirm.Asked);
    }

    [Theory]
    [InlineData(ActionKind.TakeCall)]
    [InlineData(ActionKind.HangUp)]
    public async Task Observer_ForcedClickOnACallAction_RefusedAndAudited(ActionKind kind)
    {
        SignIn("Olivia Observer", SupervisorRoles.Observer);
        Store.WithAgentInCall(Events);

        var receipt = await Services.GetRequiredService<ActionRunner>().RunAsync(SupervisorActions.For(kind), Call1, "");

        Assert.Equal(Core.Execution.ReceiptStatus.Forbidden, receipt!.Status);
        Assert.Empty(Acs.Requests);
        Assert.Equal(Core.Audit.AuditStatus.Refused, Assert.Single(Audit.Entries).Status);
    }
}
