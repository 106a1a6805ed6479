namespace CallSupervisor.Contracts;

/// <summary>
/// Wire shapes of the calls hub (JSON, camelCase). Flat and explicit so clients in any language can read them;
/// enums travel as names.
/// </summary>
/// <remarks>
/// A snapshot comes in <see cref="Parts"/> messages (parts 1 to <see cref="Parts"/>, in order, all of one
/// <see cref="Version"/> and the same <see cref="Counts"/>), live calls first, so a client on a busy center has the
/// totals and the first calls at once instead of waiting for every call. Together the parts are the whole board.
/// </remarks>
public sealed record CallsSnapshotDto(long Version, CallCountsDto Counts, IReadOnlyList<CallDto> Calls, int Part = 1, int Parts = 1);

/// <summary>A batch of changes: the calls that changed (complete), the ids of removed calls, and the new counts.</summary>
public sealed record CallsChangedDto(long Version, CallCountsDto Counts, IReadOnlyList<CallDto> Changed, IReadOnlyList<string> Removed);

public sealed record CallCountsDto(int LiveCalls, int Participants, int PendingInvitations, int RunningMedia);

public sealed record IdentifierDto(string Kind, string RawId, string Value);

public sealed record ParticipantDto(IdentifierDto Identifier, bool IsMuted, bool IsOnHold, bool IsMutePending, DateTimeOffset JoinedAt);

/// <summary><c>NoOutcomeFromAcs</c>: timed out with no answer from ACS, or accepted as seen in the roster.</summary>
public sealed record InvitationDto(
    string InvitationId, IdentifierDto Target, string Status, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt,
    bool CancelLostRace, string? LastResult, bool NoOutcomeFromAcs);

public sealed record MediaOperationDto(string Id, string Kind, string? Description, string Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? LastResult);

public sealed record CallDto(
    string CallId, string Platform, string State, IdentifierDto? Caller, IdentifierDto? Callee,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, bool NeedsReconcile,
    IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<InvitationDto> Invitations, IReadOnlyList<MediaOperationDto> MediaOperations);

/// <summary>Result of a supervisor command invoked through the hub.</summary>
/// <summary>
/// A hub action's result: <c>Accepted</c>, <c>Refused</c> (not available), <c>Forbidden</c> (the caller's role may not
/// act) or <c>Failed</c> (ACS/Graph error). <see cref="AuditId"/> names its audit trail row (the operationContext
/// sent to ACS) once it was recorded.
/// </summary>
public sealed record CommandResultDto(string Status, string Message, string? ErrorCode, string? ErrorMessage, string? AuditId = null);
