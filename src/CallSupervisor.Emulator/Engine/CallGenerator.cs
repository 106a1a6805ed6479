using CallSupervisor.Emulator.State;

namespace CallSupervisor.Emulator.Engine;

/// <summary>
/// Makes calls arrive once the app is attached: a Poisson process (exponential gaps at
/// <see cref="SimulationOptions.ArrivalsPerMinute"/>, capped at <see cref="SimulationOptions.MaxConcurrentCalls"/>),
/// or a steady load when <see cref="SimulationOptions.TargetConcurrentCalls"/> is set. The gaps and the platform of
/// each call come from a random stream of their own, so the arrival times are a function of the seed alone.
/// <paramref name="start"/> gets the platform and whether the caller is a contact-center caller (Poisson arrivals) or
/// a plain call of the steady load.
/// </summary>
internal sealed class CallGenerator(
    SimulationOptions sim, SeededRandom random, Scheduler scheduler, Func<int> liveCalls, Action<CallPlatform, bool> start, Action turnedAway)
{
    public void Start()
    {
        if (sim.TargetConcurrentCalls is { } target)
        {
            if (target > 0)
            {
                scheduler.Schedule(TimeSpan.Zero, KeepSteady);
            }
            return;
        }
        for (var i = 0; i < sim.InitialCalls; i++)
        {
            Arrive();
        }
        ScheduleNextArrival();
    }

    private void ScheduleNextArrival()
    {
        if (sim.ArrivalsPerMinute > 0)
        {
            scheduler.Schedule(random.Exponential(TimeSpan.FromMinutes(1 / sim.ArrivalsPerMinute)), () =>
            {
                Arrive();
                ScheduleNextArrival();
            });
        }
    }

    private void Arrive()
    {
        var platform = random.Chance(sim.GraphCallShare) ? CallPlatform.Graph : CallPlatform.Acs;
        if (liveCalls() >= sim.MaxConcurrentCalls)
        {
            turnedAway();
            return;
        }
        start(platform, true);
    }

    /// <summary>One arrival per interval while below the target, so load ramps up instead of arriving all at once.</summary>
    private void KeepSteady()
    {
        if (liveCalls() < sim.TargetConcurrentCalls)
        {
            start(random.Chance(sim.GraphCallShare) ? CallPlatform.Graph : CallPlatform.Acs, false);
        }
        scheduler.Schedule(sim.CallArrivalInterval, KeepSteady);
    }
}
