using System.Diagnostics;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Execution;

/// <summary>
/// Runs every supervisor action the same way, for the dashboard and the hub alike: check the actor's role (the one
/// place it is checked), validate and mark the action pending in one atomic store update (refused without any HTTP
/// when not available), record it durably in the audit trail, send the request, and on an error remove exactly the
/// mark this request made. Every attempt — refused ones included — is audited. Success means the request was
/// accepted; the confirmed state arrives by callback and settles the action (see <see cref="SupervisorAction.Settled"/>).
/// With <see cref="ActionLimits"/>, a user past the limit is refused before anything else, and the refusals of one
/// window are audited as one row with their count. A refusal is returned even when its audit row cannot be written
/// (that is logged and counted); an action to be sent is not sent without its row.
/// </summary>
public sealed class ActionExecutor
{
    private readonly ICallsFeed _board;
    private readonly ActionPorts _ports;
    private readonly TimeProvider _time;
    private readonly IAuditTrail _audit;
    private readonly IReconcileRequests? _reconcile;
    private readonly IActionLog? _log;
    private readonly ActionRateLimiter? _limiter;
    // With an event log the marks go through it, so every instance shows them and they survive a restart.
    private readonly IEventApplier _applier;
    private readonly string _limiterLimits;
    private readonly IActionDirectory _directory;
    private long _unauditedRefusals;

    public ActionExecutor(
        ICallsFeed board,
        IEventApplier applier,
        ActionPorts ports,
        TimeProvider time,
        IAuditTrail audit,
        IReconcileRequests? reconcile = null,
        ActionLimits? limits = null,
        IActionLog? log = null,
        IActionDirectory? directory = null)
    {
        _directory = directory ?? NoActionDirectory.Instance;
        _board = board;
        _ports = ports;
        _time = time;
        _audit = audit;
        _reconcile = reconcile;
        _applier = applier;
        _log = log;
        _limiter = limits is null ? null : new ActionRateLimiter(limits, time, burst => _ = RecordBurstAsync(burst));
        _limiterLimits = limits is null ? "" : $"{limits.PerUser.ToString(System.Globalization.CultureInfo.InvariantCulture)} in {limits.Window.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s";
    }

    /// <summary>Refusals returned without their audit row, because the audit trail could not write it.</summary>
    public long UnauditedRefusals => Interlocked.Read(ref _unauditedRefusals);

