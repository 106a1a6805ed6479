using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// <c>DayFigures.Today</c>, what the Today page and the wallboard compute from the snapshot on every render, on a board
/// late in the day (<see cref="FigureDay"/>: 1,000 callers waiting and 160 agents on a call, 200 agents, 3 queues, a full
/// day's ledger). Next to it in the same run: copying the board's calls to an array (the floor of anything that reads
/// every call) and <c>Today</c> on the same board without the day's traffic (an empty ledger). Also the checkpoint's
/// serialization with and without the day's ledger (the sizes are printed by the setup).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class DayFiguresBenchmarks
{
    private CallsSnapshot _day = null!;
    private CallsSnapshot _board = null!;
    private StoreCheckpoint _dayCheckpoint = null!;
    private StoreCheckpoint _boardCheckpoint = null!;
    private ContactCenterDirectory _directory = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void SetUp()
    {
        var day = new FigureDay(day: true);
        var board = new FigureDay(day: false);
        _day = day.Store.Current;
        _board = board.Store.Current;
        _dayCheckpoint = day.Checkpoint();
        _boardCheckpoint = board.Checkpoint();
        _directory = day.Factory.Directory;
        _now = day.Factory.Now.AddSeconds(1);
        var figures = Today();
        var live = _day.Calls.Values.Count(c => c.IsLive);
        Console.WriteLine($"// day: {_day.Calls.Count:#,0} calls on the board ({live:#,0} live), {_day.Agents.Count} agents, ledger {_day.Figures.Intervals.Count} interval tallies, "
            + $"{_day.Figures.AgentStates.Count} agent-state tallies, {_day.Figures.RecentVisits.Count} recent visits; waiting now {figures.Total.WaitingNow}, answered {figures.Total.Answered}, abandoned {figures.Total.Abandoned}");
        Console.WriteLine($"// checkpoint with the day: {CheckpointJson.SerializeToUtf8Bytes(_dayCheckpoint).Length:#,0} B ({_day.Calls.Count:#,0} calls); "
            + $"without it: {CheckpointJson.SerializeToUtf8Bytes(_boardCheckpoint).Length:#,0} B ({_board.Calls.Count:#,0} calls); "
            + $"the ledger alone: {CheckpointJson.SerializeToUtf8Bytes(new StoreCheckpoint(_day, [], 0)).Length - CheckpointJson.SerializeToUtf8Bytes(new StoreCheckpoint(WithoutLedger(), [], 0)).Length:#,0} B");
        if (figures.Total.WaitingNow < FigureDay.Callers || figures.Total.Answered < 96 * FigureDay.AnsweredPerInterval)
        {
            throw new InvalidOperationException("the day is not the one described");
        }
    }

    /// <summary>The floor: every call of the board copied to an array.</summary>
    [Benchmark(Baseline = true)]
    public int EnumerateCalls() => _day.Calls.Values.ToArray().Length;

    /// <summary>The day's figures at 23:50 with the full day's ledger.</summary>
    [Benchmark]
    public TodayFigures Today() => DayFigures.Today(_day, _directory, Targets.Standard, TimeZoneInfo.Utc, _now);

    /// <summary>The same board with an empty ledger: what the live part (calls waiting, agents) costs.</summary>
    [Benchmark]
    public TodayFigures TodayEmptyLedger() => DayFigures.Today(_board, _directory, Targets.Standard, TimeZoneInfo.Utc, _now);

    [Benchmark]
    public byte[] CheckpointWithDay() => CheckpointJson.SerializeToUtf8Bytes(_dayCheckpoint);

    [Benchmark]
    public byte[] CheckpointWithoutDay() => CheckpointJson.SerializeToUtf8Bytes(_boardCheckpoint);

    // The day's snapshot without its ledger: the ended calls of the day stay, so the difference is the ledger's own size.
    private CallsSnapshot WithoutLedger() => _day.WithFigures(FigureLedger.Empty);
}
