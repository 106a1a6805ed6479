namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// How fresh what the board shows of a call is: the time since its newest event, and whether it has been silent for
/// longer than the re-read interval (<c>Calls:ReconcileInterval</c>) — then the board is reading it again from its
/// service, because a callback may have been lost.
/// </summary>
public static class Freshness
{
    /// <summary>"Last event 0:12 ago"; "No event yet" before the first.</summary>
    public static string Text(DateTimeOffset? lastEventAt, DateTimeOffset now) =>
        lastEventAt is { } at ? $"Last event {Durations.Format(now - at)} ago" : "No event yet";

    /// <summary>"0:12 ago", for a grid cell; "—" before the first event.</summary>
    public static string Compact(DateTimeOffset? lastEventAt, DateTimeOffset now) =>
        lastEventAt is { } at ? $"{Durations.Format(now - at)} ago" : "—";

    /// <summary>A live call with no event for longer than <paramref name="reconcileInterval"/>: it is being re-read.</summary>
    public static bool Rereading(bool isLive, DateTimeOffset? lastEventAt, DateTimeOffset now, TimeSpan reconcileInterval) =>
        isLive && lastEventAt is { } at && now - at > reconcileInterval;

    /// <summary>Why a call is marked as being re-read, in words (the mark's tooltip).</summary>
    public static string RereadingReason(DateTimeOffset lastEventAt, DateTimeOffset now, TimeSpan reconcileInterval, string service) =>
        $"No event for {Durations.Format(now - lastEventAt)}, longer than the re-read interval ({Figures.FigureText.Limit(reconcileInterval)}): a callback may have been lost, so the board is reading the call again from {service}.";
}