    /// <summary>
    /// Runs the action in a span of its own (<c>action.execute</c>): the click's or the hub call's trace goes on through
    /// the mark's append, the audit row and the ACS request; the callback that settles it links back to it.
    /// </summary>
    public async Task<ActionReceipt> ExecuteAsync(ActionRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var activity = StartActionSpan();
        activity?.SetTag(TelemetryTags.Action, command.Kind.ToString()).SetTag(TelemetryTags.CallId, command.CallId.Value);
        ActionReceipt receipt;
        try
        {
            receipt = await ExecuteCoreAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        if (activity is not null)
        {
            activity.SetTag(TelemetryTags.Outcome, receipt.Status.ToString()).SetTag(TelemetryTags.OperationContext, receipt.OperationContext);
            if (receipt.Status == ReceiptStatus.Failed)
            {
                activity.SetStatus(ActivityStatusCode.Error, receipt.Error?.Code);
            }
        }
        return receipt;
    }

    /// <summary>
    /// The action's span starts a trace of its own, linked to whatever span was current. A click runs inside the
    /// circuit's WebSocket request and a hub call inside the hub connection's: spans that last as long as the page or
    /// the connection, so an action under them would sit in a trace that never ends (a viewer lists a trace by its
    /// root, and would not show the action until the page closed). Clearing <see cref="Activity.Current"/> here only
    /// affects this async call (it is an AsyncLocal).
    /// </summary>
    private static Activity? StartActionSpan()
    {
        if (!Telemetry.Source.HasListeners())
        {
            return null;
        }
        var ambient = Activity.Current;
        Activity.Current = null;
        return Telemetry.Source.StartActivity(
            "action.execute", ActivityKind.Internal, parentContext: default, links: ambient is null ? null : [new ActivityLink(ambient.Context)]);
    }

    private async Task<ActionReceipt> ExecuteCoreAsync(ActionRequest command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        var action = SupervisorActions.For(command.Kind);
        // A fresh id per request makes the operationContext unique, which is what lets a failure undo exactly the
        // mark this request made; it is also the action's audit id.
        var request = new SupervisorRequest(actor.Name, _time.GetUtcNow(), action.ContextPrefix + Guid.NewGuid().ToString("N"), actor.Id);
        if (string.IsNullOrWhiteSpace(actor.Id) || string.IsNullOrWhiteSpace(actor.Name))
        {
            return ActionReceipt.Forbidden("A signed-in user is required");
        }
        if (_limiter?.Refuse(command, request) is { } tooMany)
        {
            // Audited with the burst, once its window is over (one row however many there were).
            return ActionReceipt.Refused(tooMany);
        }
        if (actor.WhyNotAct is { } reason)
        {
            await RecordAsync(command, request, AuditStatus.Refused, reason, cancellationToken).ConfigureAwait(false);
            return ActionReceipt.Forbidden(reason);
        }

        // What the action runs with (the supervisor's own endpoint, the agent's identity, a number), resolved once and
        // kept on the pending action: the log replays exactly what was sent.
        var prepared = action.Prepare(new ActionAsk(
            _board.Current, _board.Current.Find(command.CallId), command.Target, command.Arguments, actor.Id, actor.Name, _directory));
        if (prepared.Refusal is { } refusal)
        {
            await RecordAsync(command, request, AuditStatus.Refused, refusal, cancellationToken).ConfigureAwait(false);
            return ActionReceipt.Refused(refusal);
        }
        var pending = new PendingAction(command.Kind, prepared.Target, request) { Arguments = prepared.Arguments.IsEmpty ? null : prepared.Arguments };
        command = command with { Target = prepared.Target };
        if (action.Scope == ActionScope.Agent)
        {
            return await ExecuteOnAgentAsync(action, pending, command, cancellationToken).ConfigureAwait(false);
        }
        ApplyOutcome marked;
        Call? call;
        try
        {
            (marked, call) = await _applier.ApplyAsync(new ActionRequested($"action:{request.OperationContext}", command.CallId, request.RequestedAt, pending), cancellationToken).ConfigureAwait(false);
        }
        catch (EventLogUnavailableException)
        {
            // Not marked anywhere, so not sent: other instances could not show it, nor a restart keep it.
            var why = "The event log is unavailable right now; nothing was sent — try again shortly";
            await RecordAsync(command, request, AuditStatus.Refused, why, cancellationToken).ConfigureAwait(false);
            return ActionReceipt.Refused(why);
        }
        if (!marked.IsApplied || call is null)
        {
            var why = marked.Reason ?? "The action is not available";
            await RecordAsync(command, request, AuditStatus.Refused, why, cancellationToken).ConfigureAwait(false);
            return ActionReceipt.Refused(why);
        }

        try
        {
            using var auditing = Telemetry.Source.StartActivity("audit.record");
            auditing?.SetTag(TelemetryTags.OperationContext, request.OperationContext);
            await _audit.RecordAsync(Record(command, request, action.Describe(call, pending), AuditStatus.Sending, null), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // No audit row, no request: undo the mark and say so.
            var error = new TelephonyError(null, "AuditUnavailable", "The audit trail could not record the action; nothing was sent");
            await FailAsync(pending, command, error).ConfigureAwait(false);
            if (ex is OperationCanceledException)
            {
                throw;
            }
            return ActionReceipt.Failed($"{action.Describe(call, command.Target)} was not sent: the audit trail is unavailable", error, request.OperationContext);
        }

        // What is sent (identifier, platform) comes from the call as marked, not from a later snapshot.
        TelephonyResult<Sent> result;
        try
        {
            result = await action.SendAsync(_ports, call, pending, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Ports return failures rather than throw: an exception (cancellation, a bug) is rethrown, but only
            // after the mark is removed, so no action stays pending forever.
            await FailAsync(pending, command, new TelephonyError(null, ex is OperationCanceledException ? "RequestCancelled" : "RequestException", ex.Message)).ConfigureAwait(false);
            throw;
        }
        if (result.Error is { } failure)
        {
            // Before the store settles it, so the audit row keeps the service's code (the settlement carries text).
            _audit.Update(new AuditUpdate(request.OperationContext, AuditStatus.Failed, _time.GetUtcNow(), failure.ToString(), failure.Code));
            await FailAsync(pending, command, failure).ConfigureAwait(false);
            if (CallNotFound.Is(failure))
            {
                // The board is behind ACS: re-read the call now.
                _reconcile?.RequestReconcile(command.CallId);
            }
            return ActionReceipt.Failed($"{action.Describe(call, command.Target)} failed: {failure}", failure, request.OperationContext);
        }
        _audit.Update(new AuditUpdate(request.OperationContext, AuditStatus.Accepted, _time.GetUtcNow()));
        foreach (var then in result.Value?.Then ?? [])
        {
            await ApplyQuietlyAsync(then).ConfigureAwait(false);
        }
        return ActionReceipt.Accepted(action.SentMessage(call, command.Target), request.OperationContext);
    }

    // An agent's state is not a request to ACS: audited, then set in the log at once (every instance shows it).
    private async Task<ActionReceipt> ExecuteOnAgentAsync(SupervisorAction action, PendingAction pending, ActionRequest command, CancellationToken cancellationToken)
    {
        var request = pending.Request;
        var description = $"{action.Describe(Call.Placeholder(command.CallId, request.RequestedAt), pending.Target)}: {pending.Argument(SetAgentStateAction.StateArgument)}"
            + (pending.Argument(SetAgentStateAction.ReasonArgument) is { } reason ? $" ({reason})" : "");
        try
        {
            await _audit.RecordAsync(Record(command, request, description, AuditStatus.Sending, null), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No audit row, no change: as for a call's action, said plainly rather than thrown.
            var error = new TelephonyError(null, "AuditUnavailable", "The audit trail could not record the action; nothing was changed");
            return ActionReceipt.Failed($"{description} was not done: the audit trail is unavailable", error, request.OperationContext);
        }
        ApplyOutcome outcome;
        try
        {
            (outcome, _) = await _applier.ApplyAsync(SetAgentStateAction.Change(pending, request.RequestedAt), cancellationToken).ConfigureAwait(false);
        }
        catch (EventLogUnavailableException)
        {
            outcome = ApplyOutcome.Ignored("The event log is unavailable right now; the state was not changed — try again shortly");
        }
        if (!outcome.IsApplied)
        {
            var why = outcome.Reason ?? "The state was not changed";
            _audit.Update(new AuditUpdate(request.OperationContext, AuditStatus.Refused, _time.GetUtcNow(), why));
            return ActionReceipt.Refused(why);
        }
        _audit.Update(new AuditUpdate(request.OperationContext, AuditStatus.Confirmed, _time.GetUtcNow()));
        return ActionReceipt.Accepted($"{description} done", request.OperationContext);
    }

    // What the answer told (the invitation ACS created): a log that is down now loses nothing ACS will not say again —
    // the invitation's own callbacks and the reconciler bring it back.
    private async Task ApplyQuietlyAsync(CallEvent then)
    {
        try
        {
            await _applier.ApplyAsync(then, CancellationToken.None).ConfigureAwait(false);
        }
        catch (EventLogUnavailableException)
        {
        }
    }

    // The store settles the failure (ActionFailed → outcome Failed), which also reaches the audit trail through the
    // store's outcome observer.
    // Not cancellable: the mark this request made must go whatever happened to the request. If the log is down
    // now, the confirmation timeout releases the mark later (ActionExpired).
    private async Task FailAsync(PendingAction pending, ActionRequest command, TelephonyError error)
    {
        try
        {
            await _applier.ApplyAsync(new ActionFailed($"action:{pending.OperationContext}:failed", command.CallId, _time.GetUtcNow(), pending, error), CancellationToken.None).ConfigureAwait(false);
        }
        catch (EventLogUnavailableException)
        {
        }
    }

    // The row of a refusal. Nothing was sent, so an audit trail that cannot write it must not turn the refusal into an
    // error: the refusal is returned, the failure logged and counted.
    private async Task RecordAsync(ActionRequest command, SupervisorRequest request, AuditStatus status, string reason, CancellationToken cancellationToken)
    {
        var call = _board.Current.Find(command.CallId);
        var action = SupervisorActions.For(command.Kind);
        var description = call is null ? $"{action.Label} on a call not on the board" : action.Describe(call, command.Target);
        await RecordRefusalAsync(command, Record(command, request, description, status, reason), cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordBurstAsync(RateLimitBurst burst)
    {
        var command = burst.First;
        var detail = burst.Refused == 1
            ? "Refused 1 action (rate limit)"
            : $"Refused {burst.Refused.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} actions (rate limit)";
        _log?.RateLimited(command.Actor, burst.Refused, burst.At, burst.Last);
        var description = $"Too many actions: more than {_limiterLimits} per user";
        await RecordRefusalAsync(command, Record(command, burst.Request, description, AuditStatus.Refused, detail), CancellationToken.None).ConfigureAwait(false);
    }

    private async Task RecordRefusalAsync(ActionRequest command, AuditRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await _audit.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            Interlocked.Increment(ref _unauditedRefusals);
            _log?.RefusalNotAudited(command, record.Detail ?? "", ex);
        }
    }

    private static AuditRecord Record(ActionRequest command, SupervisorRequest request, string description, AuditStatus status, string? detail) => new(
        request.OperationContext, request.RequestedAt, command.Actor.Id, command.Actor.Name, command.Actor.Role,
        command.Kind, command.CallId.Value, command.Target, description, status, detail);
}
