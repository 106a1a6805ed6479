using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>
/// The call's recording as ACS tells it: starting once the start request was accepted, active or inactive as
/// RecordingStateChanged says — inactive is "stopped" when a stop was asked for, else "paused" (ACS says inactive for
/// both). Events of another recording than the call's are ignored.
/// </summary>
internal static class RecordingRules
{
    public static Fold Changed(Call call, RecordingChanged e)
    {
        var current = call.Recording;
        if (current is not null && current.Id != e.RecordingId && current.Status != RecordingStatus.Stopped)
        {
            return Fold.Ignored($"recording {e.RecordingId} is not the call's ({current.Id})");
        }
        var same = current?.Id == e.RecordingId ? current : null;
        var (status, text) = e.State switch
        {
            RecordingState.Starting when same is not null => (same.Status, (string?)null),
            RecordingState.Starting => (RecordingStatus.Starting, null),
            RecordingState.Active => (RecordingStatus.Active, same?.Status == RecordingStatus.Paused ? "Recording resumed" : "Recording started"),
            _ when same is { Stopping: true } => (RecordingStatus.Stopped, "Recording stopped"),
            _ when same is null or { Status: RecordingStatus.Stopped } => (RecordingStatus.Stopped, null),
            _ => (RecordingStatus.Paused, "Recording paused"),
        };
        if (same is not null && same.Status == status)
        {
            return Fold.Ignored($"recording {e.RecordingId} is already {status}");
        }
        var next = call with { Recording = new Recording(e.RecordingId, status, e.OccurredAt) { Stopping = status != RecordingStatus.Stopped && (same?.Stopping ?? false) } };
        return text is null ? Fold.Applied(next) : Fold.Applied(next, NewEntry.Info(call.CallId, e.OccurredAt, text));
    }
}
