using CallSupervisor.Core.Audit;

namespace CallSupervisor.Audit.Data;

/// <summary>Between Core's <see cref="AuditRecord"/> and a row.</summary>
internal static class AuditEntryMapping
{
    public static AuditEntry ToEntry(AuditRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrEmpty(record.AuditId) || record.AuditId.Length > AuditDbContext.IdLength)
        {
            // Never shortened: a cut id could collide with another and would no longer match ACS's callbacks.
            throw new ArgumentException($"An audit id must have 1 to {AuditDbContext.IdLength} characters.", nameof(record));
        }
        var requested = AuditTime.Utc(record.RequestedAt);
        return new AuditEntry
        {
            Id = record.AuditId,
            RequestedAt = requested,
            ActorId = Fit(record.ActorId, AuditDbContext.NameLength),
            ActorName = Fit(record.ActorName, AuditDbContext.NameLength),
            ActorRole = Fit(record.ActorRole, AuditDbContext.ShortLength),
            Action = record.Action.ToString(),
            CallId = Fit(record.CallId, AuditDbContext.NameLength),
            Target = Fit(record.Target, AuditDbContext.TargetLength),
            Description = record.Description,
            Status = record.Status.ToString(),
            Detail = record.Detail,
            // A record that is final at once (refused) was settled when it was requested.
            SettledAt = record.Status.IsFinal() ? requested : null,
            UpdatedAt = AuditTime.Utc(now),
        };
    }

    /// <summary>
    /// Cuts text longer than its column (PostgreSQL would refuse the whole row, and an unrecorded action is not
    /// sent); ids from ACS and Entra are far shorter, so this only guards against the unexpected.
    /// </summary>
    internal static string Fit(string? value, int length) => value is null ? "" : value.Length <= length ? value : value[..(length - 1)] + "…";
}
