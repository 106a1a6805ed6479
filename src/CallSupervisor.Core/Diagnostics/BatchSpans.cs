using System.Collections.Immutable;
using System.Diagnostics;

namespace CallSupervisor.Core.Diagnostics;

/// <summary>
/// Spans of work done for a batch of events at once — a hub push, a circuit's render — linked to the trace of each
/// event the batch carries (OpenTelemetry's way for batches: one span, many links). A batch of one event's changes is
/// also a child of that event's trace, so a lone callback's trace shows its pushes and renders in place.
/// </summary>
public static class BatchSpans
{
    /// <summary>
    /// The started span, or null when no event of the batch was traced or nothing listens (nothing allocated then).
    /// With several traces the span is a root: callers clear <see cref="Activity.Current"/> in their loop so it does not
    /// hang under whatever request started them.
    /// </summary>
    public static Activity? Start(string name, ImmutableArray<ActivityContext> traces, ActivityKind kind = ActivityKind.Internal)
    {
        if (traces.IsDefaultOrEmpty || !Telemetry.Source.HasListeners())
        {
            return null;
        }
        var links = new ActivityLink[traces.Length];
        for (var i = 0; i < links.Length; i++)
        {
            links[i] = new ActivityLink(traces[i]);
        }
        var activity = Telemetry.Source.StartActivity(name, kind, traces.Length == 1 ? traces[0] : default, links: links);
        activity?.SetTag(TelemetryTags.EventCount, traces.Length);
        return activity;
    }
}
