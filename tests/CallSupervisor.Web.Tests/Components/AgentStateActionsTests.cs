using AgentsPage = CallSupervisor.Web.Components.Pages.Agents;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>
/// A supervisor's say over an agent's state on the Agents page: offered to those who may act, a button for each
/// state the agent is not in, and a click that changes the agent's state on the board and writes an audit row.
/// </summary>
public sealed class AgentStateActionsTests : DashboardTestContext
{
    private static AngleSharp.Dom.IElement Row(IRenderedComponent<AgentsPage> cut, string agentId) =>
        cut.Find($"table tr[data-agent-id='{agentId}']");

    private static List<string?> Buttons(IRenderedComponent<AgentsPage> cut, string agentId) =>
        [.. Row(cut, agentId).QuerySelectorAll(".cs-agent-actions [data-testid]").Select(b => b.GetAttribute("data-testid"))];

    [Fact]
    public void Supervisor_ButtonsForEveryStateTheAgentIsNotIn()
    {
        Store.Presence(Events, "ana", AgentPresence.Available);
        Store.Presence(Events, "ben", AgentPresence.Away, "Break");

        var cut = Render<AgentsPage>();

        Assert.Equal(["agent-set-away", "agent-sign-out"], Buttons(cut, "ana"));
        Assert.Equal(["agent-set-available", "agent-sign-out"], Buttons(cut, "ben"));
        Assert.Equal(["agent-set-available", "agent-set-away"], Buttons(cut, "cleo"));
        Assert.NotNull(Row(cut, "ben").QuerySelector("button[aria-label='Set Ben Okafor available']"));
    }

    [Fact]
    public void Observer_NoStateButtons()
    {
        SignIn("Olivia Observer", SupervisorRoles.Observer);
        Store.Presence(Events, "ana", AgentPresence.Available);

        var cut = Render<AgentsPage>();

        Assert.Empty(cut.FindAll(".cs-agent-actions"));
    }

    [Fact]
    public async Task SetAvailable_TheAgentIsAvailableOnTheBoardAndTheChangeIsAudited()
    {
        Store.Presence(Events, "ben", AgentPresence.Away, "Break");
        var cut = Render<AgentsPage>();

        await Row(cut, "ben").QuerySelector("button[data-testid='agent-set-available']")!.ClickAsync(new());

        Assert.Equal(AgentPresence.Available, Store.Current.Agents["ben"].Presence);
        cut.WaitForAssertion(() => Assert.Equal(nameof(AgentState.Available), Row(cut, "ben").GetAttribute("data-state")));
        var entry = Assert.Single(Audit.Entries);
        Assert.Equal(Core.Audit.AuditStatus.Confirmed, entry.Status);
        Assert.Equal(("Sam Supervisor", "Supervisor"), (entry.Record.ActorName, entry.Record.ActorRole));
        Assert.Empty(Acs.Requests);
        await WaitForSnackbarsAsync(shown => shown.Count == 1 && shown[0].Severity == MudBlazor.Severity.Success);
    }

    [Fact]
    public async Task SignOut_TheAgentIsOfflineAndTheChangeIsAudited()
    {
        Store.Presence(Events, "ana", AgentPresence.Available);
        var cut = Render<AgentsPage>();

        await Row(cut, "ana").QuerySelector("button[data-testid='agent-sign-out']")!.ClickAsync(new());

        Assert.Equal(AgentPresence.Offline, Store.Current.Agents["ana"].Presence);
        Assert.Equal("Signed out by a supervisor", Store.Current.Agents["ana"].Reason);
        cut.WaitForAssertion(() => Assert.Equal(nameof(AgentState.Offline), Row(cut, "ana").GetAttribute("data-state")));
        Assert.Single(Audit.Entries);
    }

    [Fact]
    public async Task SetAway_WithTheReasonChosen()
    {
        Store.Presence(Events, "ana", AgentPresence.Available);
        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var cut = Render<AgentsPage>();
        var menu = cut.FindComponents<MudBlazor.MudMenu>()[0];

        await cut.InvokeAsync(() => menu.Instance.OpenMenuAsync(EventArgs.Empty));
        // The menu's reasons render in the popover layer, as they do on the page.
        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindComponents<MudBlazor.MudMenuItem>()));
        var items = popovers.FindComponents<MudBlazor.MudMenuItem>();
        var lunch = items.First(i => i.Markup.Contains("Lunch", StringComparison.Ordinal));
        await cut.InvokeAsync(() => lunch.Instance.OnClick.InvokeAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs()));

        cut.WaitForAssertion(() => Assert.Equal(AgentPresence.Away, Store.Current.Agents["ana"].Presence));
        Assert.Equal("Lunch", Store.Current.Agents["ana"].Reason);
        Assert.Single(Audit.Entries);
    }
}
