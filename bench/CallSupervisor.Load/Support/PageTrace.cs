using Microsoft.Playwright;

namespace CallSupervisor.Load.Support;

/// <summary>
/// A Chromium trace of one page, through the DevTools protocol (Playwright's own browser tracing is gone from its
/// .NET API): the main thread's tasks, V8's function calls and GC, layout and paint, and the observer script's
/// <c>performance.mark</c>s ("ws" at each WebSocket message, "changed" at each observed cell change). Written as the
/// JSON array chrome://tracing and ui.perfetto.dev open.
/// </summary>
public sealed class PageTrace
{
    private const string Categories = "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,toplevel,v8";

    private readonly ICDPSession _session;
    private readonly List<string> _chunks = [];
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PageTrace(ICDPSession session) => _session = session;

    public bool Written { get; private set; }

    public static async Task<PageTrace> StartAsync(Task<ICDPSession> session)
    {
        var trace = new PageTrace(await session);
        // Events come in chunks, each {"value": [ ...events ]}, until Tracing.end is answered by tracingComplete.
        trace._session.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            if (e?.TryGetProperty("value", out var value) == true)
            {
                lock (trace._chunks)
                {
                    trace._chunks.AddRange(value.EnumerateArray().Select(v => v.GetRawText()));
                }
            }
        };
        trace._session.Event("Tracing.tracingComplete").OnEvent += (_, _) => trace._complete.TrySetResult();
        await trace._session.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["transferMode"] = "ReportEvents",
            ["categories"] = Categories,
        });
        return trace;
    }

    public async Task WriteAsync(string path)
    {
        await _session.SendAsync("Tracing.end");
        await _complete.Task.WaitAsync(TimeSpan.FromMinutes(1));
        lock (_chunks)
        {
            File.WriteAllText(path, "[" + string.Join(",\n", _chunks) + "]");
        }
        Written = true;
        await _session.DetachAsync();
    }
}
