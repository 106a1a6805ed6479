using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.ViewModels;

namespace CallSupervisor.Web.Tests.ViewModels;

public sealed class CallFilterTests
{
    private static CallRow Row(string caller, int invites = 0, int media = 0, CallState state = CallState.Connected) =>
        new(new CallId(caller), caller, "+1800", CallPlatform.Acs, state, DateTimeOffset.UnixEpoch, null, 2, 0, invites, media, caller + " agent-ana");

    [Fact]
    public void Apply_SearchMatchesAnyPartCaseInsensitive()
    {
        var rows = new[] { Row("+14255550001"), Row("+14255550002") };

        Assert.Single(new CallFilter(Search: "550002").Apply(rows));
        Assert.Equal(2, new CallFilter(Search: "AGENT-ana").Apply(rows).Count);
        Assert.Equal(2, new CallFilter(Search: "  ").Apply(rows).Count);
    }

    [Fact]
    public void Apply_FiltersCombine()
    {
        var rows = new[] { Row("a", invites: 1), Row("b", media: 1), Row("c", invites: 1, media: 1), Row("d", state: CallState.Disconnected) };

        Assert.Equal(["a", "c"], new CallFilter(PendingInvitesOnly: true).Apply(rows).Select(r => r.Caller));
        Assert.Equal(["b", "c"], new CallFilter(RunningMediaOnly: true).Apply(rows).Select(r => r.Caller));
        Assert.Equal(["c"], new CallFilter(PendingInvitesOnly: true, RunningMediaOnly: true).Apply(rows).Select(r => r.Caller));
        Assert.Equal(["d"], new CallFilter(State: CallState.Disconnected).Apply(rows).Select(r => r.Caller));
    }

    [Fact]
    public void CallRow_From_CountsAndSearchText()
    {
        var events = new TestEvents();
        var store = StoreTestKit.NewStore().WithConnectedCall(events);
        store.Apply(events.Invite());
        store.Apply(events.MediaStarted());

        var row = CallRow.From(store.Current.Find(TestEvents.Call1)!);

        Assert.Equal(2, row.Participants);
        Assert.Equal(1, row.PendingInvitations);
        Assert.Equal(1, row.RunningMedia);
        Assert.Contains("call-1", row.SearchText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(65, "1:05")]
    [InlineData(3725, "1:02:05")]
    [InlineData(-5, "0:00")]
    public void Durations_Format(int seconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("8:acs:5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e_agent-ana", "agent-ana")]
    [InlineData("4:+14255550123", "+14255550123")]
    public void IdentifierText_Display_IsReadable(string rawId, string expected) =>
        Assert.Equal(expected, IdentifierText.Display(CommunicationIdentifier.FromRawId(rawId)));
}
