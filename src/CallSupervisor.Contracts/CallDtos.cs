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
public sealed record CallsSnapshotDto(long Version, CallCountsDto Counts, IReadOnlyList<CallDto> Calls, int Part = 1, int Parts = 1)
{
    /// <summary>Every agent of the directory (each part carries them all: there are few); null from an older server.</summary>
    public IReadOnlyList<AgentDto>? Agents { get; init; }
}

/// <summary>
/// A batch of changes: the calls that changed (complete), the ids of removed calls, and the new counts.
/// <see cref="Agents"/>: null when no agent changed, else every agent (complete, replacing the previous list).
/// </summary>
public sealed record CallsChangedDto(long Version, CallCountsDto Counts, IReadOnlyList<CallDto> Changed, IReadOnlyList<string> Removed)
{
    public IReadOnlyList<AgentDto>? Agents { get; init; }
}

/// <summary><see cref="CallsWaiting"/>: callers queued with no agent yet (per queue: see <c>CallDto.QueueId</c>).</summary>
public sealed record CallCountsDto(int LiveCalls, int Participants, int PendingInvitations, int RunningMedia)
{
    public int CallsWaiting { get; init; }
}

/// <summary>
/// An agent as the Agents page shows them. <see cref="State"/>: Available, Offered, OnCall, WrapUp, Away or Offline,
/// since <see cref="Since"/> (null: not heard of since the log began); <see cref="Reason"/> says why an agent is away. Counters are for the current UTC day.
/// </summary>
public sealed record AgentDto(
    string AgentId, string Name, string State, DateTimeOffset? Since, string? CallId, string? OfferedCallId,
    IReadOnlyList<string> Queues, int HandledToday, int MissedToday, int MissedInARow, string? Reason);

/// <summary>
/// A queued call's offer to one agent: planned at <see cref="PlannedAt"/>, ringing since <see cref="RingingSince"/>
/// once ACS took the invitation.
/// </summary>
public sealed record OfferDto(string AgentId, string? AgentName, DateTimeOffset PlannedAt, DateTimeOffset? RingingSince);

public sealed record IdentifierDto(string Kind, string RawId, string Value);

/// <summary>
/// A participant. <see cref="Actions"/>: the actions that can run on them now (kinds, e.g. <c>Mute</c>, <c>Hold</c>);
/// <see cref="OnHoldSince"/>: when the roster first showed them on hold.
/// </summary>
public sealed record ParticipantDto(IdentifierDto Identifier, bool IsMuted, bool IsOnHold, DateTimeOffset JoinedAt)
{
    public DateTimeOffset? OnHoldSince { get; init; }

    public IReadOnlyList<string> Actions { get; init; } = [];
}

/// <summary>
/// <c>NoOutcomeFromAcs</c>: timed out with no answer from ACS, or accepted as seen in the roster. <see cref="Actions"/>:
/// the actions that can run on it now (<c>CancelInvitation</c> while it rings).
/// </summary>
public sealed record InvitationDto(
    string InvitationId, IdentifierDto Target, string Status, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt,
    bool CancelLostRace, string? LastResult, bool NoOutcomeFromAcs)
{
    public IReadOnlyList<string> Actions { get; init; } = [];
}

/// <summary>
/// A supervisor action sent and not yet settled: its kind (<c>Mute</c>, <c>Hold</c>, <c>Transfer</c>, …), what it acts on
/// (a participant's raw id, an invitation id, an agent id, or empty for the call), who asked and since when. Every
/// client sees it, so no second supervisor repeats it.
/// </summary>
public sealed record PendingActionDto(string Kind, string Target, string By, DateTimeOffset Since);

/// <summary>The call's recording: its id, <c>Starting</c>, <c>Active</c>, <c>Paused</c> or <c>Stopped</c>, since when.</summary>
public sealed record RecordingDto(string RecordingId, string Status, DateTimeOffset Since);

/// <summary>A supervisor in the call: their endpoint's raw id, name, and <c>Listening</c> or <c>Joined</c>.</summary>
public sealed record SupervisorDto(string RawId, string Name, string Mode, DateTimeOffset Since);

public sealed record MediaOperationDto(string Id, string Kind, string? Description, string Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? LastResult);

public sealed record CallDto(
    string CallId, string Platform, string State, IdentifierDto? Caller, IdentifierDto? Callee,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, bool NeedsReconcile,
    IReadOnlyList<ParticipantDto> Participants, IReadOnlyList<InvitationDto> Invitations, IReadOnlyList<MediaOperationDto> MediaOperations)
{
    /// <summary>The queue the caller waits (or waited) in; null before the menu's choice or for a call outside the queues.</summary>
    public string? QueueId { get; init; }

    public string? QueueName { get; init; }

    /// <summary>When the caller first queued (their wait counts from here).</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>The offer in progress, if any.</summary>
    public OfferDto? Offer { get; init; }

    /// <summary>The agent who took the call (kept after they left).</summary>
    public string? AgentId { get; init; }

    public string? AgentName { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>When the agent left a call that went on (the caller is then with nobody).</summary>
    public DateTimeOffset? AgentLeftAt { get; init; }

    /// <summary>The number the caller was transferred to, once ACS accepted the transfer.</summary>
    public IdentifierDto? TransferredTo { get; init; }

    /// <summary>Supervisor actions in flight on this call (see <see cref="PendingActionDto"/>).</summary>
    public IReadOnlyList<PendingActionDto> PendingActions { get; init; } = [];

    /// <summary>
    /// The call-wide actions that can run now (kinds, e.g. <c>CancelMedia</c>, <c>HangUp</c>, <c>Assign</c>,
    /// <c>Listen</c>); those on one participant or invitation are listed on it. Whether the caller's role lets them run
    /// them is the server's decision when they do.
    /// </summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>The recording started from the board, if any.</summary>
    public RecordingDto? Recording { get; init; }

    /// <summary>Supervisors listening in or joined.</summary>
    public IReadOnlyList<SupervisorDto> Supervisors { get; init; } = [];
}

/// <summary>
/// A hub action's result: <c>Accepted</c>, <c>Refused</c> (not available), <c>Forbidden</c> (the caller's role may not
/// act) or <c>Failed</c> (ACS/Graph error). <see cref="AuditId"/> names its audit trail row (the operationContext
/// sent to ACS) once it was recorded.
/// </summary>
public sealed record CommandResultDto(string Status, string Message, string? ErrorCode, string? ErrorMessage, string? AuditId = null);
