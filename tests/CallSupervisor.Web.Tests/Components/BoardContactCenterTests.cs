using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.ViewModels;
using CallSupervisor.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>The live calls page with the contact center behind it: the Agent column, the summary, callers with nobody, roles.</summary>
public sealed class BoardContactCenterTests : DashboardTestContext
{
    private static readonly CallId A = new("call-a");
    private static readonly CallId B = new("call-b");
    private static readonly CallId C = new("call-c");

    private IRenderedComponent<LiveCalls> Page(string? selected = null)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(selected is null ? "/" : "/?call=" + selected);
        return Render<LiveCalls>();
    }

    private static string AgentCell(IRenderedComponent<LiveCalls> cut, CallId id) =>
        cut.Find($".cs-grid a[data-call-id='{id.Value}']").Closest("tr")!.QuerySelector("[data-testid='agent-cell']")!.TextContent;

    private void ClockAt(DateTimeOffset at) => Time.Advance(at - Time.GetUtcNow());

    [Fact]
    public void AgentColumn_WaitingOfferedAnsweredAndInMenu()
    {
        Store.Queued(Events, A, "sales");
        Store.Queued(Events, B, "sales");
        Store.Queued(Events, C, "sales");
        var cQueued = Events.Now;
        Store.Offered(Events, B, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        var ringingAt = Events.Now;
        Store.InMenu(Events, new CallId("call-d"));
        ClockAt(ringingAt.AddSeconds(12));

        var cut = Page();

        Assert.Equal("Offered to Ana Lima (ringing 0:12)", AgentCell(cut, B));
        Assert.StartsWith("Waiting in Sales", AgentCell(cut, A), StringComparison.Ordinal);
        Assert.EndsWith("· #1", AgentCell(cut, A), StringComparison.Ordinal);
        // The caller being offered is past the line: the one behind them is next but one.
        Assert.Equal($"Waiting in Sales {Durations.Format(ringingAt.AddSeconds(12) - cQueued)} · #2", AgentCell(cut, C));
        Assert.Equal("In menu", AgentCell(cut, new CallId("call-d")));
        Assert.Contains(cut.FindAll(".cs-cards .cs-card-facts span"), s => s.TextContent == "Offered to Ana Lima (ringing 0:12)");

        Store.Answered(Events, B, "offer-1");
        Store.Offered(Events, A, "ben", TestEvents.Agent2, "Ben Okafor", "offer-2");

        cut.WaitForAssertion(() => Assert.Equal("Ana Lima", AgentCell(cut, B)));
        // Positions follow the queue: with the first caller offered, the last one is next.
        cut.WaitForAssertion(() => Assert.EndsWith("· #1", AgentCell(cut, C), StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_WaitingCountsEveryQueuedCallerPerQueueAndTheLongestWait()
    {
        Store.Queued(Events, A, "sales");
        var first = Events.Now;
        Store.Queued(Events, B, "support");
        Store.Queued(Events, C, "sales");
        ClockAt(first.AddSeconds(42));

        var cut = Page();

        Assert.Equal("3", cut.Find("[data-testid='summary-waiting']").TextContent);
        Assert.Equal("Sales 2 · Support 1", cut.Find("[data-testid='summary-waiting-queues']").TextContent);
        Assert.Equal("0:42", cut.Find("[data-testid='summary-longest-wait']").TextContent);
    }

    [Fact]
    public void CallerWithNobody_MarkedAsNeedingAttention()
    {
        Store.Apply(Events.Connected(A));
        var cut = Page();
        Assert.Empty(cut.FindAll("[data-testid=attention]"));

        Time.Advance(Dashboard.Thresholds.Alone + TimeSpan.FromSeconds(5));

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("No agent or queue", cut.Find(".cs-cards [data-testid=attention]").TextContent, StringComparison.Ordinal);
            Assert.Equal("1", cut.Find("[data-testid=summary-attention]").TextContent);
        });
    }

    [Fact]
    public void Detail_AgentOfTheDirectoryOnACallNotRoutedToThem_NamedAsAgent()
    {
        Store.Apply(Events.Connected(A));
        Store.Apply(Events.RosterFor(A, 1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestDirectory.Cleo)));

        var cut = Page("call-a");

        var cleo = cut.FindAll("ul[aria-label='Participants'] li").Single(li => li.TextContent.Contains("Cleo Park", StringComparison.Ordinal));
        Assert.Equal("Agent", cleo.QuerySelector(".cs-role")!.TextContent);
    }

    [Fact]
    public void Detail_RolesNamedAndAStrangerMarkedUnknown()
    {
        var stranger = CommunicationIdentifier.AcsUser("8:acs:99820e3e-c000-0000-0000-0000b77f8d3f");
        Store.Queued(Events, A, "sales");
        Store.Offered(Events, A, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        Store.Answered(Events, A, "offer-1");
        Store.Apply(Events.RosterFor(A, 1, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent), TestEvents.In(stranger)));

        var cut = Page("call-a");

        var people = cut.FindAll("ul[aria-label='Participants'] li").Select(li => li.TextContent).ToList();
        Assert.Contains(people, p => p.Contains("Caller", StringComparison.Ordinal));
        Assert.Contains(people, p => p.Contains("Ana Lima", StringComparison.Ordinal) && p.Contains("Agent", StringComparison.Ordinal));
        Assert.Contains(people, p => p.Contains("Unknown", StringComparison.Ordinal) && p.Contains("ACS user", StringComparison.Ordinal));
        Assert.Equal("Agent: Ana Lima", cut.Find("[data-testid='detail-agent']").TextContent);
    }
}
