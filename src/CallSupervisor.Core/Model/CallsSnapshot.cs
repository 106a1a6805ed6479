using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

/// <summary>
/// Everything the dashboard shows, as one immutable value. Only the store builds snapshots, which keeps
/// <see cref="Counts"/> consistent with <see cref="Calls"/>: the counts are adjusted by the replaced call's
/// difference on every change, so reading them costs nothing however many calls there are.
/// </summary>
public sealed record CallsSnapshot
{
    private CallsSnapshot(ImmutableDictionary<CallId, Call> calls, ImmutableList<ActivityEntry> activity, CallCounts counts, ImmutableDictionary<string, Agent> agents)
    {
        Calls = calls;
        Activity = activity;
        Counts = counts;
        Agents = agents;
    }

    public static CallsSnapshot Empty { get; } =
        new(ImmutableDictionary<CallId, Call>.Empty, ImmutableList<ActivityEntry>.Empty, default, ImmutableDictionary<string, Agent>.Empty);

    public ImmutableDictionary<CallId, Call> Calls { get; }

    /// <summary>Recent activity, newest first, bounded by the store's <c>MaxActivity</c>.</summary>
    public ImmutableList<ActivityEntry> Activity { get; }

    public CallCounts Counts { get; }

    /// <summary>The agents the log has told of, by agent id (agents of the directory it has not are not here yet).</summary>
    public ImmutableDictionary<string, Agent> Agents { get; }

    /// <summary>The counts behind the day's figures (see <see cref="Figures.DayFigures"/>).</summary>
    public FigureLedger Figures { get; private init; } = FigureLedger.Empty;

    /// <summary>
    /// The queues' targets and thresholds an administrator set, or null until one does (the configured defaults apply
    /// then: read the ones in force with <c>FigureOptions.TargetsOf</c>).
    /// </summary>
    public Settings.Targets? Targets { get; private init; }

    public Call? Find(CallId callId) => Calls.GetValueOrDefault(callId);

    /// <summary>
    /// A snapshot as a checkpoint recorded it. The counts are summed here from the calls, as
    /// <see cref="WithCall"/> would have kept them, rather than trusted from outside.
    /// </summary>
    /// <exception cref="ArgumentException">Two calls have the same id.</exception>
    internal static CallsSnapshot Restore(IEnumerable<Call> calls, IEnumerable<ActivityEntry> activity, IEnumerable<Agent>? agents = null, FigureLedger? figures = null, Settings.Targets? targets = null)
    {
        var byId = ImmutableDictionary.CreateBuilder<CallId, Call>();
        var counts = default(CallCounts);
        foreach (var call in calls)
        {
            byId.Add(call.CallId, call);
            counts += call.Counts;
        }
        return new CallsSnapshot(byId.ToImmutable(), [.. activity], counts, (agents ?? []).ToImmutableDictionary(a => a.AgentId, StringComparer.Ordinal)) { Figures = figures ?? FigureLedger.Empty, Targets = targets };
    }

    internal CallsSnapshot WithCall(Call call)
    {
        var previous = Find(call.CallId);
        var counts = Counts + call.Counts - (previous?.Counts ?? default);
        return new CallsSnapshot(Calls.SetItem(call.CallId, call), Activity, counts, Agents) { Figures = Figures, Targets = Targets };
    }

    internal CallsSnapshot WithoutCall(CallId callId) =>
        Find(callId) is { } previous
            ? new CallsSnapshot(Calls.Remove(callId), Activity, Counts - previous.Counts, Agents) { Figures = Figures, Targets = Targets }
            : this;

    internal CallsSnapshot WithActivity(IEnumerable<ActivityEntry> entries, int max)
    {
        var activity = Activity;
        foreach (var entry in entries)
        {
            activity = activity.Insert(0, entry);
        }
        if (activity.Count > max)
        {
            activity = activity.RemoveRange(max, activity.Count - max);
        }
        return new CallsSnapshot(Calls, activity, Counts, Agents) { Figures = Figures, Targets = Targets };
    }

    internal CallsSnapshot WithAgent(Agent agent) => new(Calls, Activity, Counts, Agents.SetItem(agent.AgentId, agent)) { Figures = Figures, Targets = Targets };

    internal CallsSnapshot WithTargets(Settings.Targets targets) => new(Calls, Activity, Counts, Agents) { Figures = Figures, Targets = targets };

    internal CallsSnapshot WithFigures(FigureLedger figures) => ReferenceEquals(figures, Figures) ? this : new(Calls, Activity, Counts, Agents) { Figures = figures, Targets = Targets };
}
