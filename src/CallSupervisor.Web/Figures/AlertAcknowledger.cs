using CallSupervisor.Core.Events;
using CallSupervisor.Core.Execution;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Web.Figures;

/// <summary>
/// A supervisor acknowledges a call's alert — "I am on it": every board shows who and when, and the alert stops
/// sounding for those reasons (a new reason sounds again). Supervisors only (acknowledging is taking it on), audited.
/// </summary>
public sealed class AlertAcknowledger(SettingsChange change, ICallsFeed board)
{
    /// <summary>Null when done, else why not in words.</summary>
    public Task<string?> AcknowledgeAsync(Actor actor, CallId callId, string reasons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.WhyNotAct is { } why)
        {
            return Task.FromResult<string?>(why);
        }
        if (board.Current.Find(callId) is not { IsLive: true })
        {
            return Task.FromResult<string?>("The call has ended.");
        }
        if (string.IsNullOrWhiteSpace(reasons))
        {
            return Task.FromResult<string?>("The call needs no attention now.");
        }
        return change.RunAsync(
            actor, ActionKind.AcknowledgeAlert, callId.Value, $"Acknowledged the alert ({reasons})",
            (id, at) => new AlertAcknowledged(id, callId, at, reasons, actor.Name) { ByUserId = actor.Id },
            null, cancellationToken);
    }
}
