using System.Globalization;
using CallSupervisor.Emulator;
using CallSupervisor.Load.Support;
using Microsoft.Playwright;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// A supervisor's mute from the browser: a signed-in live calls page in Chromium shows one call's detail; the harness
/// clicks the ACS user's Mute button and the page notes when that participant's row shows the <em>Muted</em> chip
/// (the click → the circuit → the hub action: role check, audit row, pending mark through the event log, the ACS
/// request → the emulator's roster after its event delay → the log, the store, the page's render → the DOM). Both
/// moments are taken in the page (<c>performance.now()</c> at the click event and in a MutationObserver), so
/// Playwright's own round trips are not counted. Each repetition mutes a fresh call (ACS has no server-side unmute)
/// on a freshly loaded page. Baseline: the UI round trip of a plain page on the bare hub — a click that sends a hub
/// invocation (<c>Ping</c>) over SignalR's JSON protocol and writes <em>Muted</em> into the same markup on its completion.
/// </summary>
public sealed class MuteClickScenario : IScenario
{
    // Armed before each click: the click's moment (capture phase, before the page's own handlers) and the moment the
    // row first shows the Muted chip; window.__muteDone resolves to the difference in milliseconds.
    private const string ArmScript = """
        () => {
          const row = () => document.querySelector("[aria-label='Participants'] li[data-kind='CommunicationUser']");
          const shows = () => { const r = row(); return !!r && [...r.querySelectorAll(".mud-chip")].some(c => c.textContent.trim() === "Muted"); };
          let clickedAt;
          window.__muteDone = new Promise(resolve => {
            const observer = new MutationObserver(() => {
              if (clickedAt !== undefined && shows()) { observer.disconnect(); resolve(performance.now() - clickedAt); }
            });
            observer.observe(document, { subtree: true, childList: true, characterData: true });
          });
          document.addEventListener("click", () => { clickedAt = performance.now(); }, { capture: true, once: true });
          return shows();
        }
        """;

    public string Name => "muteclick";

    public async Task RunAsync(ScenarioContext context)
    {
        var (options, report, ct) = (context.Options, context.Report, context.Cancellation);
        var reps = options.Pick(options.Reps, 30, 3);
        TimeSpan? eventDelay = options.EventDelayMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

        await using var app = await AppUnderTest.StartAsync(context.Workspace, Name, eventDelay, options.AppSettings);
        await using var baseline = await BaselineProcess.StartAsync(context.Workspace, app.Emulator, broadcast: false);
        IReadOnlyList<SeededCall> calls;
        await using (var hub = await app.ConnectHubAsync())
        {
            calls = await Seeder.SeedAsync(app, hub, (options.Runs * reps) + 1, users: 1, before: 0, ct);
        }
        var session = await app.SignInAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, context.Workspace.NewHome("chromium"));
        var appContext = await Chromium.NewContextAsync(browser, app.BaseAddress, session);
        var appPage = await appContext.NewPageAsync();
        var bareContext = await Chromium.NewContextAsync(browser, baseline.BaseAddress, null);
        var barePage = await bareContext.NewPageAsync();
        var delay = eventDelay ?? new SimulationOptions().EventDelay;
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"{reps} clicks per round, each on a fresh call's detail (/?call=…) in a page loaded for it, Chromium {browser.Version} headless at 1366×820; the emulator posts the muted roster {delay.TotalMilliseconds:0} ms after the mute request (Emulator:Simulation:EventDelay; --event-delay-ms changes it), which the figure includes; baseline page: {BaselineServer.ClickPagePath} on the bare hub"));

        var shown = report.Add(Name, "click → Muted shown in the page, p50", "ms", "plain page: click → hub Ping → Muted");
        var tail = report.Add(Name, "click → Muted shown in the page, p99", "ms", "plain page: click → hub Ping → Muted");
        var next = 0;
        try
        {
            // Warm-up: one mute and a few plain round trips, unrecorded.
            await ClickAppAsync(appPage, calls[next++]);
            for (var i = 0; i < 5; i++)
            {
                await ClickBareAsync(barePage);
            }
            for (var run = 0; run < options.Runs; run++)
            {
                var appTimes = new List<double>();
                for (var i = 0; i < reps; i++)
                {
                    appTimes.Add(await ClickAppAsync(appPage, calls[next++], () => Idle.SettleAsync(ct, (app.ProcessId, "the app"), (baseline.ProcessId, "the baseline"))));
                }
                shown.AddApp(Stats.Median(appTimes));
                tail.AddApp(Stats.Percentile(appTimes, 99));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  app round {run + 1}: p50 {Stats.Median(appTimes):0.0} ms, p99 {Stats.Percentile(appTimes, 99):0.0} ms"));
                var bareTimes = new List<double>();
                for (var i = 0; i < reps; i++)
                {
                    bareTimes.Add(await ClickBareAsync(barePage, () => Idle.SettleAsync(ct, (app.ProcessId, "the app"), (baseline.ProcessId, "the baseline"))));
                }
                shown.AddBaseline(Stats.Median(bareTimes));
                tail.AddBaseline(Stats.Percentile(bareTimes, 99));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  baseline round {run + 1}: p50 {Stats.Median(bareTimes):0.0} ms, p99 {Stats.Percentile(bareTimes, 99):0.0} ms"));
            }
        }
        finally
        {
            await appContext.DisposeAsync();
            await bareContext.DisposeAsync();
        }
    }

    private static async Task<double> ClickAppAsync(IPage page, SeededCall call, Func<Task>? settle = null)
    {
        await page.GotoAsync("/?call=" + Uri.EscapeDataString(call.CallId), new PageGotoOptions { Timeout = 60_000 });
        // The prerendered page shows the button before the circuit can take a click.
        await page.WaitForFunctionAsync("() => document.querySelector(\"#app-shell[data-interactive='true']\")", null, new() { Timeout = 60_000, PollingInterval = 20 });
        var row = page.GetByRole(AriaRole.Region, new() { Name = "Call detail" })
            .GetByRole(AriaRole.List, new() { Name = "Participants" }).Locator("li[data-kind='CommunicationUser']").First;
        var mute = row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mute ") });
        await Assertions.Expect(mute).ToBeEnabledAsync(new() { Timeout = 60_000 });
        return await ClickAndTimeAsync(page, mute, settle);
    }

    private static async Task<double> ClickBareAsync(IPage page, Func<Task>? settle = null)
    {
        await page.GotoAsync(BaselineServer.ClickPagePath.TrimStart('/'), new PageGotoOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.__connected === true", null, new() { Timeout = 60_000, PollingInterval = 20 });
        return await ClickAndTimeAsync(page, page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Mute ") }), settle);
    }

    private static async Task<double> ClickAndTimeAsync(IPage page, ILocator button, Func<Task>? settle)
    {
        if (settle is not null)
        {
            // The page's load and its first renders are over before the click, on both sides.
            await settle();
        }
        if (await page.EvaluateAsync<bool>(ArmScript))
        {
            throw new InvalidOperationException("The participant shows Muted before the click.");
        }
        await button.ClickAsync(new() { Timeout = 30_000 });
        var shown = await page.EvaluateAsync<double?>("() => Promise.race([window.__muteDone, new Promise(r => setTimeout(() => r(null), 30000))])");
        return shown ?? throw new InvalidOperationException("The participant did not show Muted within 30 s of the click: "
            + await page.EvaluateAsync<string>("() => document.querySelector(\"[aria-label='Participants'] li[data-kind='CommunicationUser']\")?.outerHTML ?? 'no row'"));
    }
}
