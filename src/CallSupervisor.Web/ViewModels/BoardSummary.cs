namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// What a supervisor reads at a glance, over live calls (ended ones excluded), with the same definitions as the grid:
/// calls, calls waiting for an agent (an invitation ringing, nobody accepted), the longest wait, calls with someone on
/// hold, calls with media running, and calls needing attention.
/// </summary>
public sealed record BoardSummary(int Calls, int Waiting, TimeSpan? LongestWait, int OnHold, int MediaRunning, int NeedsAttention)
{
    public static BoardSummary From(IEnumerable<CallRow> rows, DateTimeOffset now, Attention attention)
    {
        int calls = 0, waiting = 0, onHold = 0, media = 0, attentionCount = 0;
        TimeSpan? longest = null;
        foreach (var row in rows)
        {
            if (!row.IsLive)
            {
                continue;
            }
            calls++;
            if (row.RingingSince is { } ringing && !row.AgentAnswered)
            {
                waiting++;
                var wait = now - ringing;
                longest = longest is { } l && l > wait ? l : wait;
            }
            onHold += row.OnHoldSince is null ? 0 : 1;
            media += row.RunningMedia > 0 ? 1 : 0;
            attentionCount += attention.Of(row, now) == AttentionReason.None ? 0 : 1;
        }
        return new BoardSummary(calls, waiting, longest, onHold, media, attentionCount);
    }
}
