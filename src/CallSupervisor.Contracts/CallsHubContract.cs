namespace CallSupervisor.Contracts;

/// <summary>
/// The calls hub's names. On connect the server sends <see cref="SnapshotMessage"/> (<see cref="CallsSnapshotDto"/>, in
/// one or more parts of at most <see cref="SnapshotPartSize"/> calls);
/// every batch of changes is <see cref="ChangedMessage"/> (<see cref="CallsChangedDto"/>). The server joins a
/// connection to the broadcast before it sends the snapshot, so <c>changed</c> batches may arrive first: keep them,
/// and once the snapshot is in, apply only those whose version is above the snapshot's, in version order.
/// </summary>
public static class CallsHubContract
{
    public const string Path = "/hubs/calls";
    public const string SnapshotMessage = "snapshot";
    public const string ChangedMessage = "changed";

    /// <summary>
    /// The day's figures (<see cref="FiguresDto"/>): sent after the snapshot on connect, then at most once a second
    /// while anything changes, and every few seconds anyway (waits grow with the clock).
    /// </summary>
    public const string FiguresMessage = "figures";

    /// <summary>
    /// The most calls one snapshot part carries: about 0.27 MB of JSON at five participants a call, so a new client's
    /// first part stays well under 1 MB even when the next one is already in by the time it is read.
    /// </summary>
    public const int SnapshotPartSize = 100;

    /// <summary>
    /// <c>Execute(kind, callId, target, arguments)</c> → <see cref="CommandResultDto"/>: runs the supervisor action
    /// <c>kind</c> (<c>Mute</c>, <c>Hold</c>, <c>Resume</c>, <c>Remove</c>, <c>CancelInvitation</c>, <c>CancelMedia</c>,
    /// <c>HangUp</c>, <c>Listen</c>, <c>Join</c>, <c>Leave</c>, <c>Assign</c>, <c>TakeCall</c>, <c>Transfer</c>,
    /// <c>SetAgentState</c>, <c>StartRecording</c>, <c>PauseRecording</c>, <c>ResumeRecording</c>, <c>StopRecording</c>) on <c>target</c> of the call (see <see cref="PendingActionDto.Target"/>), with
    /// <c>arguments</c> where the action needs them (a transfer's <c>to</c>: an agent id or a number; an agent's
    /// <c>state</c> and <c>reason</c>). An unknown kind is refused, never an error.
    /// </summary>
    public const string Execute = nameof(Execute);
}
