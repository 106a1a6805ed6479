using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Routing;

namespace CallSupervisor.Web.ViewModels;

/// <summary>The Agents page's filters: one queue (null: all) and one state (null: all).</summary>
public sealed record AgentFilter(string? QueueId = null, AgentState? State = null)
{
    public bool Matches(AgentRow row) =>
        (QueueId is null || row.Queues.Contains(QueueId)) && (State is null || row.State == State);
}

/// <summary>
/// What the Agents page shows, rebuilt once per feed batch (a few dozen agents): every agent, the filtered rows, the
/// counts by state (of all agents, whatever the filter), and the queues strip.
/// </summary>
public sealed class AgentsView(ContactCenterDirectory directory)
{
    public ContactCenterDirectory Directory { get; } = directory;

    public AgentFilter Filter { get; set; } = new();

    public IReadOnlyList<AgentRow> All { get; private set; } = [];

    public IReadOnlyList<AgentRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<AgentState, int> CountsByState { get; private set; } = new Dictionary<AgentState, int>();

    public IReadOnlyList<QueueFigures> Queues { get; private set; } = [];

    public void Load(CallsSnapshot snapshot, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        All = AgentRow.All(Directory, snapshot, now);
        CountsByState = Enum.GetValues<AgentState>().ToDictionary(s => s, s => All.Count(a => a.State == s));
        Queues = QueueFigures.All(Directory, snapshot.Calls.Values, All);
        Refresh();
    }

    /// <summary>Applies <see cref="Filter"/> again (the filter changed).</summary>
    public void Refresh() => Rows = [.. All.Where(Filter.Matches)];

    /// <summary>The queue's name from the directory (its id when unknown).</summary>
    public string QueueName(string id) => Directory.Queue(id)?.Name ?? id;
}
