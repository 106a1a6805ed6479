using System.Diagnostics;
using System.Globalization;

namespace CallSupervisor.Load.Support;

/// <summary>
/// Waits until a child process is idle: less than 10 % of one core used in each of <c>quiet</c> half-second windows in
/// a row. After seeding the app still
/// works for a while (the first re-read of every new call from ACS, checkpoints, pruning), and an app round leaves an
/// apply backlog; either would run during the next round of the other side and take the machine's two cores from it.
/// </summary>
public static class Idle
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(500);


    public static async Task WaitAsync(int processId, string name, int quiet, TimeSpan limit, CancellationToken ct)
    {
        var calm = 0;
        using var process = Process.GetProcessById(processId);
        var clock = Stopwatch.StartNew();
        var last = process.TotalProcessorTime;
        while (clock.Elapsed < limit)
        {
            await Task.Delay(Window, ct);
            process.Refresh();
            var now = process.TotalProcessorTime;
            var used = (now - last) / Window;
            last = now;
            calm = used < 0.10 ? calm + 1 : 0;
            if (calm >= quiet)
            {
                if (clock.Elapsed > (quiet + 2) * Window)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} idle after {clock.Elapsed.TotalSeconds:0} s"));
                }
                return;
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name} still busy after {limit.TotalSeconds:0} s; going on"));
    }

    /// <summary>Before a measured round: every server of the scenario idle (one quiet second each, a minute at most).</summary>
    public static async Task SettleAsync(CancellationToken ct, params (int ProcessId, string Name)[] servers)
    {
        if (HarnessMode.Smoke)
        {
            // Tiny sizes leave no backlog worth waiting for, and a smoke run must stay quick.
            return;
        }
        foreach (var (id, name) in servers)
        {
            await WaitAsync(id, name, quiet: 2, TimeSpan.FromMinutes(1), ct);
        }
    }
}
