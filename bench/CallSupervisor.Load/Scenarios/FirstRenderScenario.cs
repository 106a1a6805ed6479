using System.Globalization;
using System.Net;
using System.Text.Json;
using CallSupervisor.Load.Support;
using Microsoft.Playwright;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// Opening the live calls page signed in, with N calls on the board, in Chromium: from navigation start to the
/// interactive shell (<c>#app-shell[data-interactive='true']</c>, set once the circuit is up) and to the first grid
/// row. Baseline: the bare server's static page that already holds both elements — the browser's own floor for a
/// navigation on this machine. Each load is a fresh browser context (no cache); a round's figure is the median of its loads.
/// The app's load is also split where its circuit starts: the moment the Blazor WebSocket (<c>/_blazor</c>) is open,
/// after which the server starts the circuit, renders the page and sends it (the static page has no circuit).
/// </summary>
public sealed class FirstRenderScenario : IScenario
{
    // Times are taken in the page (performance.now(), whose origin is the navigation's start) by a MutationObserver,
    // so the figure does not include Playwright's own round trips to the browser.
    private const string MarkScript = """
        (() => {
          const marks = window.__loadMarks = {};
          const NativeWebSocket = window.WebSocket;
          window.WebSocket = function (...args) {
            const socket = new NativeWebSocket(...args);
            if (String(args[0]).includes("/_blazor")) socket.addEventListener("open", () => { if (marks.circuit === undefined) marks.circuit = performance.now(); });
            return socket;
          };
          window.WebSocket.prototype = NativeWebSocket.prototype;
          Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
          const check = () => {
            if (marks.interactive === undefined && document.querySelector("#app-shell[data-interactive='true']")) marks.interactive = performance.now();
            if (marks.row === undefined && document.querySelector(".cs-grid tbody tr.mud-table-row")) marks.row = performance.now();
          };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
          document.addEventListener("DOMContentLoaded", check);
        })();
        """;

    public string Name => "firstrender";

    public async Task RunAsync(ScenarioContext context)
    {
        var (options, report, ct) = (context.Options, context.Report, context.Cancellation);
        var calls = options.Pick(options.Calls, 1000, 20);
        var loads = options.Smoke ? 1 : 5;

        await using var app = await AppUnderTest.StartAsync(context.Workspace, Name, settings: options.AppSettings);
        await using var baseline = await BaselineProcess.StartAsync(context.Workspace, app.Emulator, broadcast: false);
        await using (var hub = await app.ConnectHubAsync())
        {
            await Seeder.SeedAsync(app, hub, calls, users: 1, before: 0, ct);
        }
        var session = await app.SignInAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, context.Workspace.NewHome("chromium"));
        report.Note(Name, string.Create(CultureInfo.InvariantCulture,
            $"{calls:#,0} calls, Chromium {browser.Version} headless at 1366×820, median of {loads} loads per round, each in a new context; baseline page: {BaselineServer.PagePath} on the bare server"));

        var interactive = report.Add(Name, "navigation to interactive shell", "ms", "bare static page (browser floor)");
        var row = report.Add(Name, "navigation to first grid row", "ms", "bare static page (browser floor)");
        var afterCircuit = report.Add(Name, "circuit socket open to first grid row", "ms", "– (the static page has no circuit)");
        var appPage = app.BaseAddress;
        var barePage = new Uri(baseline.BaseAddress, BaselineServer.PagePath.TrimStart('/'));
        // One unrecorded load of each first: the server's first render of the page and the browser's first start are one-offs.
        await LoadAsync(browser, appPage, session);
        await LoadAsync(browser, barePage, null);
        for (var run = 0; run < options.Runs; run++)
        {
            foreach (var (page, cookies, isApp) in new[] { (appPage, session, true), (barePage, (CookieContainer?)null, false) })
            {
                await Idle.SettleAsync(ct, (app.ProcessId, "the app"), (baseline.ProcessId, "the baseline"));
                var shell = new List<double>();
                var rows = new List<double>();
                var circuit = new List<double>();
                for (var i = 0; i < loads; i++)
                {
                    var (s, r, c) = await LoadAsync(browser, page, cookies);
                    shell.Add(s);
                    rows.Add(r);
                    if (c is { } opened)
                    {
                        circuit.Add(r - opened);
                    }
                }
                (isApp ? (Action<double>)interactive.AddApp : interactive.AddBaseline)(Stats.Median(shell));
                (isApp ? (Action<double>)row.AddApp : row.AddBaseline)(Stats.Median(rows));
                if (isApp)
                {
                    afterCircuit.AddApp(Stats.Median(circuit));
                }
            }
        }
    }

    private static async Task<(double Interactive, double Row, double? Circuit)> LoadAsync(IBrowser browser, Uri page, CookieContainer? session)
    {
        await using var context = await Chromium.NewContextAsync(browser, page, session);
        await context.AddInitScriptAsync(MarkScript);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(page.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = 30_000 });
        await tab.WaitForFunctionAsync("() => window.__loadMarks && window.__loadMarks.interactive !== undefined && window.__loadMarks.row !== undefined",
            null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 20 });
        var marks = await tab.EvaluateAsync<JsonElement>("() => window.__loadMarks");
        return (marks.GetProperty("interactive").GetDouble(), marks.GetProperty("row").GetDouble(),
            marks.TryGetProperty("circuit", out var circuit) ? circuit.GetDouble() : null);
    }
}
