namespace CallSupervisor.Emulator.Tests.Infrastructure;

/// <summary>The system clock moved forward on demand; timers still run in real time (the simulation is off in these tests).</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
