namespace CallSupervisor.Core.Audit;

/// <summary>
/// The persisted record of every supervisor action. <see cref="RecordAsync"/> is durable when it returns: the
/// executor sends nothing to ACS before it has succeeded, so no action goes out unrecorded. <see cref="Update"/>
/// must not block (it is called from inside the store's update lock for settlements): implementations queue it and
/// write in the background.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Stores the first record of an action; throws when it cannot be stored.</summary>
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>Queues a later fact about a recorded action.</summary>
    void Update(AuditUpdate update);
}
