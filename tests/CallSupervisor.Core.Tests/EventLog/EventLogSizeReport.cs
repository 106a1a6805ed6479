using System.Diagnostics;
using System.Globalization;
using CallSupervisor.Core.EventLog;
using Xunit.Abstractions;

namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>
/// Sizes and times of the event log's JSON for a busy board, printed for whoever sizes the event log (run with
/// <c>--logger "console;verbosity=detailed"</c>). Nothing about them is asserted: they depend on the machine.
/// </summary>
public sealed class EventLogSizeReport(ITestOutputHelper output)
{
    private const int Calls = 1_000;
    private const int Runs = 5;

    [Fact]
    public void Report_RosterEventAndThousandCallSnapshot()
    {
        var roster = EventJson.SerializeToUtf8Bytes(BusyBoard.TypicalRoster());
        var checkpoint = BusyBoard.Build(Calls).Export();

        var bytes = CheckpointJson.SerializeToUtf8Bytes(checkpoint);
        var read = CheckpointJson.Deserialize(bytes);
        var write = Median(() => CheckpointJson.SerializeToUtf8Bytes(checkpoint));
        var parse = Median(() => CheckpointJson.Deserialize(bytes));

        Structural.AssertEqual(checkpoint, read);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"roster event (caller + agent): {roster.Length} bytes"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"snapshot of {Calls} calls ({checkpoint.SeenEventIds.Length} seen ids, {checkpoint.Snapshot.Activity.Count} activity): {bytes.Length:N0} bytes"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"serialize {write.TotalMilliseconds:F1} ms, deserialize {parse.TotalMilliseconds:F1} ms (median of {Runs}, after one warm-up)"));
    }

    private static TimeSpan Median(Action run)
    {
        run();
        var times = new List<TimeSpan>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed);
        }
        return times.Order().ElementAt(Runs / 2);
    }
}
