using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Actions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>
/// The chooser of assign and transfer, through the app's own dialog and runner: available agents first and
/// enabled, the others disabled with their state, a number for a transfer, cancel chooses nothing, and a choice
/// runs the action on the agent or number chosen.
/// </summary>
public sealed class ChooseDialogTests : DashboardTestContext
{
    // A choice is named by what it shows: the agent's name, then their state.
    private static string Named(AngleSharp.Dom.IElement choice) =>
        $"{choice.QuerySelector(".cs-choice-name")!.TextContent.Trim()}, {choice.QuerySelector(".cs-muted-text")!.TextContent.Split('·')[0].Trim()}";

    private ActionRunner Runner => Services.GetRequiredService<ActionRunner>();

    private static List<(string Label, bool Disabled)> Choices(IRenderedComponent<MudDialogProvider> provider) =>
        [.. provider.FindAll("button.cs-choice").Select(b => (Named(b), b.HasAttribute("disabled")))];

    private (IRenderedComponent<MudDialogProvider> Provider, Task<ActionReceipt?> Run) Open(ActionKind kind)
    {
        var provider = Render<MudDialogProvider>();
        var run = provider.InvokeAsync(() => Runner.RunAsync(SupervisorActions.For(kind), Call1, ""));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("button.cs-choice")));
        return (provider, run);
    }

    [Fact]
    public async Task Assign_AvailableAgentsFirstAndEnabled_OthersDisabledWithTheirState_NoNumber()
    {
        Store.Queued(Events, TestEvents.Call1, "sales");
        Store.Presence(Events, "ana", AgentPresence.Away, "Break");
        Store.Presence(Events, "ben", AgentPresence.Available);
        var (provider, run) = Open(ActionKind.Assign);

        Assert.Equal([("Ben Okafor, Available", false), ("Ana Lima, Away", true), ("Cleo Park, Not signed in", true)], Choices(provider));
        Assert.Empty(provider.FindAll("#choose-number"));
        Assert.Equal(DefaultFocus.FirstChild, provider.FindComponent<MudDialog>().Instance.DefaultFocus);

        provider.Find("[data-testid=choose-cancel]").Click();

        Assert.Null(await run);
    }

    [Fact]
    public async Task Assign_Cancelled_NothingSentNothingAudited()
    {
        Store.Queued(Events, TestEvents.Call1, "sales");
        Store.Presence(Events, "ben", AgentPresence.Available);
        var (provider, run) = Open(ActionKind.Assign);

        provider.Find("[data-testid=choose-cancel]").Click();

        Assert.Null(await run);
        Assert.Empty(Acs.Requests);
        Assert.Empty(Audit.Entries);
        Assert.Empty(Confirm.Asked);
        Assert.Null(Call1.Offer);
    }

    [Fact]
    public async Task Assign_ChooseAnAgent_InvitesThemAndTheCallIsOfferedToThem()
    {
        Store.Queued(Events, TestEvents.Call1, "sales");
        Store.Presence(Events, "ben", AgentPresence.Available);
        var (provider, run) = Open(ActionKind.Assign);

        provider.Find("button.cs-choice[data-agent-id='ben']").Click();

        Assert.Equal(ReceiptStatus.Accepted, (await run)!.Status);
        Assert.StartsWith($"add call-1 {TestEvents.Agent2.RawId} supervisor-assign:", Assert.Single(Acs.Requests));
        Assert.EndsWith(" 60", Acs.Requests[0]);
        Assert.Equal(("ben", "Ben Okafor"), (Call1.Offer!.AgentId, Call1.Offer.AgentName));
        Assert.Equal(Core.Audit.AuditStatus.Accepted, Assert.Single(Audit.Entries).Status);
    }

    [Fact]
    public async Task Assign_FromTheButton_OpensTheChooserAndRuns()
    {
        Store.WithAgentInCall(Events);
        Store.AgentLeft(Events);
        Store.Presence(Events, "ben", AgentPresence.Available);
        var provider = Render<MudDialogProvider>();
        var detail = Render<CallSupervisor.Web.Components.Controls.CallDetail>(p => p.Add(d => d.Call, Call1).Add(d => d.Now, Time.GetUtcNow()));

        var click = detail.Find(".cs-call-actions [data-action='Assign'] button").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("button.cs-choice[data-agent-id='ben']")));
        // Ana left this call: she is not offered it again from here.
        Assert.Empty(provider.FindAll("button.cs-choice[data-agent-id='ana']"));
        provider.Find("button.cs-choice[data-agent-id='ben']").Click();
        await click;

        Assert.StartsWith($"add call-1 {TestEvents.Agent2.RawId} supervisor-assign:", Assert.Single(Acs.Requests));
    }

    [Fact]
    public async Task Transfer_OffersTheOtherAgentsAndANumber_ChoosingAnAgentTransfersTheCallersAgentToThem()
    {
        Store.WithAgentInCall(Events);
        Store.Presence(Events, "ben", AgentPresence.Available);
        var (provider, run) = Open(ActionKind.Transfer);

        // The call's own agent is not offered; the number field is there.
        Assert.Equal(["Ben Okafor, Available", "Cleo Park, Not signed in"], Choices(provider).Select(c => c.Label));
        Assert.NotNull(provider.Find("#choose-number"));
        provider.Find("button.cs-choice[data-agent-id='ben']").Click();

        Assert.Equal(ReceiptStatus.Accepted, (await run)!.Status);
        Assert.StartsWith($"transfer call-1 {TestEvents.Agent.RawId} -> {TestEvents.Agent2.RawId} supervisor-transfer:", Assert.Single(Acs.Requests));
        Assert.Equal("ben", Call1.Offer!.AgentId);
    }

    [Fact]
    public async Task Transfer_ToANumber_TransfersTheCallersAgentToThePhone()
    {
        Store.WithAgentInCall(Events);
        var (provider, run) = Open(ActionKind.Transfer);

        Assert.True(provider.Find("[data-testid=choose-number]").HasAttribute("disabled"));
        provider.Find("#choose-number").Change("+1 425 555 0199");
        provider.WaitForAssertion(() => Assert.False(provider.Find("[data-testid=choose-number]").HasAttribute("disabled")));
        provider.Find("form.cs-number-form").Submit();

        Assert.Equal(ReceiptStatus.Accepted, (await run)!.Status);
        Assert.StartsWith($"transfer call-1 {TestEvents.Agent.RawId} -> 4:+14255550199 supervisor-transfer:", Assert.Single(Acs.Requests));
    }

    [Fact]
    public async Task Transfer_NotANumber_RefusedSayingWhyAndNothingSent()
    {
        Store.WithAgentInCall(Events);
        var (provider, run) = Open(ActionKind.Transfer);

        provider.Find("#choose-number").Change("reception");
        provider.Find("form.cs-number-form").Submit();

        Assert.Equal(ReceiptStatus.Refused, (await run)!.Status);
        Assert.Empty(Acs.Requests);
        await WaitForSnackbarsAsync(shown => shown.Count == 1 && (shown[0].Message ?? "").Contains("neither an agent nor a phone number", StringComparison.Ordinal));
    }
}
