using System.Diagnostics;
using System.Globalization;
using CallSupervisor.Load.Support;
using Microsoft.Playwright;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// A wallboard left running: the app with its emulator generating contact-center calls continuously, one signed-in
/// page (<c>--page</c>, default <c>/wallboard</c>) in Chromium at 1920×1080, left alone for <c>--duration</c> seconds
/// (default 600; 30 under <c>--smoke</c>). The app runs as <c>dotnet run</c> runs it, with its embedded emulator simulating
/// the demo contact center (<c>--rate</c> callers a minute, default 30). Every <c>--sample</c> seconds (default 15; 3 under <c>--smoke</c>): the app's
/// resident set (RSS), the page's JS heap after a forced collection (CDP <c>HeapProfiler.collectGarbage</c>, then
/// <c>Performance.getMetrics</c>' <c>JSHeapUsedSize</c>) and its DOM node count (<c>Nodes</c>). The scenario fails when
/// a least-squares line through the last third of the samples rises, over that third, by more than the bounds below:
/// memory that keeps growing after the first two thirds (warm-up, the day's first calls) is a leak, not a working set.
/// No baseline process: the figure is a trend of the app against itself.
/// </summary>
public sealed class WallboardScenario : IScenario
{
    /// <summary>Growth over the last third that fails the run.</summary>
    public const double RssBoundMb = 32, JsHeapBoundMb = 2, DomNodesBound = 200;

    public string Name => "wallboard";

