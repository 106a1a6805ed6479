using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Events;
using CallSupervisor.Web.Components.Pages;

namespace CallSupervisor.Web.Tests.Components;

public sealed class DashboardTests : DashboardTestContext
{
    [Fact]
    public void Render_ShowsCurrentPulse()
    {
        Pulse.Tick(new DateTimeOffset(2026, 11, 21, 10, 30, 5, TimeSpan.Zero));

        var cut = Render<Dashboard>();

        Assert.Equal("10:30:05", cut.Find("[data-testid=server-time]").TextContent);
        Assert.Equal("0", cut.Find("[data-testid=ack-count]").TextContent);
    }

    [Fact]
    public void ServicePublishes_ComponentRendersNewState()
    {
        var cut = Render<Dashboard>();

        Pulse.Tick(new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.Zero));
        Pulse.Acknowledge();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("11:00:00", cut.Find("[data-testid=server-time]").TextContent);
            Assert.Equal("1", cut.Find("[data-testid=ack-count]").TextContent);
        });
    }

    [Fact]
    public void AcknowledgeClick_ChangesSharedServerState()
    {
        var cut = Render<Dashboard>();

        cut.Find("button:contains('Acknowledge')").Click();

        Assert.Equal(1, Pulse.Current.Acknowledgements);
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=ack-count]").TextContent));
    }

    [Fact]
    public void StoreApplies_CallAppearsWithCounts()
    {
        var cut = Render<Dashboard>();

        Store.Apply(new CallConnected("e1", new CallId("c1"), DateTimeOffset.UtcNow, CallPlatform.Acs, "s", "c",
            CommunicationIdentifier.Phone("+14255550123"), null));

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("1", cut.Find("[data-testid=count-calls]").TextContent);
            Assert.Contains("+14255550123", cut.Find("tr[data-call-id=c1]").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Dispose_RemovesSubscriptions()
    {
        var cut = Render<Dashboard>();
        Assert.Equal(1, Pulse.SubscriberCount);
        Assert.Equal(1, Store.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Pulse.SubscriberCount);
        Assert.Equal(0, Store.SubscriberCount);
    }
}
