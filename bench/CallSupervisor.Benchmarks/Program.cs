using BenchmarkDotNet.Running;
using CallSupervisor.Benchmarks;

// --quick: Stopwatch sanity run. Anything else goes to BenchmarkDotNet (e.g. --filter '*', --list flat).
if (args.Contains("--quick"))
{
    return QuickRun.Run();
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(QuickRun).Assembly).Run(args);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
