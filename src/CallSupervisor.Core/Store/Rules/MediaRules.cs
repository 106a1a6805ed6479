using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>Media operations: started once per id, ended once; an end for an unknown id is recorded as ended.</summary>
internal static class MediaRules
{
    public static Fold Started(Call call, MediaOperationStarted e)
    {
        if (call.MediaOperations.TryGetValue(e.OperationId, out var known))
        {
            // Both the app's own request and ACS PlayStarted announce the same operation; an end that overtook
            // the start must not be undone either.
            return Fold.Ignored(known.IsActive
                ? $"media operation {e.OperationId} is already running"
                : $"media operation {e.OperationId} has already ended");
        }
        var operation = new MediaOperation(e.OperationId, e.Kind, e.Description, e.OccurredAt, MediaStatus.Running) { Looped = e.Looped };
        return Fold.Applied(WithOperation(call, operation), NewEntry.Info(call.CallId, e.OccurredAt, $"{Describe.Media(operation)} started"));
    }

    public static Fold Ended(Call call, MediaOperationEnded e)
    {
        if (e.Outcome is MediaStatus.Running)
        {
            return Fold.Ignored($"media end event with non-final outcome {e.Outcome}");
        }
        // A cancel of all media in flight is credited on each operation that ends meanwhile: cancelled by it, or
        // completed before it took effect.
        var cancel = call.PendingFor(CallSupervisor.Core.Events.ActionKind.CancelMedia, "")?.Request;
        MediaOperation ended;
        if (call.MediaOperations.TryGetValue(e.OperationId, out var known))
        {
            if (!known.IsActive)
            {
                return Fold.Ignored($"media operation {e.OperationId} has already ended");
            }
            ended = known with { Status = e.Outcome, EndedAt = e.OccurredAt, LastResult = e.Result, CancelRequest = cancel, Tones = e.Tones };
        }
        else
        {
            // The start was missed (restart, or the operation was started by another client): the end is still a
            // fact worth showing, and recording it makes a late start for the same id a no-op.
            ended = new MediaOperation(e.OperationId, e.Kind, null, null, e.Outcome, e.OccurredAt, e.Result, cancel) { Tones = e.Tones };
        }
        return Fold.Applied(WithOperation(call, ended), Entry(call, ended, e.OccurredAt));
    }

    /// <summary>A media operation running past the media timeout with no end event is closed as Expired.</summary>
    public static Fold Expired(Call call, MediaExpired e)
    {
        if (!call.MediaOperations.TryGetValue(e.OperationId, out var known))
        {
            return Fold.Ignored($"unknown media operation {e.OperationId}");
        }
        if (!known.IsActive)
        {
            return Fold.Ignored($"media operation {e.OperationId} has already ended");
        }
        var expired = known with { Status = MediaStatus.Expired, EndedAt = e.OccurredAt };
        return Fold.Applied(
            WithOperation(call, expired),
            NewEntry.Warning(call.CallId, e.OccurredAt, $"{Describe.Media(known)}: no end reported by ACS; shown as ended"));
    }

    private static ActivityEntry Entry(Call call, MediaOperation ended, DateTimeOffset at)
    {
        var what = Describe.Media(ended);
        var by = NewEntry.By(ended.CancelRequest);
        return ended.Status switch
        {
            MediaStatus.Completed when ended.CancelRequest is not null => NewEntry.Info(call.CallId, at, $"{what} completed before the cancel took effect", by),
            MediaStatus.Completed => NewEntry.Info(call.CallId, at, $"{what} completed"),
            MediaStatus.Cancelled => NewEntry.Success(call.CallId, at, $"{what} cancelled", by),
            _ => NewEntry.Warning(call.CallId, at, $"{what} failed: {Describe.Result(ended.LastResult)}"),
        };
    }

    internal static Call WithOperation(Call call, MediaOperation operation) =>
        call with { MediaOperations = call.MediaOperations.SetItem(operation.Id, operation) };
}
