using System.Globalization;
using CallSupervisor.Load.Support;
using Microsoft.Playwright;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// Memory per idle circuit: the app with <c>--calls</c> (10,000) calls, one live calls page open in Chromium (it runs
/// the page's code paths for the first time: JIT, caches, shared rows), then <c>--clients</c> (20) more, each its own
/// signed-in circuit, all idle. Before and after the 20, a full GC is induced and what survives it is read
/// (<see cref="Heap"/>): (reachable with 21 − reachable with 1) ÷ 20 is what one more idle circuit holds. The growth of
/// the resident set ÷ 20 is printed beside it: an upper bound, as the collector keeps freed memory committed.
/// </summary>
public sealed class CircuitMemoryScenario : IScenario
{
    public const double GoalMb = 1.5;

    public string Name => "circuits";

    public async Task RunAsync(ScenarioContext context)
    {
        var (options, report, ct) = (context.Options, context.Report, context.Cancellation);
        var calls = options.Pick(options.Calls, 10_000, 200);
        var pages = options.Pick(options.Clients, 20, 2);

        await using var app = await AppUnderTest.StartAsync(context.Workspace, Name, settings: MemoryScenario.MemorySettings(options));
        await using (var seeding = await app.ConnectHubAsync())
        {
            await Seeder.SeedAsync(app, seeding, calls, users: 1, before: 0, ct);
        }
        var session = await app.SignInAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, context.Workspace.NewHome("chromium"));
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"{calls:#,0} calls; {pages} idle live calls pages (Chromium {browser.Version} headless, 1366×820) after a first one; per circuit = (reachable after an induced full GC with {pages + 1} pages − with 1) ÷ {pages}; goal ≤ {GoalMb} MB"));
        if (options.AppSettings.Count > 0)
        {
            report.Note(Name, "app settings: " + string.Join(", ", options.AppSettings.Select(s => $"{s.Key}={s.Value}")));
        }

        var open = new List<IBrowserContext>();
        try
        {
            open.Add(await MemoryScenario.OpenLivePageAsync(browser, app.BaseAddress, session));
            await Idle.WaitAsync(app.ProcessId, "the app", quiet: 4, TimeSpan.FromMinutes(2), ct);
            var one = await Heap.CollectAsync(app.ProcessId, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  1 page: reachable {one.ReachableMb:0.00} MB, heap {one.HeapMb:0.00} MB, RSS {one.ResidentMb:0.0} MB"));
            for (var i = 0; i < pages; i++)
            {
                open.Add(await MemoryScenario.OpenLivePageAsync(browser, app.BaseAddress, session));
            }
            await Idle.WaitAsync(app.ProcessId, "the app", quiet: 4, TimeSpan.FromMinutes(2), ct);
            var all = await Heap.CollectAsync(app.ProcessId, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {pages + 1} pages: reachable {all.ReachableMb:0.00} MB, heap {all.HeapMb:0.00} MB, RSS {all.ResidentMb:0.0} MB"));
            report.Add(Name, "reachable with 1 page", "MB", "–").AddApp(one.ReachableMb);
            report.Add(Name, $"reachable with {pages + 1} pages", "MB", "–").AddApp(all.ReachableMb);
            report.Add(Name, $"reachable per idle circuit (goal ≤ {GoalMb})", "MB", "–").AddApp((all.ReachableMb - one.ReachableMb) / pages);
            report.Add(Name, "RSS growth per idle circuit (upper bound)", "MB", "–").AddApp((all.ResidentMb - one.ResidentMb) / pages);
        }
        finally
        {
            foreach (var page in open)
            {
                await page.DisposeAsync();
            }
        }
    }
}
