using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.ViewModels;

namespace CallSupervisor.Web.Tests.ViewModels;

/// <summary>What the live page shows and in which order: rows, search and filters, attention, summary.</summary>
public sealed class ViewModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ShowEndedFor = TimeSpan.FromSeconds(30);
    private readonly Attention _attention = new(new AttentionThresholds());

    private static CallRow Row(
        string caller, int invites = 0, int media = 0, CallState state = CallState.Connected, string? agent = null,
        TimeSpan? ringingFor = null, TimeSpan? onHoldFor = null, TimeSpan? age = null, TimeSpan? endedAgo = null) =>
        new(new CallId(caller), caller, null, "+1 800-555-0100", agent, false, CallPlatform.Acs, state,
            Now - (age ?? TimeSpan.FromMinutes(1)), endedAgo is { } e ? Now - e : null, 2, 0, invites, media,
            ringingFor is { } r ? Now - r : null, onHoldFor is { } h ? Now - h : null, caller + " " + agent);

    private List<string> Shown(CallFilter filter, params CallRow[] rows) =>
        [.. filter.Apply(rows, Now, ShowEndedFor, _attention).Select(r => r.Caller)];

    [Fact]
    public void Search_MatchesAnyPartCaseInsensitive()
    {
        var rows = new[] { Row("Alice", agent: "Ana Lima"), Row("Bruno", agent: "Ben Okafor") };

        Assert.Equal(["Bruno"], Shown(new CallFilter(Search: "okaf"), rows));
        Assert.Equal(2, Shown(new CallFilter(Search: "  "), rows).Count);
    }

    [Fact]
    public void Filters_Combine()
    {
        var rows = new[] { Row("a", invites: 1), Row("b", media: 1), Row("c", invites: 1, media: 1) };

        Assert.Equal(["c"], Shown(new CallFilter(PendingInvitesOnly: true, RunningMediaOnly: true, Order: CallOrder.Caller), rows));
    }

    [Fact]
    public void LiveView_EndedCallsShowAMomentThenOnlyInTheirOwnView()
    {
        var justEnded = Row("just", state: CallState.Disconnected, endedAgo: TimeSpan.FromSeconds(10));
        var longEnded = Row("long", state: CallState.Disconnected, endedAgo: TimeSpan.FromMinutes(1));
        var live = Row("live");

        Assert.Equal(["just", "live"], Shown(new CallFilter(Order: CallOrder.Caller), justEnded, longEnded, live));
        Assert.Equal(["just", "long"], Shown(new CallFilter(View: CallView.Ended, Order: CallOrder.Caller), justEnded, longEnded, live));
    }

    [Fact]
    public void Attention_ThresholdsMarkRingingHoldAndLongCalls()
    {
        Assert.Equal(AttentionReason.None, _attention.Of(Row("a", ringingFor: TimeSpan.FromSeconds(30)), Now));
        Assert.Equal(AttentionReason.RingingLong, _attention.Of(Row("a", ringingFor: TimeSpan.FromSeconds(31)), Now));
        Assert.Equal(AttentionReason.OnHoldLong, _attention.Of(Row("a", onHoldFor: TimeSpan.FromSeconds(61)), Now));
        Assert.Equal(AttentionReason.LongCall, _attention.Of(Row("a", age: TimeSpan.FromMinutes(16)), Now));
        Assert.Equal(AttentionReason.None, _attention.Of(Row("a", state: CallState.Disconnected, age: TimeSpan.FromHours(1)), Now));
        var both = Row("a", ringingFor: TimeSpan.FromSeconds(45), onHoldFor: TimeSpan.FromSeconds(80));
        Assert.Equal("Ringing 0:45 · On hold 1:20", Attention.Describe(_attention.Of(both, Now), both, Now));
    }

    [Fact]
    public void NeedsAttentionFirst_MostReasonsThenLongestRingingThenOldest()
    {
        var quietOld = Row("quiet-old", age: TimeSpan.FromMinutes(5));
        var quietNew = Row("quiet-new", age: TimeSpan.FromMinutes(1));
        var ringingLong = Row("ringing-long", ringingFor: TimeSpan.FromSeconds(50));
        var ringingAndHold = Row("ringing-and-hold", ringingFor: TimeSpan.FromSeconds(40), onHoldFor: TimeSpan.FromMinutes(2));
        var ringingShort = Row("ringing-short", ringingFor: TimeSpan.FromSeconds(5));

        Assert.Equal(
            ["ringing-and-hold", "ringing-long", "ringing-short", "quiet-old", "quiet-new"],
            Shown(new CallFilter(), quietNew, ringingShort, quietOld, ringingLong, ringingAndHold));
    }

    [Fact]
    public void GroupByAgent_KeepsTheOrderWithinEachAgent()
    {
        var rows = new[] { Row("c", agent: "Ben"), Row("a", agent: "Ana"), Row("b", agent: "Ben"), Row("d") };

        Assert.Equal(["a", "b", "c", "d"], Shown(new CallFilter(Order: CallOrder.Caller, GroupByAgent: true), rows));
    }

    [Fact]
    public void Summary_UsesTheGridsDefinitions()
    {
        var rows = new[]
        {
            Row("waiting", invites: 1, ringingFor: TimeSpan.FromSeconds(40), media: 1),
            Row("waiting-less", invites: 1, ringingFor: TimeSpan.FromSeconds(10)),
            Row("hold", onHoldFor: TimeSpan.FromSeconds(5)),
            Row("ended", state: CallState.Disconnected, invites: 1, ringingFor: TimeSpan.FromMinutes(5)),
        };

        var summary = BoardSummary.From(rows, Now, _attention);

        Assert.Equal(new BoardSummary(3, 2, TimeSpan.FromSeconds(40), 1, 1, 1), summary);
    }

    [Fact]
    public void CallRow_From_NamesTheCallerAndTheAgentAndKeepsTheWaitStart()
    {
        var events = new TestEvents();
        var store = StoreTestKit.NewStore();
        store.Apply(new CallConnected(events.NextId(), TestEvents.Call1, events.Now, CallPlatform.Acs, null, null, TestEvents.Caller, TestEvents.Agent) { CallerName = "Alice Smith" });
        var invite = events.Invite(target: TestEvents.Agent2) with { TargetName = "Ben Okafor" };
        store.Apply(invite);
        store.Apply(events.MediaStarted());

        var row = CallRow.From(store.Current.Find(TestEvents.Call1)!);

        Assert.Equal("Alice Smith", row.Caller);
        Assert.Equal("+1 425-555-0123", row.CallerNumber);
        Assert.Equal("Ben Okafor", row.Agent);
        Assert.False(row.AgentAnswered);
        Assert.Equal(invite.OccurredAt, row.RingingSince);
        Assert.Equal(1, row.RunningMedia);
        Assert.Contains("+14255550123", row.SearchText, StringComparison.Ordinal);
        Assert.Contains("Ben Okafor", row.SearchText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(65, "1:05")]
    [InlineData(3725, "1:02:05")]
    [InlineData(-5, "0:00")]
    public void Durations_Format(int seconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_agent-ana", "agent-ana")]
    [InlineData("8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_8fcb91fc-b2d1-4c53-9a8e-6b0c0534de74", "8fcb91fc-b…0534de74")]
    [InlineData("4:+14255550123", "+1 425-555-0123")]
    [InlineData("4:+442071838750", "+44 20 7183 8750")]
    public void IdentifierFormat_Short_KeepsWhatDiffers(string rawId, string expected) =>
        Assert.Equal(expected, IdentifierFormat.Short(CommunicationIdentifier.FromRawId(rawId)));
}
