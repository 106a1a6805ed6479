using System.Diagnostics;
using System.Globalization;
using CallSupervisor.Benchmarks.Support;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// <c>--quick</c>: a bounded Stopwatch sanity run without BenchmarkDotNet (a few seconds): events per second for
/// a 10,000-call store. Not a substitute for the benchmarks: one process, no statistics.
/// </summary>
internal static class QuickRun
{
    private const int Calls = 10_000;
    private const int Rounds = 3;

    public static int Run()
    {
        Console.WriteLine($"Quick run: .NET {Environment.Version}, {Environment.ProcessorCount} logical CPUs");
        var events = new EventFactory(Calls);
        var watch = Stopwatch.StartNew();
        var store = StoreSeeder.Seed(events);
        Print($"seeded {Calls:N0} calls ({2 * Calls:N0} events)", watch.Elapsed, 2 * Calls, 0);

        // Warm-up on a separate store, so that the measured rounds run tier-1 code on an unchanged population.
        JitWarmup.Ensure();

        var failures = 0;
        CallEvent[] last = [];
        for (var round = 1; round <= Rounds; round++)
        {
            // One cycle (5 events) for every call.
            last = events.Mix(Calls);
            failures += Report($"apply mix, round {round}", store, last, ApplyStatus.Applied);
        }
        // Only the newest ids are remembered (CallStoreOptions.MaxRememberedEventIds, 10,000 by default).
        failures += Report("re-apply (duplicates)", store, last[^10_000..], ApplyStatus.Duplicate);
        return failures == 0 ? 0 : 1;
    }

    private static int Report(string label, CallStore store, CallEvent[] batch, ApplyStatus expected)
    {
        var sample = Measure(store, batch, expected);
        Print($"{label}: {batch.Length:N0} events", sample.Elapsed, batch.Length, sample.Allocated);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    GC during the round: {sample.Collections}, paused {sample.GcPause.TotalMilliseconds:N1} ms"));
        if (sample.Unexpected > 0)
        {
            Console.WriteLine($"    ERROR: {sample.Unexpected:N0} events were not {expected}");
        }
        return sample.Unexpected;
    }

    private static Sample Measure(CallStore store, CallEvent[] batch, ApplyStatus expected)
    {
        var unexpected = 0;
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        foreach (var callEvent in batch)
        {
            if (store.Apply(callEvent).Status != expected)
            {
                unexpected++;
            }
        }
        watch.Stop();
        return new Sample(
            watch.Elapsed,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
            unexpected,
            GC.GetTotalPauseDuration() - pause,
            $"gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}");
    }

    private static void Print(string label, TimeSpan elapsed, int count, long allocated)
    {
        var perSecond = count / elapsed.TotalSeconds;
        var microseconds = elapsed.TotalMicroseconds / count;
        var bytes = allocated > 0 ? string.Create(CultureInfo.InvariantCulture, $", {allocated / count:N0} B/event") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label} in {elapsed.TotalMilliseconds:N1} ms: {perSecond:N0} events/s ({microseconds:N2} µs/event{bytes})"));
    }

    private sealed record Sample(TimeSpan Elapsed, long Allocated, int Unexpected, TimeSpan GcPause, string Collections);
}
