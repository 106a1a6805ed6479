using CallSupervisor.Core.Calls;

namespace CallSupervisor.Core.Store;

/// <summary>A prompt, recognition or recording running (or having run) on a call.</summary>
/// <remarks>
/// <para><c>StartedAt</c>: Null when the store only learnt of the operation from its end event.</para>
/// </remarks>
public sealed record MediaOperation(
    MediaOperationId Id,
    MediaKind Kind,
    string? Description,
    DateTimeOffset? StartedAt,
    MediaStatus Status,
    DateTimeOffset? EndedAt = null,
    ResultInfo? LastResult = null,
    SupervisorRequest? CancelRequest = null)
{
    /// <summary>Running, or running while a cancel is in flight.</summary>
    public bool IsActive => Status is MediaStatus.Running or MediaStatus.Cancelling;
}
