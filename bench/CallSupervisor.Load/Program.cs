using System.Diagnostics;
using CallSupervisor.Load.Scenarios;
using CallSupervisor.Load.Support;

// The baseline server is this same program started again in its own mode (see BaselineServer).
if (args.Length > 0 && args[0] == BaselineServer.Mode)
{
    return await BaselineServer.RunAsync(args[1..]);
}

var telemetry = args.Contains("--telemetry");
args = [.. args.Where(a => a != "--telemetry")];
var options = LoadOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}
// Every listener, the OTLP receiver below included, takes its port from --ports when given.
PortRange.Range = options.Ports;
// --telemetry: every app exports its traces, metrics and logs over OTLP/HTTP to a receiver this process hosts.
await using var otlp = telemetry ? await OtlpSink.StartAsync() : null;
if (otlp is not null)
{
    options = LoadOptions.Parse([.. args, .. otlp.AppSettingArguments], Console.Error)!;
}
if (!File.Exists(Workspace.WebAppDll))
{
    Console.Error.WriteLine($"The app is not built: {Workspace.WebAppDll} is missing (dotnet run -c Release --project bench/CallSupervisor.Load builds it).");
    return 2;
}

IScenario[] all = [new IngestionScenario(), new HubScenario(), new SnapshotScenario(), new MuteScenario(), new MuteClickScenario(), new FirstRenderScenario(), new DomScenario(), new WallboardScenario(), new MemoryScenario(), new CircuitMemoryScenario()];
// "all" is the comparisons against a baseline; the wallboard is a long run of its own, and the memory scenarios
// (minutes of rest, 10,000 calls) are long runs too, kept working by "all --smoke".
IScenario[] selected = options.Scenario == "all"
    ? [.. all.Where(s => s is not WallboardScenario && (options.Smoke || s is not (MemoryScenario or CircuitMemoryScenario)))]
    : [.. all.Where(s => s.Name == options.Scenario)];
var report = new Report();
HarnessMode.Smoke = options.Smoke;
// With --ports, a listener of the harness or of anything it started that is seen outside the range fails the run.
await using var audit = options.Ports is null ? null : new ListenerAudit();
using var workspace = new Workspace();
var total = Stopwatch.StartNew();
if (options.AppSettings.Count > 0)
{
    report.Note("app", "settings given to the app: " + string.Join(", ", options.AppSettings.Select(s => $"{s.Key}={s.Value}")));
}
foreach (var scenario in selected)
{
    // Every scenario is bounded in time; a hung one fails the run instead of holding the machine.
    using var limit = new CancellationTokenSource(options.Smoke ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(options.DurationSeconds ?? 0));
    var clock = Stopwatch.StartNew();
    Console.WriteLine($"## {scenario.Name}{(options.Smoke ? " (smoke)" : "")}, {options.Runs} round(s) per side");
    try
    {
        await scenario.RunAsync(new ScenarioContext(options, workspace, report, limit.Token));
    }
    catch (Exception e) when (e is not OutOfMemoryException)
    {
        Console.Error.WriteLine($"{scenario.Name} failed after {clock.Elapsed.TotalSeconds:0.0} s: {e}");
        Console.WriteLine(report.Markdown());
        return 1;
    }
    Console.WriteLine($"  {scenario.Name} took {clock.Elapsed.TotalSeconds:0.0} s");
}
if (audit is not null)
{
    audit.Sample();
    if (audit.Outside.Count > 0)
    {
        Console.Error.WriteLine($"Listeners outside --ports {options.Ports!.Value.First}-{options.Ports.Value.Last}: {string.Join(", ", audit.Outside)}");
        Console.WriteLine(report.Markdown());
        return 1;
    }
    report.Note("ports", $"{audit.InRange} listening ports seen (sampled every second in this process and every process below it), all within {options.Ports!.Value.First}-{options.Ports.Value.Last}");
}
if (otlp is not null)
{
    report.Note("telemetry", "the apps exported to the harness's OTLP/HTTP receiver: " + otlp.Summary());
}
Console.WriteLine();
Console.WriteLine($"Figures ({(options.Smoke ? "smoke sizes, not figures to quote" : "full sizes")}; {Environment.ProcessorCount} cores; {total.Elapsed.TotalSeconds:0} s in all):");
Console.WriteLine();
Console.WriteLine(report.Markdown());
return 0;
