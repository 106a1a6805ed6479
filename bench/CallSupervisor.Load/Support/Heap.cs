using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace CallSupervisor.Load.Support;

/// <summary>
/// A process's memory as the memory scenarios read it: its resident set from <c>/proc/&lt;pid&gt;/status</c>, and its
/// managed heap after a full blocking collection induced over EventPipe. The collection is the one dotnet-gcdump
/// induces (the runtime's <c>GCHeapCollect</c> keyword), without the heap walk; the figures are that collection's
/// <c>GCHeapStats</c> event: the bytes that survived it (what is reachable) and the heap's size after it (reachable
/// plus fragmentation). The app needs nothing for it but its diagnostics socket, which the runtime opens in the
/// process's TMPDIR — the memory scenarios start the app with the harness's own, where the client looks.
/// </summary>
public static class Heap
{
    private const long GcKeyword = (long)ClrTraceEventParser.Keywords.GC;
    private const long GcHeapCollectKeyword = (long)ClrTraceEventParser.Keywords.GCHeapCollect;

    public sealed record Figures(double ReachableMb, double HeapMb, double ResidentMb);

    /// <summary>Resident set in MB (VmRSS), as the kernel counts it: managed heap, native heaps, mapped code.</summary>
    public static double ResidentMb(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                // "VmRSS:    123456 kB"
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        throw new InvalidOperationException($"no VmRSS in /proc/{processId}/status");
    }

    /// <summary>Induces a full blocking GC in the process and returns its figures (then the resident set).</summary>
    public static async Task<Figures> CollectAsync(int processId, CancellationToken ct)
    {
        var client = new DiagnosticsClient(processId);
        EventPipeProvider[] providers = [new("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)];
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        var found = new TaskCompletionSource<Figures>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new EventPipeEventSource(session.EventStream);
        var fullGc = false;
        source.Clr.GCStart += e => fullGc |= e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (!fullGc)
            {
                return;
            }
            // The bytes each generation kept (gen 0–2, large and pinned objects): what the collection found reachable.
            double reachable = e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3 + e.TotalPromotedSize4;
            double heap = e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4;
            found.TrySetResult(new Figures(reachable / (1024 * 1024), heap / (1024 * 1024), 0));
        };
        var processing = Task.Run(source.Process, CancellationToken.None);
        Figures figures;
        try
        {
            figures = await found.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing;
        }
        return figures with { ResidentMb = ResidentMb(processId) };
    }
}
