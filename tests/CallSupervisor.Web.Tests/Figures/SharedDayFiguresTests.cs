using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Figures;

namespace CallSupervisor.Web.Tests.Figures;

/// <summary>The day's figures are computed once for every page of the instance, and again only when the board or the clock moved on.</summary>
public sealed class SharedDayFiguresTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static (SharedDayFigures Shared, Core.Store.CallStore Store, TestEvents Events) Create()
    {
        var time = new Core.Tests.ManualTimeProvider(Start);
        var store = StoreTestKit.NewStore(time);
        var workflow = new Core.Workflow.WorkflowOptions(true, TestDirectory.Center,
            new Uri("https://media.example/hold.wav"), new Uri("https://media.example/menu.wav"), TimeSpan.FromSeconds(60));
        return (new SharedDayFigures(FigureOptions.Utc, workflow, TimeSpan.FromMilliseconds(500)), store, new TestEvents());
    }

    [Fact]
    public void For_ManyPagesOnTheSameBoardWithinASecond_ComputedOnce()
    {
        var (shared, store, _) = Create();

        var first = shared.For(store.Current, Start);
        var again = shared.For(store.Current, Start.AddMilliseconds(800));

        Assert.Same(first, again);
        Assert.Equal(1, shared.Computations);
    }

    [Fact]
    public void For_ANewerBoardSoonAfter_SharesThenComputesOnceFreshnessPassed()
    {
        var (shared, store, events) = Create();
        shared.For(store.Current, Start);
        store.Apply(events.Connected());

        shared.For(store.Current, Start.AddMilliseconds(300));
        Assert.Equal(1, shared.Computations);

        var fresh = shared.For(store.Current, Start + shared.Freshness);
        Assert.Equal(2, shared.Computations);
        Assert.Equal(Start + shared.Freshness, fresh.Now);
    }

    [Fact]
    public void For_TheSameBoardASecondLater_ComputedAgainSoWaitsTick()
    {
        var (shared, store, _) = Create();
        shared.For(store.Current, Start);

        var later = shared.For(store.Current, Start.AddSeconds(1));

        Assert.Equal(Start.AddSeconds(1), later.Now);
        Assert.Equal(2, shared.Computations);
    }

    [Fact]
    public void For_Exactly_ANewerBoardSoonAfter_ComputedForIt()
    {
        var (shared, store, events) = Create();
        shared.For(store.Current, Start);
        store.Apply(events.Connected());

        var exact = shared.For(store.Current, Start.AddMilliseconds(300), exact: true);

        Assert.Equal(2, shared.Computations);
        Assert.Same(exact, shared.For(store.Current, Start.AddMilliseconds(400)));
    }
}