    public async Task RunAsync(ScenarioContext context)
    {
        var (options, report, ct) = (context.Options, context.Report, context.Cancellation);
        var duration = TimeSpan.FromSeconds(options.DurationSeconds ?? (options.Smoke ? 30 : 600));
        var every = TimeSpan.FromSeconds(options.SampleSeconds ?? (options.Smoke ? 3 : 15));
        var path = options.Page ?? "/wallboard";
        var arrivals = options.Rate ?? 30;

        // The app as `dotnet run` starts it: its embedded emulator and demo contact center (queues, agents, simulated
        // callers and agent breaks), callers arriving faster than the demo's default.
        var home = context.Workspace.NewHome(Name);
        var address = new Uri($"http://127.0.0.1:{PortRange.FreePort().ToString(CultureInfo.InvariantCulture)}/");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging:Console:FormatterName"] = "simple",
            ["Security:KeyPath"] = Path.Combine(home, "keys"),
            ["Audit:SqlitePath"] = Path.Combine(home, "audit.db"),
            ["EventLog:SqlitePath"] = Path.Combine(home, "journal.db"),
            ["Emulator:Simulation:ArrivalsPerMinute"] = arrivals.ToString(CultureInfo.InvariantCulture),
        };
        if (PortRange.Range is not null)
        {
            // The embedded emulator listens too.
            environment["Emulator:Urls"] = $"http://127.0.0.1:{PortRange.FreePort().ToString(CultureInfo.InvariantCulture)}";
        }
        foreach (var (setting, value) in options.AppSettings)
        {
            environment[setting] = value;
        }
        await using var app = await ChildProcess.StartAsync(Workspace.WebAppDll, ["--urls", address.ToString().TrimEnd('/')], home, environment);
        Console.WriteLine($"  started the app at {app.BaseAddress} (pid {app.ProcessId}) with its embedded emulator");
        var session = await OidcSignIn.SignInAsync(app.BaseAddress, OidcSignIn.Manager);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, context.Workspace.NewHome("chromium"));
        await using var browserContext = await Chromium.NewContextAsync(browser, app.BaseAddress, session, 1920, 1080);
        var page = await browserContext.NewPageAsync();
        var cdp = await browserContext.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        var url = new Uri(app.BaseAddress, path.TrimStart('/'));
        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        await page.WaitForSelectorAsync("#app-shell[data-interactive='true'], [data-unattended='true']", new PageWaitForSelectorOptions { Timeout = 60_000 });
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"{path} in Chromium {browser.Version} headless at 1920×1080, {duration.TotalMinutes:0.#} min, a sample every {every.TotalSeconds:0} s; the embedded emulator's demo contact center, {arrivals} callers a minute (Poisson); "
            + $"fails if the last third's least-squares line rises by more than {RssBoundMb} MB RSS, {JsHeapBoundMb} MB JS heap or {DomNodesBound} DOM nodes"));

        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        Console.WriteLine("  | min | app RSS (MB) | JS heap (MB) | DOM nodes | the wallboard's totals |");
        Console.WriteLine("  | ---: | ---: | ---: | ---: | ---: |");
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var sample = await SampleAsync(app.ProcessId, page, cdp, clock.Elapsed);
            samples.Add(sample);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  | {sample.At.TotalMinutes:0.00} | {sample.RssMb:0.0} | {sample.JsHeapMb:0.00} | {sample.DomNodes:0} | {sample.Text} |"));
            if (clock.Elapsed >= duration)
            {
                break;
            }
            // Pacing the samples, not waiting for a condition: the page is left alone in between.
            await Task.Delay(every, ct);
        }
        if (page.Url.Contains("/signin", StringComparison.OrdinalIgnoreCase) || page.Url.Contains("/account", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"the page left for {page.Url}");
        }

        var third = samples.Skip(samples.Count * 2 / 3).ToList();
        var failures = new List<string>();
        foreach (var (name, unit, pick, bound) in new (string, string, Func<Sample, double>, double)[]
        {
            ("app RSS", "MB", s => s.RssMb, RssBoundMb),
            ("page JS heap (after GC)", "MB", s => s.JsHeapMb, JsHeapBoundMb),
            ("page DOM nodes", "nodes", s => s.DomNodes, DomNodesBound),
        })
        {
            var growth = Growth(third, pick);
            report.Add(Name, $"{name}, first sample", unit, "–").AddApp(pick(samples[0]));
            report.Add(Name, $"{name}, last sample", unit, "–").AddApp(pick(samples[^1]));
            report.Add(Name, $"{name}, growth over the last third (fit)", unit, "–").AddApp(growth);
            if (growth > bound)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name} grew {growth:0.##} {unit} over the last third (bound {bound})"));
            }
        }
        if (failures.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", failures));
        }
    }

    private static async Task<Sample> SampleAsync(int processId, IPage page, ICDPSession cdp, TimeSpan at)
    {
        using var process = Process.GetProcessById(processId);
        process.Refresh();
        var rss = process.WorkingSet64 / 1024.0 / 1024.0;
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        var metrics = await cdp.SendAsync("Performance.getMetrics");
        double Metric(string name) => metrics!.Value.GetProperty("metrics").EnumerateArray()
            .First(m => m.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();
        var text = await page.EvaluateAsync<string>("() => (document.querySelector(\"[data-testid='wb-total-waiting']\")?.textContent ?? '') + ' waiting, ' + (document.querySelector(\"[data-testid='wb-total-answered']\")?.textContent ?? '') + ' answered'");
        return new Sample(at, rss, Metric("JSHeapUsedSize") / 1024 / 1024, Metric("Nodes"), text);
    }

    /// <summary>The rise of the least-squares line through <paramref name="samples"/> from the first to the last one.</summary>
    private static double Growth(List<Sample> samples, Func<Sample, double> value)
    {
        if (samples.Count < 2)
        {
            return 0;
        }
        var xs = samples.Select(s => s.At.TotalSeconds).ToArray();
        var ys = samples.Select(value).ToArray();
        var (mx, my) = (xs.Average(), ys.Average());
        var sxx = xs.Sum(x => (x - mx) * (x - mx));
        var slope = sxx == 0 ? 0 : xs.Zip(ys).Sum(p => (p.First - mx) * (p.Second - my)) / sxx;
        return slope * (xs[^1] - xs[0]);
    }

    private sealed record Sample(TimeSpan At, double RssMb, double JsHeapMb, double DomNodes, string Text);
}
