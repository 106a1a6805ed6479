namespace CallSupervisor.Testing;

/// <summary>
/// The one wait for something another process or a background writer makes true: read, check, read again after a
/// short pause, until it holds or the time is up. Tests wait on conditions, never on the clock; the generous
/// default timeout is for a loaded two-core machine, and a timeout names what was awaited and what was seen last.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads until <paramref name="holds"/> is true for the value read, and returns that value. <paramref name="every"/>
    /// is the pause between reads (default 100 ms); <paramref name="describe"/> says what the last value was on a
    /// timeout (default: its ToString).
    /// </summary>
    public static async Task<T> UntilAsync<T>(
        Func<Task<T>> read,
        Func<T, bool> holds,
        string what,
        TimeSpan? timeout = null,
        TimeSpan? every = null,
        Func<T?, Task<string>>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(holds);
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        var pause = every ?? TimeSpan.FromMilliseconds(100);
        T? last = default;
        while (true)
        {
            last = await read();
            if (holds(last))
            {
                return last;
            }
            if (DateTime.UtcNow > deadline)
            {
                var seen = describe is null ? last?.ToString() ?? "nothing" : await describe(last);
                throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds:0} s; last seen: {seen}");
            }
            await Task.Delay(pause);
        }
    }
}
