using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// Where each waiting caller stands in their queue (1 = the next to be offered), as the router takes them: by the time
/// they first queued. Callers whose call is being offered are past the line and have no place. Found once per refresh
/// of the board, read by the grid, the cards and the detail.
/// </summary>
public sealed class QueueLine
{
    private readonly Dictionary<CallId, int> _positions;

    private QueueLine(Dictionary<CallId, int> positions, ContactCenterDirectory directory)
    {
        _positions = positions;
        Directory = directory;
    }

    public static QueueLine Empty { get; } = new([], ContactCenterDirectory.Empty);

    public ContactCenterDirectory Directory { get; }

    public static QueueLine From(IEnumerable<CallRow> rows, ContactCenterDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var positions = new Dictionary<CallId, int>();
        foreach (var queue in rows.Where(r => r is { IsLive: true, WaitingSince: not null, QueueId: not null, OfferedTo: null }).GroupBy(r => r.QueueId!, StringComparer.Ordinal))
        {
            var place = 0;
            foreach (var row in queue.OrderBy(r => r.WaitingSince).ThenBy(r => r.Id, StringComparer.Ordinal))
            {
                positions[row.CallId] = ++place;
            }
        }
        return new QueueLine(positions, directory);
    }

    public int? PositionOf(CallId callId) => _positions.TryGetValue(callId, out var position) ? position : null;

    public string QueueName(string queueId) => Directory.Queue(queueId)?.Name ?? queueId;

    /// <summary>
    /// The Agent column in words: the agent on the call (and whether they left), "Offered to Ana Lima (ringing 0:12)",
    /// "Waiting in Sales 0:42 · #2", "In menu", or null for nobody.
    /// </summary>
    public string? AgentText(CallRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Agent is { } agent)
        {
            return row.AgentLeft ? agent + " (left)" : row.AgentAnswered ? agent : agent + " (ringing)";
        }
        if (row.OfferedTo is { } offered)
        {
            return $"Offered to {offered} (ringing {Durations.Format(now - (row.OfferedSince ?? now))})";
        }
        if (row is { QueueId: { } queue, WaitingSince: { } since })
        {
            var position = PositionOf(row.CallId) is { } p ? $" · #{p}" : "";
            return $"Waiting in {QueueName(queue)} {Durations.Format(now - since)}{position}";
        }
        return row.InMenu ? "In menu" : null;
    }
}
