using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>
/// What every supervisor action shares, written once: mark pending (after the action's own availability check),
/// undo the mark of a failed request, release an unconfirmed one, settle pending actions after any change to the
/// call (each action's <see cref="SupervisorAction.Settled"/> says when), and end them with the call.
/// </summary>
internal static class ActionRules
{
    /// <summary>Outcomes kept per call, enough for the UI to resolve its notifications and for a late reader.</summary>
    public const int MaxOutcomes = 16;

    public static Fold Requested(Call call, ActionRequested e)
    {
        var action = SupervisorActions.For(e.Action.Kind);
        var availability = action.Check(call, e.Action.Target);
        if (!availability.Allowed)
        {
            return Fold.Ignored(availability.Reason ?? "not available");
        }
        var marked = action.Mark(call, e.Action, e.OccurredAt);
        marked = marked with { PendingActions = marked.PendingActions.SetItem(e.Action.OperationContext, e.Action) };
        return Fold.Applied(marked, NewEntry.Info(call.CallId, e.OccurredAt, $"{action.Describe(call, e.Action.Target)} requested", e.Action.Request.Supervisor));
    }

    /// <summary>Removes only the mark this request made; a state a callback settled meanwhile is kept.</summary>
    public static Fold Failed(Call call, ActionFailed e)
    {
        var action = SupervisorActions.For(e.Action.Kind);
        var text = $"{action.Describe(call, e.Action.Target)} failed: {Describe.Error(e.Error)}";
        var next = call.PendingActions.ContainsKey(e.Action.OperationContext)
            ? Resolve(action.Unmark(call, e.Action), e.Action.OperationContext, ActionResult.Failed, text, e.OccurredAt)
            : call;
        return Fold.Applied(next, NewEntry.Error(call.CallId, e.OccurredAt, text, NewEntry.By(e.Action.Request)));
    }

    public static Fold Expired(Call call, ActionExpired e)
    {
        if (!call.PendingActions.TryGetValue(e.OperationContext, out var pending))
        {
            return Fold.Ignored($"no pending action {e.OperationContext}");
        }
        var action = SupervisorActions.For(pending.Kind);
        if (!action.MayExpire(call, pending) && e.OccurredAt < pending.Request.RequestedAt + SupervisorAction.LongestRing)
        {
            return Fold.Ignored($"{action.Describe(call, pending.Target)} waits for its invitation, which still rings");
        }
        var text = $"{action.Describe(call, pending.Target)} was not confirmed by ACS; it can be tried again";
        return Fold.Applied(
            Resolve(action.Unmark(call, pending), e.OperationContext, ActionResult.NotConfirmed, text, e.OccurredAt),
            NewEntry.Warning(call.CallId, e.OccurredAt, text, NewEntry.By(pending.Request)));
    }

    /// <summary>ACS's callback about an action's operation: the action says what it means (see <see cref="SupervisorAction.Reported"/>).</summary>
    public static Fold Reported(Call call, OperationReported e)
    {
        if (e.OperationContext is not { } context || !call.PendingActions.TryGetValue(context, out var pending))
        {
            return Fold.Ignored($"{e.Name}: no pending action {e.OperationContext ?? "(no operationContext)"} on call {call.CallId}");
        }
        var (next, settlement) = SupervisorActions.For(pending.Kind).Reported(call, pending, e);
        if (settlement is null)
        {
            return ReferenceEquals(next, call) ? Fold.Ignored($"{e.Name}: nothing to change") : Fold.Applied(next, []);
        }
        var entry = settlement.Result == ActionResult.Failed
            ? NewEntry.Error(call.CallId, e.OccurredAt, settlement.Text, NewEntry.By(pending.Request))
            : NewEntry.Success(call.CallId, e.OccurredAt, settlement.Text, NewEntry.By(pending.Request));
        return Fold.Applied(Resolve(next, context, settlement.Result, settlement.Text, e.OccurredAt), entry);
    }

    /// <summary>
    /// Settles what the change made settled. The rule that applied the change usually tells it already ("Agent ana
    /// muted", "Invitation to … cancelled"); a settlement that asks to be announced gets an entry of its own,
    /// credited to its supervisor.
    /// </summary>
    public static (Call Call, IReadOnlyList<ActivityEntry> Activity) Settle(Call call, DateTimeOffset at)
    {
        if (call.PendingActions.IsEmpty)
        {
            return (call, []);
        }
        var next = call;
        var entries = new List<ActivityEntry>();
        foreach (var pending in call.PendingActions.Values)
        {
            if (SupervisorActions.For(pending.Kind).Settled(next, pending) is not { } settled)
            {
                continue;
            }
            next = Resolve(next, pending.OperationContext, settled.Result, settled.Text, at);
            if (settled.Announce)
            {
                entries.Add(NewEntry.Warning(call.CallId, at, settled.Text, NewEntry.By(pending.Request)));
            }
        }
        return (next, entries);
    }

    /// <summary>Ends every pending action because the call ended (nothing can confirm them any more).</summary>
    public static Call EndAll(Call call, DateTimeOffset at)
    {
        var next = call;
        foreach (var pending in call.PendingActions.Values)
        {
            var action = SupervisorActions.For(pending.Kind);
            var settled = action.SettledByEnd(next, pending)
                ?? new Settlement(ActionResult.CallEnded, $"The call ended before the {action.Describe(call, pending.Target).ToLowerInvariant()} took effect");
            next = Resolve(next, pending.OperationContext, settled.Result, settled.Text, at);
        }
        return next;
    }

    /// <summary>Removes the pending action and records how it ended.</summary>
    public static Call Resolve(Call call, string operationContext, ActionResult result, string text, DateTimeOffset at)
    {
        if (!call.PendingActions.TryGetValue(operationContext, out var pending))
        {
            return call;
        }
        var outcomes = call.ActionOutcomes.Add(new ActionOutcome(pending.Kind, pending.Target, pending.Request, result, text, at));
        if (outcomes.Count > MaxOutcomes)
        {
            outcomes = outcomes.RemoveRange(0, outcomes.Count - MaxOutcomes);
        }
        return call with { PendingActions = call.PendingActions.Remove(operationContext), ActionOutcomes = outcomes };
    }
}
