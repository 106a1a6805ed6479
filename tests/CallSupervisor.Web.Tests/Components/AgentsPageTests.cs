using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Components.Controls;
using MudBlazor;
using AgentsPage = CallSupervisor.Web.Components.Pages.Agents;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>The Agents page over the real store: every agent with state and call, counts, queues, filters, live updates.</summary>
public sealed class AgentsPageTests : DashboardTestContext
{
    private static readonly CallId A = new("call-a");

    private static List<string?> Shown(IRenderedComponent<AgentsPage> cut) =>
        [.. cut.FindAll("table tr[data-agent-id]").Select(r => r.GetAttribute("data-agent-id"))];

    private static string RowText(IRenderedComponent<AgentsPage> cut, string agentId) =>
        cut.Find($"table tr[data-agent-id='{agentId}']").TextContent;

    [Fact]
    public void EveryAgentOfTheDirectory_StateInWordsUnheardOfOffline()
    {
        Store.Presence(Events, "ana", AgentPresence.Available);
        Store.Presence(Events, "ben", AgentPresence.Away, "Break");

        var cut = Render<AgentsPage>();

        Assert.Equal(["ana", "ben", "cleo"], Shown(cut));
        Assert.Contains("Available", RowText(cut, "ana"), StringComparison.Ordinal);
        Assert.Contains("Away", RowText(cut, "ben"), StringComparison.Ordinal);
        Assert.Contains("Break", RowText(cut, "ben"), StringComparison.Ordinal);
        Assert.Contains("Offline", RowText(cut, "cleo"), StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll("ul[aria-label='Agents'] li[data-agent-id]").Count);
    }

    [Fact]
    public void CountsByState_SummaryStrip()
    {
        Store.Presence(Events, "ana", AgentPresence.Available);
        Store.Presence(Events, "ben", AgentPresence.Available);

        var cut = Render<AgentsPage>();

        Assert.Equal("2", cut.Find("[data-testid='agents-Available']").TextContent);
        Assert.Equal("1", cut.Find("[data-testid='agents-Offline']").TextContent);
        Assert.Equal("0", cut.Find("[data-testid='agents-OnCall']").TextContent);
    }

    [Fact]
    public void OfferedAgent_LinksToTheCallAndTimeInStateTicks()
    {
        Store.Presence(Events, "ana", AgentPresence.Available);
        Store.Queued(Events, A, "sales");
        var offeredAt = Events.Now;
        Store.Offered(Events, A, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        Time.Advance(offeredAt - Time.GetUtcNow() + TimeSpan.FromSeconds(5));
        var cut = Render<AgentsPage>();

        var link = cut.Find("table tr[data-agent-id='ana'] a[data-testid='agent-call']");
        Assert.Equal("/?call=call-a", link.GetAttribute("href"));
        Assert.StartsWith("Offered: ", link.TextContent, StringComparison.Ordinal);
        Assert.Equal("0:05", cut.Find("table tr[data-agent-id='ana'] [data-testid='agent-in-state']").TextContent);

        Time.Advance(TimeSpan.FromSeconds(3));

        cut.WaitForAssertion(() => Assert.Equal("0:08", cut.Find("table tr[data-agent-id='ana'] [data-testid='agent-in-state']").TextContent));
    }

    [Fact]
    public void QueuesStrip_WaitingAndAgentsPerQueue()
    {
        Store.Presence(Events, "ana", AgentPresence.Available);
        Store.Presence(Events, "cleo", AgentPresence.Away, "Lunch");
        Store.Queued(Events, A, "support");

        var cut = Render<AgentsPage>();

        var support = cut.Find("li[data-queue-id='support']");
        Assert.Equal("1", support.QuerySelector("[data-testid='queue-waiting']")!.TextContent);
        Assert.Equal("1", support.QuerySelector("[data-testid='queue-available']")!.TextContent);
        Assert.Equal("1", support.QuerySelector("[data-testid='queue-away']")!.TextContent);
        Assert.Equal("0", cut.Find("li[data-queue-id='sales'] [data-testid='queue-waiting']").TextContent);
    }

    [Fact]
    public async Task Filters_ByQueueAndByState()
    {
        Store.Presence(Events, "ana", AgentPresence.Available);
        Store.Presence(Events, "cleo", AgentPresence.Away, "Lunch");
        var cut = Render<AgentsPage>();
        var selects = cut.FindComponents<MudSelect<string>>();

        await cut.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync("support"));
        Assert.Equal(["ana", "cleo"], Shown(cut));

        await cut.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync(nameof(AgentState.Away)));
        Assert.Equal(["cleo"], Shown(cut));
        Assert.Equal("1 of 3 shown", cut.Find("[data-testid='agents-shown']").TextContent);
        // The counts are of every agent, whatever the filter.
        Assert.Equal("1", cut.Find("[data-testid='agents-Available']").TextContent);
    }

    [Fact]
    public void BatchThatChangesAgents_RendersTheNewStates()
    {
        Store.Presence(Events, "ana", AgentPresence.Available);
        var cut = Render<AgentsPage>();

        Store.Queued(Events, A, "sales");
        Store.Offered(Events, A, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        Store.Answered(Events, A, "offer-1");

        cut.WaitForAssertion(() => Assert.Equal(nameof(AgentState.OnCall), cut.Find("table tr[data-agent-id='ana']").GetAttribute("data-state")));
        Assert.Contains("On call", RowText(cut, "ana"), StringComparison.Ordinal);
        Assert.Equal("1", cut.Find("[data-testid='agents-OnCall']").TextContent);
        Assert.NotNull(cut.Find("table tr[data-agent-id='ana'] a[href='/?call=call-a']"));

    }

    [Fact]
    public void StateChip_ColourRepeatsTheWords()
    {
        Store.Presence(Events, "ana", AgentPresence.Away, "Missed offers");

        var cut = Render<AgentsPage>();

        var chip = cut.FindComponents<AgentStateChip>()[0];
        Assert.Equal(AgentState.Away, chip.Instance.State);
        Assert.Contains("Away", chip.Markup, StringComparison.Ordinal);
        Assert.Contains("mud-chip-color-warning", chip.Markup, StringComparison.Ordinal);
    }
}
