namespace CallSupervisor.Audit.Data;

/// <summary>
/// One row of <c>audit_entries</c>: a supervisor action as recorded before it was sent, and what became of it.
/// Enums are stored by name (readable in SQL, stable if members are reordered); timestamps are UTC.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The audit id: the <c>operationContext</c> sent to ACS.</summary>
    public required string Id { get; set; }

    /// <summary>Insertion order, assigned by the database; never reused. The cursor of keyset paging.</summary>
    public long Sequence { get; set; }

    public DateTime RequestedAt { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string ActorRole { get; set; }

    /// <summary>The <see cref="CallSupervisor.Core.Events.ActionKind"/> by name.</summary>
    public required string Action { get; set; }

    public required string CallId { get; set; }

    public required string Target { get; set; }

    public required string Description { get; set; }

    /// <summary>The <see cref="Core.Audit.AuditStatus"/> by name.</summary>
    public required string Status { get; set; }

    public string? Detail { get; set; }

    public string? ErrorCode { get; set; }

    /// <summary>When ACS/Graph accepted the request.</summary>
    public DateTime? AcceptedAt { get; set; }

    /// <summary>When the action reached a final status.</summary>
    public DateTime? SettledAt { get; set; }

    /// <summary>When the row last changed.</summary>
    public DateTime UpdatedAt { get; set; }
}
