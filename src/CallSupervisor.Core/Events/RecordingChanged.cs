using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Events;

/// <summary>What ACS says of a recording (and what the app learns from its start request's answer).</summary>
public enum RecordingState
{
    /// <summary>Asked for and accepted; ACS has not said it records yet (the start request's answer).</summary>
    Starting,

    /// <summary>RecordingStateChanged: active.</summary>
    Active,

    /// <summary>RecordingStateChanged: inactive — paused, or stopped when a stop was asked for.</summary>
    Inactive,
}

/// <summary>
/// A call's recording changed state: ACS RecordingStateChanged (<see cref="RecordingState.Active"/> or
/// <see cref="RecordingState.Inactive"/>), or the app's start request accepted (<see cref="RecordingState.Starting"/>).
/// </summary>
public sealed record RecordingChanged(string EventId, CallId CallId, DateTimeOffset OccurredAt, string RecordingId, RecordingState State)
    : CallEvent(EventId, CallId, OccurredAt);
