namespace CallSupervisor.Core.Diagnostics;

/// <summary>
/// A sum over the last minute, kept in one-second slots so that reading it costs 60 additions whatever the rate
/// (the Operations page's "per minute" figures, fed by a <see cref="System.Diagnostics.Metrics.MeterListener"/>).
/// </summary>
public sealed class RollingCount(TimeProvider time)
{
    private const int Slots = 60;
    private readonly Lock _gate = new();
    private readonly long[] _sums = new long[Slots];
    private readonly long[] _seconds = new long[Slots];

    /// <summary>The window the sum covers.</summary>
    public static TimeSpan Window { get; } = TimeSpan.FromSeconds(Slots);

    public void Add(long value)
    {
        var second = time.GetUtcNow().ToUnixTimeSeconds();
        var slot = (int)(second % Slots);
        lock (_gate)
        {
            if (_seconds[slot] != second)
            {
                _seconds[slot] = second;
                _sums[slot] = 0;
            }
            _sums[slot] += value;
        }
    }

    /// <summary>The sum of what was added in the last minute.</summary>
    public long Sum()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        long sum = 0;
        lock (_gate)
        {
            for (var i = 0; i < Slots; i++)
            {
                if (now - _seconds[i] < Slots)
                {
                    sum += _sums[i];
                }
            }
        }
        return sum;
    }
}
