using System.Globalization;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Execution;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Web.Figures;

/// <summary>
/// Changes the queues' targets and thresholds: Administrators only (those judged by a target do not move it), checked
/// here on the server; validated; audited; kept in the database (so they outlive the event log) and carried to every
/// instance by the event log (<see cref="TargetsChanged"/>), so the board, the figures and the alerts use them at once.
/// </summary>
public sealed class TargetsEditor(SettingsChange change, IServiceProvider services, CallSupervisor.Core.Store.ICallsFeed board, FigureOptions figures)
{
    // Optional: registered with the audit trail's database; without one the targets still apply (through the log).
    private ITargetsStore? Store => services.GetService<ITargetsStore>();

    /// <summary>Saves <paramref name="targets"/>; null when done, else why not in words.</summary>
    public async Task<string?> SaveAsync(Actor actor, Targets targets, Targets before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(before);
        if (!actor.CanAdminister)
        {
            return $"Your role ({actor.Role}) may read the targets but not change them: that takes the Administrator role.";
        }
        if (targets.Problem is { } problem)
        {
            return problem;
        }
        if (targets.SameAs(before))
        {
            return "Nothing to save: these are the targets in force.";
        }
        if (!figures.TargetsOf(board.Current).SameAs(before))
        {
            return "Someone changed the targets meanwhile: look at theirs first, then save again.";
        }
        // Kept before it is announced: an instance starting meanwhile reads the new ones from the database.
        var store = Store;
        return await change.RunAsync(
            actor, ActionKind.ChangeTargets, TargetsChanged.SettingsCallId.Value, Describe(targets, before),
            (id, at) => new TargetsChanged(id, at, targets, actor.Name),
            store is null ? null : (at, ct) => store.SaveAsync(targets, actor.Name, at, ct),
            cancellationToken,
            // Not announced after all (the event log refused it): the database keeps what is in force.
            store is null ? null : (at, ct) => store.SaveAsync(before, actor.Name, at, ct)).ConfigureAwait(false);
    }

    /// <summary>What changed, for the audit row: "Sales: answer within 20 s → 30 s; Default: ringing 30 s → 45 s".</summary>
    public static string Describe(Targets targets, Targets before)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(before);
        var parts = new List<string>();
        Compare("Default", before.Default, targets.Default, parts);
        foreach (var queue in targets.Queues.Keys.Union(before.Queues.Keys).Order(StringComparer.Ordinal))
        {
            Compare(queue, before.For(queue), targets.For(queue), parts);
        }
        return parts.Count == 0 ? "Targets saved unchanged" : "Targets: " + string.Join("; ", parts);
    }

    private static void Compare(string name, QueueTargets was, QueueTargets now, List<string> parts)
    {
        var changes = new List<string>();
        void Add(string what, string a, string b)
        {
            if (a != b)
            {
                changes.Add($"{what} {a} → {b}");
            }
        }
        Add("answer within", Seconds(was.AnswerWithin), Seconds(now.AnswerWithin));
        Add("service level goal", Percent(was.ServiceLevelGoal), Percent(now.ServiceLevelGoal));
        Add("abandonment limit", Percent(was.AbandonmentLimit), Percent(now.AbandonmentLimit));
        Add("short abandon", Seconds(was.ShortAbandon), Seconds(now.ShortAbandon));
        Add("queue wait", Seconds(was.QueueWait), Seconds(now.QueueWait));
        Add("ringing", Seconds(was.Ringing), Seconds(now.Ringing));
        Add("on hold", Seconds(was.OnHold), Seconds(now.OnHold));
        Add("call length", Seconds(was.CallLength), Seconds(now.CallLength));
        if (changes.Count > 0)
        {
            parts.Add($"{name}: {string.Join(", ", changes)}");
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
