using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.Model;

/// <summary>A prompt, recognition or recording running (or having run) on a call.</summary>
/// <remarks>
/// <para><c>StartedAt</c>: Null when the store only learnt of the operation from its end event.</para>
/// <para><c>CancelRequest</c>: The supervisor's cancel that was pending when the operation ended (cancelled by it,
/// or completed before it took effect).</para>
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
    /// <summary>Plays until cancelled (hold music): the media timeout does not apply.</summary>
    public bool Looped { get; init; }

    /// <summary>The keys the caller pressed, for a menu (DTMF recognition) that completed.</summary>
    public string? Tones { get; init; }

    /// <summary>Running (a cancel may be in flight).</summary>
    public bool IsActive => Status == MediaStatus.Running;
}
