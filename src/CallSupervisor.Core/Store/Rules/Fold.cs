using System.Collections.Immutable;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>What applying one event to one call produced: the new call (when applied) and its activity lines.</summary>
internal readonly record struct Fold(Call? Call, ApplyOutcome Outcome, ImmutableArray<ActivityEntry> Activity)
{
    public static Fold Applied(Call call, params ReadOnlySpan<ActivityEntry> activity) =>
        new(call, ApplyOutcome.Applied, [.. activity]);

    public static Fold Ignored(string reason) => new(null, ApplyOutcome.Ignored(reason), []);

    public static Fold Stale(string reason) => new(null, ApplyOutcome.Stale(reason), []);
}
