namespace CallSupervisor.Web.ViewModels;

/// <summary>Which calls the live page shows.</summary>
public enum CallView
{
    /// <summary>Live calls, and calls that ended a moment ago (dimmed) so an ending is seen.</summary>
    Live,

    /// <summary>Only calls that need attention now.</summary>
    NeedsAttention,

    /// <summary>Only ended calls (kept for the retention).</summary>
    Ended,
}

/// <summary>How the live page orders calls.</summary>
public enum CallOrder
{
    NeedsAttentionFirst,
    OldestFirst,
    NewestFirst,
    Caller,
    Agent,
}

/// <summary>The live calls page's search and filters; applying it is a single pass over the rows.</summary>
public sealed record CallFilter(
    string? Search = null,
    bool PendingInvitesOnly = false,
    bool RunningMediaOnly = false,
    CallView View = CallView.Live,
    CallOrder Order = CallOrder.NeedsAttentionFirst,
    bool GroupByAgent = false)
{
    public bool Matches(CallRow row, DateTimeOffset now, TimeSpan showEndedFor, Attention attention) =>
        View switch
        {
            CallView.Ended => !row.IsLive,
            CallView.NeedsAttention => attention.Of(row, now) != AttentionReason.None,
            _ => row.IsLive || (row.EndedAt is { } ended && now - ended <= showEndedFor),
        }
        && (!PendingInvitesOnly || row.PendingInvitations > 0)
        && (!RunningMediaOnly || row.RunningMedia > 0)
        && (string.IsNullOrWhiteSpace(Search) || row.SearchText.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Filters and orders; grouping by agent orders by agent first (ungrouped calls last).</summary>
    public List<CallRow> Apply(IEnumerable<CallRow> rows, DateTimeOffset now, TimeSpan showEndedFor, Attention attention)
    {
        var shown = rows.Where(r => Matches(r, now, showEndedFor, attention));
        IOrderedEnumerable<CallRow> ordered = Order switch
        {
            CallOrder.OldestFirst => shown.OrderBy(r => r.StartedAt),
            CallOrder.NewestFirst => shown.OrderByDescending(r => r.StartedAt),
            CallOrder.Caller => shown.OrderBy(r => r.Caller, StringComparer.CurrentCultureIgnoreCase),
            CallOrder.Agent => shown.OrderBy(r => r.Agent ?? "\uffff", StringComparer.CurrentCultureIgnoreCase),
            _ => attention.NeedsAttentionFirst(shown, now),
        };
        if (GroupByAgent)
        {
            // Stable: within an agent the chosen order holds.
            return [.. ordered.Select((r, i) => (r, i)).OrderBy(x => x.r.Agent ?? "\uffff", StringComparer.CurrentCultureIgnoreCase).ThenBy(x => x.i).Select(x => x.r)];
        }
        return [.. ordered];
    }
}
