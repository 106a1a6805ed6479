using BenchmarkDotNet.Running;
using CallSupervisor.Benchmarks;

// --reports: the day's report queries on SQLite (and PostgreSQL with --pg). --quick: Stopwatch sanity run. Anything else goes to BenchmarkDotNet (e.g. --filter '*', --list flat).
if (args.Contains("--reports"))
{
    return await ReportsRun.RunAsync(args);
}
if (args.Contains("--quick"))
{
    return QuickRun.Run();
}
var summaries = BenchmarkSwitcher.FromAssembly(typeof(QuickRun).Assembly).Run(args);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
