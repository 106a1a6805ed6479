using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Audit;

/// <summary>Where a supervisor action stands in the audit trail.</summary>
public enum AuditStatus
{
    /// <summary>Recorded and being sent to ACS/Graph; no answer yet.</summary>
    Sending,

    /// <summary>Not sent: the user's role does not allow it, or the action did not apply (see the reason).</summary>
    Refused,

    /// <summary>ACS/Graph accepted the request; its confirmation has not arrived (yet).</summary>
    Accepted,

    /// <summary>A callback confirmed the action.</summary>
    Confirmed,

    /// <summary>ACS/Graph refused the request (see the error code), or it could not be sent.</summary>
    Failed,

    /// <summary>Something else happened first: the invitee accepted, the participant left, the media ended.</summary>
    LostRace,

    /// <summary>No confirmation within the confirmation timeout, or the server stopped before one arrived.</summary>
    NotConfirmed,

    /// <summary>The call ended while the action was pending.</summary>
    CallEnded,
}

/// <summary>Helpers over <see cref="AuditStatus"/>.</summary>
public static class AuditStatuses
{
    /// <summary>Final: no later fact changes it (a late <c>Accepted</c> must not undo a <c>Confirmed</c>).</summary>
    public static bool IsFinal(this AuditStatus status) => status is not (AuditStatus.Sending or AuditStatus.Accepted);

    /// <summary>The audit status an action's settlement on its call maps to.</summary>
    public static AuditStatus From(ActionResult result) => result switch
    {
        ActionResult.Confirmed => AuditStatus.Confirmed,
        ActionResult.Failed => AuditStatus.Failed,
        ActionResult.Overtaken => AuditStatus.LostRace,
        ActionResult.NotConfirmed => AuditStatus.NotConfirmed,
        ActionResult.CallEnded => AuditStatus.CallEnded,
        _ => throw new ArgumentOutOfRangeException(nameof(result), result, null),
    };
}

/// <summary>
/// One supervisor action as first recorded, before anything is sent. <see cref="AuditId"/> is the
/// <c>operationContext</c> sent to ACS, so every callback about the action correlates to this row. Refused attempts
/// get an id of their own (nothing was sent).
/// </summary>
public sealed record AuditRecord(
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
    string? Detail = null);

/// <summary>
/// A later fact about an audited action: ACS's answer (<see cref="AuditStatus.Accepted"/> or
/// <see cref="AuditStatus.Failed"/> with <see cref="ErrorCode"/>) or its settlement on the call. Applied only if it
/// moves the row forward (see <see cref="AuditStatuses.IsFinal"/>).
/// </summary>
public sealed record AuditUpdate(string AuditId, AuditStatus Status, DateTimeOffset At, string? Detail = null, string? ErrorCode = null);
