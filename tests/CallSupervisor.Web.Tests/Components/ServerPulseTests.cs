using CallSupervisor.Web.Components.Pages;

namespace CallSupervisor.Web.Tests.Components;

public sealed class ServerPulseTests : DashboardTestContext
{
    [Fact]
    public void Render_ShowsCurrentPulse()
    {
        Pulse.Tick(new DateTimeOffset(2026, 11, 21, 10, 30, 5, TimeSpan.Zero));

        var cut = Render<Status>();

        Assert.Equal("10:30:05", cut.Find("[data-testid=server-time]").TextContent);
        Assert.Equal("0", cut.Find("[data-testid=ack-count]").TextContent);
    }

    [Fact]
    public void ServicePublishes_ComponentRendersNewState()
    {
        var cut = Render<Status>();

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
        var cut = Render<Status>();

        cut.Find("button:contains('Acknowledge')").Click();

        Assert.Equal(1, Pulse.Current.Acknowledgements);
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-testid=ack-count]").TextContent));
    }

    [Fact]
    public async Task Dispose_RemovesSubscription()
    {
        Render<Status>();
        Assert.Equal(1, Pulse.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(0, Pulse.SubscriberCount);
    }
}
