using CallSupervisor.Core.Diagnostics;

namespace CallSupervisor.Core.Tests.Diagnostics;

public sealed class RollingWindowTests
{
    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void Sum_WithinTheMinute_AddsEverything()
    {
        var count = new RollingCount(_time);
        count.Add(3);
        _time.Advance(TimeSpan.FromSeconds(30));
        count.Add(4);

        Assert.Equal(7, count.Sum());
    }

    [Fact]
    public void Sum_AfterAMinute_DropsWhatIsOlder()
    {
        var count = new RollingCount(_time);
        count.Add(3);
        _time.Advance(TimeSpan.FromSeconds(30));
        count.Add(4);
        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(4, count.Sum());
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, count.Sum());
    }

    [Fact]
    public void Sum_SlotReusedAfterAMinute_StartsAfresh()
    {
        var count = new RollingCount(_time);
        count.Add(5);
        _time.Advance(TimeSpan.FromSeconds(60));
        count.Add(1);

        Assert.Equal(1, count.Sum());
    }

    [Fact]
    public void Read_NothingRecorded_IsNull()
    {
        Assert.Null(new RollingLatency(_time).Read());
    }

    [Fact]
    public void Read_HundredDurations_GivesCountMedianAndP99WithinABucket()
    {
        var latency = new RollingLatency(_time);
        for (var i = 1; i <= 100; i++)
        {
            latency.Record(i / 1000.0); // 1 ms … 100 ms
        }

        var summary = latency.Read();

        Assert.NotNull(summary);
        Assert.Equal(100, summary.Count);
        Assert.InRange(summary.P50, 0.050, 0.050 * 1.2);
        Assert.InRange(summary.P99, 0.099, 0.099 * 1.2);
    }

    [Fact]
    public void Read_AfterAMinute_ForgetsOlderDurations()
    {
        var latency = new RollingLatency(_time);
        latency.Record(2.0);
        _time.Advance(TimeSpan.FromSeconds(30));
        latency.Record(0.001);
        _time.Advance(TimeSpan.FromSeconds(35));

        var summary = latency.Read();

        Assert.NotNull(summary);
        Assert.Equal(1, summary.Count);
        Assert.InRange(summary.P99, 0.001, 0.0012);
    }

    [Fact]
    public void Read_ExtremeDurations_FallInTheEndBuckets()
    {
        var latency = new RollingLatency(_time);
        latency.Record(0);
        latency.Record(1000);

        var summary = latency.Read();

        Assert.NotNull(summary);
        Assert.Equal(0.00001, summary.P50, 9);
        Assert.True(summary.P99 >= 120);
    }
}
