using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CallSupervisor.Load.Support;
using Microsoft.Playwright;

namespace CallSupervisor.Load.Scenarios;

/// <summary>
/// Callback-to-DOM latency under the hub scenario's steady load: N live calls pages (N supervisors, each a signed-in
/// Blazor circuit) open in Chromium; the driver flips one participant's mute per POST, round robin over every call;
/// each page notes when a row's <em>Muted</em> cell shows the new count. Only the rows in the viewport are in the DOM
/// (the grid is virtualised), so those calls are the ones measured, while every call carries the load. Baseline: the
/// same number of plain pages on the bare hub (<see cref="BaselineServer.LivePagePath"/>), each writing every
/// broadcast roster's count into the same rows.
/// </summary>
public sealed class DomScenario : IScenario
{
    // In every page before its own scripts: after each DOM mutation batch (a microtask after Blazor, or the plain
    // page, changed the DOM — before paint) read each row's call id and Muted cell; report the cells that changed,
    // stamped with the page's clock in epoch milliseconds, to the harness in one call.
    private const string ObserverScript = """
        (() => {
          // Every WebSocket of the page notes when its last message arrived (before the page's own handler runs),
          // so a change can be split into the wire (POST → message) and the page (message → DOM).
          const NativeWebSocket = window.WebSocket;
          window.__messageAt = 0;
          window.WebSocket = function (...args) {
            const socket = new NativeWebSocket(...args);
            socket.addEventListener("message", () => { window.__messageAt = performance.timeOrigin + performance.now(); performance.mark("ws"); });
            // What the server agreed to (permessage-deflate or nothing), for the report.
            socket.addEventListener("open", () => { window.__socketExtensions = socket.extensions || "none"; });
            return socket;
          };
          window.WebSocket.prototype = NativeWebSocket.prototype;
          Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
          const last = new Map();
          let column = -1;
          const scan = () => {
            const table = document.querySelector(".cs-grid table");
            if (!table) return;
            if (column < 0) {
              column = [...table.querySelectorAll("thead th")].findIndex(th => th.textContent.trim().startsWith("Muted"));
              if (column < 0) return;
            }
            const at = performance.timeOrigin + performance.now();
            const changes = [];
            for (const row of table.querySelectorAll("tbody tr")) {
              const link = row.querySelector("a[data-call-id]");
              const cell = row.children[column];
              if (!link || !cell) continue;
              const text = cell.textContent.trim();
              if (last.get(link.dataset.callId) !== text) {
                last.set(link.dataset.callId, text);
                changes.push([link.dataset.callId, text, at, window.__messageAt]);
              }
            }
            if (changes.length > 0) {
              performance.mark("changed");
              window.__domChanges(JSON.stringify(changes));
            }
          };
          new MutationObserver(scan).observe(document, { subtree: true, childList: true, characterData: true });
        })();
        """;

    public string Name => "dom";

    public async Task RunAsync(ScenarioContext context)
    {
        var (report, ct) = (context.Report, context.Cancellation);
        await using var load = await SteadyLoad.StartAsync(context, Name, smokeClients: 2);
        var (pages, app, baseline) = (load.Clients, load.App, load.Baseline);
        var session = await app.SignInAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, context.Workspace.NewHome("chromium"));

