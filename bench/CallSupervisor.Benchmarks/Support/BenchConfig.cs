using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CallSupervisor.Benchmarks.Support;

/// <summary>
/// One short job for every benchmark. In-process: BenchmarkDotNet does not generate and rebuild a project, so a run
/// never writes into the Core project's obj/bin (other builds share the checkout) and measures the dll that was built.
/// Few iterations: the figures are taken on a shared 2-core machine, so runs are kept short.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.ShortRun
            .WithWarmupCount(3)
            .WithIterationCount(7)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("Short-InProcess"));
        AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
    }
}
