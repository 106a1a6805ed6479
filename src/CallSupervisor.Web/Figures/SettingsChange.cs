using CallSupervisor.Core.Audit;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Execution;

namespace CallSupervisor.Web.Figures;

/// <summary>
/// A change a person makes outside the actions on calls (targets, an alert's acknowledgement): audited first, as every
/// action is, then applied through the event log so every instance has it at once, then the audit row confirmed. One
/// place for the order, so neither kind can skip the audit.
/// </summary>
public sealed class SettingsChange(IEventApplier applier, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Audits, applies <paramref name="change"/> and says how it went (null: done).</summary>
    /// <remarks>
    /// <paramref name="keep"/>, when given, stores the change durably before it is announced; <paramref name="undo"/>
    /// puts back what was stored before when the announcement fails (so a restart does not bring in a change refused).
    /// </remarks>
    public async Task<string?> RunAsync(
        Actor actor, ActionKind kind, string callId, string description, Func<string, DateTimeOffset, CallEvent> change,
        Func<DateTimeOffset, CancellationToken, Task>? keep, CancellationToken cancellationToken,
        Func<DateTimeOffset, CancellationToken, Task>? undo = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var at = time.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        try
        {
            await audit.RecordAsync(new AuditRecord(id, at, actor.Id, actor.Name, actor.Role, kind, callId, "", description, AuditStatus.Sending), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing changes that the audit trail cannot record.
            return "The audit trail cannot record the change now, so nothing was changed. Try again in a moment.";
        }
        if (keep is not null)
        {
            try
            {
                await keep(at, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                audit.Update(new AuditUpdate(id, AuditStatus.Failed, time.GetUtcNow(), ex.Message));
                return "The database cannot keep the change now, so nothing was changed. Try again in a moment.";
            }
        }
        try
        {
            var (outcome, _) = await applier.ApplyAsync(change($"settings:{id}", at), cancellationToken).ConfigureAwait(false);
            if (!outcome.IsApplied)
            {
                await UndoAsync(undo, at).ConfigureAwait(false);
                audit.Update(new AuditUpdate(id, AuditStatus.Failed, time.GetUtcNow(), outcome.ToString()));
                return "Not changed: " + outcome;
            }
        }
        catch (EventLogUnavailableException ex)
        {
            await UndoAsync(undo, at).ConfigureAwait(false);
            audit.Update(new AuditUpdate(id, AuditStatus.Failed, time.GetUtcNow(), ex.Message));
            return "The event log cannot be written now, so nothing was changed. Try again in a moment.";
        }
        audit.Update(new AuditUpdate(id, AuditStatus.Confirmed, time.GetUtcNow()));
        return null;
    }

    private static async Task UndoAsync(Func<DateTimeOffset, CancellationToken, Task>? undo, DateTimeOffset at)
    {
        if (undo is null)
        {
            return;
        }
        try
        {
            await undo(at, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Best effort: the start-up check would then announce the stored change; the audit row says it failed.
        }
    }
}
