namespace CallSupervisor.Core.Tests.Store;

/// <summary>Rule 8: media operations start once, end once, and an unknown end is recorded.</summary>
public sealed class MediaTests
{
    private readonly TestEvents _events = new();
    private readonly CallStore _store;

    public MediaTests() => _store = StoreTestKit.NewStore().WithConnectedCall(_events);

    [Fact]
    public void Apply_MediaOperationStarted_AddsRunningOperation()
    {
        var started = _events.MediaStarted("play-1", "welcome prompt");

        _store.Apply(started);

        var operation = _store.Media();
        Assert.Equal(MediaStatus.Running, operation.Status);
        Assert.Equal("welcome prompt", operation.Description);
        Assert.Equal(started.OccurredAt, operation.StartedAt);
        Assert.Equal(1, _store.Current.Counts.RunningMedia);
        Assert.Equal("Play \"welcome prompt\" started", _store.Current.Activity[0].Text);
    }

    [Fact]
    public void Apply_SecondStartForSameOperation_IsIgnored()
    {
        var first = _events.MediaStarted("play-1", "first");
        _store.Apply(first);

        var outcome = _store.Apply(_events.MediaStarted("play-1", "second"));

        Assert.Equal(ApplyStatus.Ignored, outcome.Status);
        Assert.Equal("first", _store.Media().Description);
        Assert.Equal(first.OccurredAt, _store.Media().StartedAt);
    }

    [Theory]
    [InlineData(MediaStatus.Completed)]
    [InlineData(MediaStatus.Failed)]
    [InlineData(MediaStatus.Cancelled)]
    public void Apply_MediaOperationEnded_SetsOutcome(MediaStatus outcome)
    {
        _store.Apply(_events.MediaStarted());
        var ended = _events.MediaEnded(outcome: outcome, result: new ResultInfo(200, 0, "done"));

        _store.Apply(ended);

        var operation = _store.Media();
        Assert.Equal(outcome, operation.Status);
        Assert.Equal(ended.OccurredAt, operation.EndedAt);
        Assert.Equal(200, operation.LastResult?.Code);
        Assert.Equal(0, _store.Current.Counts.RunningMedia);
    }

    [Fact]
    public void Apply_EndOfUnknownOperation_RecordsItAsEnded()
    {
        var outcome = _store.Apply(_events.MediaEnded("never-started", MediaStatus.Failed));

        Assert.Equal(ApplyStatus.Applied, outcome.Status);
        var operation = _store.Media("never-started");
        Assert.Equal(MediaStatus.Failed, operation.Status);
        Assert.Null(operation.StartedAt);
    }

    [Fact]
    public void Apply_StartAfterEnd_DoesNotResurrectTheOperation()
    {
        _store.Apply(_events.MediaEnded("play-1", MediaStatus.Completed));

        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.MediaStarted("play-1")).Status);
        Assert.Equal(MediaStatus.Completed, _store.Media().Status);
    }

    [Fact]
    public void Apply_SecondEnd_IsIgnored()
    {
        _store.Apply(_events.MediaStarted());
        _store.Apply(_events.MediaEnded(outcome: MediaStatus.Cancelled));

        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.MediaEnded(outcome: MediaStatus.Completed)).Status);
        Assert.Equal(MediaStatus.Cancelled, _store.Media().Status);
    }

    [Fact]
    public void Apply_EndWithNonFinalOutcome_IsIgnored()
    {
        _store.Apply(_events.MediaStarted());

        Assert.Equal(ApplyStatus.Ignored, _store.Apply(_events.MediaEnded(outcome: MediaStatus.Running)).Status);
    }

    [Fact]
    public void Apply_EndWhileCancelling_SetsOutcomeAndCreditsTheSupervisor()
    {
        _store.Apply(_events.MediaStarted());
        _store.MarkCancelMedia(StoreTestKit.Request("bob"));

        _store.Apply(_events.MediaEnded(outcome: MediaStatus.Cancelled));

        Assert.Equal(MediaStatus.Cancelled, _store.Media().Status);
        Assert.Equal("bob", _store.Current.Activity[0].Supervisor);
    }
}
