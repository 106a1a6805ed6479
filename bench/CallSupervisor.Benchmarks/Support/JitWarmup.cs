using System.Diagnostics;

namespace CallSupervisor.Benchmarks.Support;

/// <summary>
/// Runs the store hot for a second, once per process. Benchmarks with <c>InvocationCount(1)</c> have iterations of
/// only tens of milliseconds, so their few warm-up iterations could end before tiered compilation has replaced the
/// hot methods with optimised code; this makes sure they measure tier-1 code.
/// </summary>
public static class JitWarmup
{
    private static bool s_done;

    public static void Ensure()
    {
        if (s_done)
        {
            return;
        }
        var events = new EventFactory(1_000);
        var store = StoreSeeder.Seed(events);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(1))
        {
            StoreSeeder.ApplyAll(store, events.Mix(1_000));
        }
        s_done = true;
    }
}