        LatencyTracker tracker = new(pages);
        var appPages = new List<LivePage>();
        var barePages = new List<LivePage>();
        try
        {
            long residentBefore = 0;
            for (var i = 0; i < pages; i++)
            {
                appPages.Add(await LivePage.OpenAsync(browser, app.BaseAddress, "", session, i, () => Volatile.Read(ref tracker)));
                if (i == 0)
                {
                    // The first page ran the page's code paths for the first time (JIT, caches): the growth after it is the circuits'.
                    await Idle.SettleAsync(ct, (app.ProcessId, "the app"));
                    residentBefore = Resident(app.ProcessId);
                }
            }
            if (pages > 1)
            {
                await Idle.SettleAsync(ct, (app.ProcessId, "the app"));
                report.Add(Name, "app resident memory per idle circuit", "MB", "– (no circuit on the bare hub)")
                    .AddApp((Resident(app.ProcessId) - residentBefore) / (double)(pages - 1) / (1024 * 1024));
            }
            report.Note(Name, "the app page's WebSocket extensions: " + await appPages[0].SocketExtensionsAsync());
            var watched = await appPages[0].RowCallIdsAsync();
            if (watched.Count == 0)
            {
                throw new InvalidOperationException("The live calls page shows no rows.");
            }
            var query = BaselineServer.LivePagePath.TrimStart('/') + "?calls=" + Uri.EscapeDataString(string.Join(',', watched));
            for (var i = 0; i < pages; i++)
            {
                barePages.Add(await LivePage.OpenAsync(browser, baseline.BaseAddress, query, null, i, () => Volatile.Read(ref tracker)));
            }
            Console.WriteLine($"  {pages} live calls pages on the app, {pages} plain pages on the bare hub, {watched.Count} rows in view");
            report.Note(Name, string.Create(CultureInfo.InvariantCulture,
                $"{pages} pages per side (Chromium {browser.Version} headless, 1366×820), {load.Rate:#,0} events/s (1 per POST) for {load.Duration.TotalSeconds:0.#} s over {load.Calls:#,0} calls, {watched.Count} of them in view and measured, after a 1 s unrecorded warm-up per side; latency = the row's Muted cell changed in the page (MutationObserver, page clock) − POST start"));

            // Made at the first round's end, so it follows the latencies in the table.
            Report.Figure? inPage = null;
            PageTrace? trace = null;
            await load.RunRoundsAsync(context, Name, "plain page on the bare hub", "changes in a page",
                () =>
                {
                    Volatile.Write(ref tracker, new LatencyTracker(pages, watched));
                    return tracker;
                },
                beforeRound: async isApp =>
                {
                    foreach (var page in appPages.Concat(barePages))
                    {
                        page.TakeInPage();
                    }
                    if (isApp && context.Options.TracePage is not null && trace is null)
                    {
                        trace = await PageTrace.StartAsync(appPages[0].Cdp());
                    }
                },
                afterRound: async isApp =>
                {
                    if (isApp && trace is { Written: false })
                    {
                        await trace.WriteAsync(context.Options.TracePage!);
                        Console.WriteLine($"  wrote a Chromium trace of the first app page to {context.Options.TracePage} (open it in chrome://tracing or ui.perfetto.dev)");
                    }
                    inPage ??= report.Add(Name, "in the page: last WebSocket message → cell changed, p50", "ms", "plain page on the bare hub");
                    (isApp ? (Action<double>)inPage.AddApp : inPage.AddBaseline)(
                        Stats.Percentile([.. (isApp ? appPages : barePages).SelectMany(p => p.TakeInPage())], 50));
                });
        }
        finally
        {
            foreach (var page in appPages.Concat(barePages))
            {
                await page.DisposeAsync();
            }
        }
    }

    /// <summary>Resident set (RSS) of a process: an upper bound of what its circuits hold, as garbage not yet collected counts too.</summary>
    private static long Resident(int processId)
    {
        using var process = System.Diagnostics.Process.GetProcessById(processId);
        return process.WorkingSet64;
    }

    /// <summary>One page in its own browser context, its observer wired to the tracker of the moment.</summary>
    private sealed class LivePage : IAsyncDisposable
    {
        private readonly IBrowserContext _context;
        private readonly List<double> _inPage = [];
        private readonly IPage _page;
        // One moment on both clocks: the page's epoch milliseconds and the harness's stopwatch timestamp.
        private double _pageReference;
        private long _stopwatchReference;

        private LivePage(IBrowserContext context, IPage page) => (_context, _page) = (context, page);

        public static async Task<LivePage> OpenAsync(IBrowser browser, Uri site, string path, System.Net.CookieContainer? session, int index, Func<LatencyTracker> tracker)
        {
            var context = await Chromium.NewContextAsync(browser, site, session);
            var live = new LivePage(context, await context.NewPageAsync());
            await context.ExposeFunctionAsync("__domChanges", (string json) =>
            {
                var current = tracker();
                foreach (var change in JsonSerializer.Deserialize<JsonElement[][]>(json)!)
                {
                    var muted = int.Parse(change[1].GetString()!, CultureInfo.InvariantCulture) > 0;
                    if (current.OnEvent(index, change[0].GetString()!, muted, live.ToStopwatch(change[2].GetDouble())))
                    {
                        lock (live._inPage)
                        {
                            live._inPage.Add(change[2].GetDouble() - change[3].GetDouble());
                        }
                    }
                }
            });
            await context.AddInitScriptAsync(ObserverScript);
            await live._page.GotoAsync(new Uri(site, path).ToString(), new PageGotoOptions { Timeout = 60_000 });
            // The app's page is live once its circuit is up and a row is drawn; the plain page once its hub handshake is done.
            await live._page.WaitForFunctionAsync(session is null
                    ? "() => window.__connected === true"
                    : "() => document.querySelector(\"#app-shell[data-interactive='true']\") && document.querySelector('.cs-grid tbody tr a[data-call-id]')",
                null, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 20 });
            await live.CalibrateAsync();
            return live;
        }

        /// <summary>For each change recorded since the last call: the page's last WebSocket message → the cell changed (ms).</summary>
        public List<double> TakeInPage()
        {
            lock (_inPage)
            {
                var taken = _inPage.ToList();
                _inPage.Clear();
                return taken;
            }
        }

        public async Task<IReadOnlySet<string>> RowCallIdsAsync() =>
            (await _page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.cs-grid tbody tr a[data-call-id]')].map(a => a.dataset.callId)"))
            .ToHashSet(StringComparer.Ordinal);

        /// <summary>The extensions the page's last opened WebSocket negotiated (<c>permessage-deflate; …</c>, or <c>none</c>).</summary>
        public Task<string> SocketExtensionsAsync() => _page.EvaluateAsync<string>("() => window.__socketExtensions ?? 'no socket'");

        /// <summary>A DevTools protocol session on this page (for <see cref="PageTrace"/>).</summary>
        public Task<ICDPSession> Cdp() => _context.NewCDPSessionAsync(_page);

        public async ValueTask DisposeAsync() => await _context.DisposeAsync();

        /// <summary>
        /// Relates the page's clock (epoch ms) to the harness's <see cref="Stopwatch"/>: the page is read between two
        /// stopwatch readings, and of 20 readings the one with the shortest round trip is kept (its midpoint is
        /// then within half that round trip, well under a millisecond here, of the page's moment).
        /// </summary>
        private async Task CalibrateAsync()
        {
            var best = long.MaxValue;
            for (var i = 0; i < 20; i++)
            {
                var before = Stopwatch.GetTimestamp();
                var pageNow = await _page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
                var after = Stopwatch.GetTimestamp();
                if (after - before < best)
                {
                    best = after - before;
                    _pageReference = pageNow;
                    _stopwatchReference = before + ((after - before) / 2);
                }
            }
        }

        private long ToStopwatch(double pageMilliseconds) => _stopwatchReference + (long)((pageMilliseconds - _pageReference) * Stopwatch.Frequency / 1000);
    }
}
