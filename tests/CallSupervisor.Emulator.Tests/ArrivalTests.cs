using CallSupervisor.Emulator.Engine;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallSupervisor.Emulator.Tests;

/// <summary>The call generator on a manual clock: Poisson arrivals, the concurrent-call cap, the steady mode.</summary>
public sealed class ArrivalTests
{
    [Fact]
    public void Start_PoissonArrivals_SeededCountAndExponentialGaps()
    {
        var first = Arrivals(seed: 42, TimeSpan.FromMinutes(100));
        var second = Arrivals(seed: 42, TimeSpan.FromMinutes(100));

        // The same seed gives the same arrivals, to the tick.
        Assert.Equal(first, second);
        // 6 a minute for 100 minutes (plus the 3 initial callers): 600 expected, the Poisson standard deviation is about 24.
        Assert.InRange(first.Count - 3, 520, 680);
        // Exponential gaps: the standard deviation equals the mean (a fixed interval would give 0).
        var gaps = first.Skip(3).Zip(first.Skip(4), (a, b) => (b - a).TotalSeconds).ToList();
        var mean = gaps.Average();
        var deviation = Math.Sqrt(gaps.Average(g => (g - mean) * (g - mean)));
        Assert.InRange(mean, 9, 11);
        Assert.InRange(deviation / mean, 0.85, 1.15);
        Assert.NotEqual(first, Arrivals(seed: 7, TimeSpan.FromMinutes(100)));
    }

    [Fact]
    public void Start_AtTheConcurrentCallCap_ArrivalsAreTurnedAway()
    {
        using var clock = new Generator(new SimulationOptions { ArrivalsPerMinute = 60, MaxConcurrentCalls = 5, InitialCalls = 0, GraphCallShare = 0 }, 1);
        clock.Live = 5;

        clock.Run(TimeSpan.FromMinutes(1));

        Assert.Empty(clock.Started);
        Assert.InRange(clock.TurnedAway, 40, 80);
    }

    [Fact]
    public void Start_TargetConcurrentCallsSet_KeepsASteadyLoad()
    {
        using var clock = new Generator(new SimulationOptions { TargetConcurrentCalls = 4, CallArrivalInterval = TimeSpan.FromSeconds(1), GraphCallShare = 0 }, 1);

        clock.Run(TimeSpan.FromMinutes(1));

        Assert.Equal(4, clock.Started.Count);
        Assert.Equal(0, clock.ContactCenterCallers); // plain calls, as the steady load always made
    }

    private static List<TimeSpan> Arrivals(int seed, TimeSpan duration)
    {
        using var generator = new Generator(new SimulationOptions { ArrivalsPerMinute = 6, GraphCallShare = 0.25, MaxConcurrentCalls = 5000 }, seed);
        generator.Run(duration);
        Assert.Equal(generator.Started.Count, generator.ContactCenterCallers);
        return generator.Started;
    }

    /// <summary>A generator on a manual clock whose calls never end: the live calls are <see cref="Live"/> plus every arrival.</summary>
    private sealed class Generator : IDisposable
    {
        private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        private readonly Scheduler _scheduler;
        private readonly CallGenerator _generator;
        private readonly DateTimeOffset _start;

        public Generator(SimulationOptions options, int seed)
        {
            _start = _clock.GetUtcNow();
            _scheduler = new Scheduler(_clock, NullLogger.Instance);
            _generator = new CallGenerator(options, new SeededRandom(seed), _scheduler, () => Live + Started.Count,
                (_, contactCenter) =>
                {
                    Started.Add(_clock.GetUtcNow() - _start);
                    ContactCenterCallers += contactCenter ? 1 : 0;
                }, () => TurnedAway++);
        }

        public int Live { get; set; }

        public List<TimeSpan> Started { get; } = [];

        public int TurnedAway { get; private set; }

        public int ContactCenterCallers { get; private set; }

        /// <summary>
        /// Advances in small steps: the manual clock fires a step's timers at the step's end, so a timer set from a
        /// callback counts from there; 20 ms steps keep that error far below the gaps measured.
        /// </summary>
        public void Run(TimeSpan duration)
        {
            var step = TimeSpan.FromMilliseconds(20);
            _generator.Start();
            for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += step)
            {
                _clock.Advance(step);
            }
        }

        public void Dispose() => _scheduler.Dispose();
    }
}
