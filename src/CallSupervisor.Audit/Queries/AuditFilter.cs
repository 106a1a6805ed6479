using CallSupervisor.Core.Audit;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Audit.Queries;

/// <summary>Which audit rows to read; every criterion left null matches all rows.</summary>
public sealed record AuditFilter
{
    /// <summary>A supervisor: their exact actor id, or part of their name (any case).</summary>
    public string? Supervisor { get; init; }

    public ActionKind? Action { get; init; }

    public AuditStatus? Status { get; init; }

    /// <summary>The exact call id.</summary>
    public string? CallId { get; init; }

    /// <summary>Requested at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Requested before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    public static AuditFilter None { get; } = new();
}

/// <summary>
/// One page, newest first: <see cref="Before"/> reads the rows older than that sequence, <see cref="After"/> the
/// rows newer than it (give at most one); neither reads the newest rows.
/// </summary>
public sealed record AuditPageRequest(int Size = AuditPageRequest.DefaultSize, long? Before = null, long? After = null)
{
    public const int DefaultSize = 50;

    public const int MaxSize = 200;
}

/// <summary>
/// A page of rows, newest first, with the cursors of its neighbours: <see cref="OlderBefore"/> to pass as
/// <see cref="AuditPageRequest.Before"/>, <see cref="NewerAfter"/> as <see cref="AuditPageRequest.After"/>; null when
/// there is nothing that way.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, long? OlderBefore, long? NewerAfter);

/// <summary>One audited action as read back.</summary>
public sealed record AuditRow(
    long Sequence,
    string AuditId,
    DateTimeOffset RequestedAt,
    string ActorId,
    string ActorName,
    string ActorRole,
    ActionKind Action,
    string CallId,
    string Target,
    string Description,
    AuditStatus Status,
    string? Detail,
    string? ErrorCode,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? SettledAt,
    DateTimeOffset UpdatedAt);
