using CallSupervisor.Emulator.Delivery;
using CallSupervisor.Emulator.Http;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Engine;

internal sealed partial class AcsCallEngine
{
    private static readonly string[] DtmfTones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "zero"];

    /// <summary>:play answers 202; the operation queues behind running media (as ACS does) and reports PlayStarted/Completed.</summary>
    public ApiResult Play(string callConnectionId, PlayRequest request)
    {
        if (request.PlaySources is not { Count: > 0 } sources || sources.Any(s => !IsPlayable(s)))
        {
            return ApiResult.InvalidArgument("playSources must contain at least one source whose kind matches its file, text or ssml member.");
        }
        return QueueMedia(callConnectionId, MediaKind.Play, request.OperationContext, request.OperationCallbackUri, target: null,
            loop: request.PlayOptions?.Loop == true);
    }

    /// <summary>:recognize answers 202 and ends with RecognizeCompleted (DTMF tones) unless canceled.</summary>
    public ApiResult Recognize(string callConnectionId, RecognizeRequest request)
    {
        if (string.IsNullOrEmpty(request.RecognizeInputType))
        {
            return ApiResult.InvalidArgument("recognizeInputType is required.");
        }
        if (Identifiers.Normalize(request.RecognizeOptions?.TargetParticipant) is not { } target)
        {
            return ApiResult.InvalidArgument("recognizeOptions.targetParticipant is required.");
        }
        if (request.PlayPrompt is { } prompt && !IsPlayable(prompt))
        {
            return ApiResult.InvalidArgument("playPrompt does not name a playable source.");
        }
        return QueueMedia(callConnectionId, MediaKind.Recognize, request.OperationContext, request.OperationCallbackUri, target);
    }

    /// <summary>:cancelAllMediaOperations answers 202; each running or queued operation ends with Play/RecognizeCanceled (400/8508).</summary>
    public ApiResult CancelAllMediaOperations(string callConnectionId)
    {
        lock (_gate)
        {
            if (!TryGetLive(callConnectionId, out var call))
            {
                return ApiResult.NotFound("Call");
            }
            var pending = call.Media.Where(m => m.Status is MediaStatus.Queued or MediaStatus.Running).ToList();
            foreach (var operation in pending)
            {
                operation.Status = MediaStatus.Canceled;
            }
            if (pending.Count > 0)
            {
                scheduler.Schedule(Sim.EventDelay, () =>
                {
                    lock (_gate)
                    {
                        if (call.State == AcsCallState.Disconnected)
                        {
                            return;
                        }
                        foreach (var operation in pending)
                        {
                            var type = operation.Kind == MediaKind.Play ? "PlayCanceled" : "RecognizeCanceled";
                            Emit(call, operation.CallbackUri, type, EventFactory.Data(call, operation.OperationContext, Results.OperationCanceled));
                        }
                    }
                });
            }
        }
        return ApiResult.Empty(StatusCodes.Status202Accepted);
    }

    private ApiResult QueueMedia(
        string callConnectionId, MediaKind kind, string? operationContext, string? operationCallbackUri, IdentifierModel? target, bool loop = false)
    {
        var (callback, callbackProblem) = OptionalCallback(operationCallbackUri);
        if (callbackProblem is not null)
        {
            return callbackProblem;
        }
        lock (_gate)
        {
            if (!TryGetLive(callConnectionId, out var call))
            {
                return ApiResult.NotFound("Call");
            }
            if (call.State != AcsCallState.Connected)
            {
                return ApiResult.AcsError(StatusCodes.Status400BadRequest, "8501", "Action is not valid when the call is not established.");
            }
            if (target is not null && call.FindParticipant(target) is null)
            {
                return ApiResult.InvalidArgument($"The target participant '{target.RawId}' is not in the call.");
            }
            call.Media.Add(PlanMedia(call, kind, operationContext, callback ?? call.CallbackUri!, target, loop));
            StartNextMedia(call);
        }
        return ApiResult.Empty(StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// Under the lock: how long the operation runs. A caller answers the menu: a contact-center caller with the
    /// planned key after the planned time, any other caller with <c>DefaultMenuKey</c> ("1") after the shortest menu time (a caller who sat
    /// in the menu for the whole media duration would never reach a queue). Otherwise a scenario's media duration
    /// wins; a looped play (hold music) runs until canceled.
    /// </summary>
    private AcsMediaOperation PlanMedia(AcsCall call, MediaKind kind, string? operationContext, Uri callback, IdentifierModel? target, bool loop)
    {
        if (kind == MediaKind.Recognize && call.Plan is not { MenuTone: not null } && target is not null && Identifiers.SameAs(target, call.Caller))
        {
            return new AcsMediaOperation(kind, operationContext, callback, Sim.MenuTimeMin) { Tones = [DtmfKeys.Tone(Sim.DefaultMenuKey)] };
        }
        if (loop)
        {
            // Looped hold music plays in the background until cancelled, whatever the scenario's media duration.
            return new AcsMediaOperation(kind, operationContext, callback, duration: null);
        }
        if (call.Scenario.MediaDurationSeconds is { } seconds && !(kind == MediaKind.Recognize && call.Plan is { MenuTone: not null }))
        {
            return new AcsMediaOperation(kind, operationContext, callback, TimeSpan.FromSeconds(seconds));
        }
        if (kind == MediaKind.Recognize && call.Plan is { MenuTone: { } tone } plan && target is not null && Identifiers.SameAs(target, call.Caller))
        {
            return new AcsMediaOperation(kind, operationContext, callback, plan.MenuTime) { Tones = [tone] };
        }
        return new AcsMediaOperation(kind, operationContext, callback, random.Between(Sim.MediaDurationMin, Sim.MediaDurationMax));
    }

    /// <summary>
    /// Under the lock: one media operation runs at a time; the next queued one starts when it ends. An operation that
    /// runs until canceled (looped hold music) plays in the background, so a menu started after it still runs.
    /// </summary>
    private void StartNextMedia(AcsCall call)
    {
        while (!call.Media.Any(m => m.Status == MediaStatus.Running && !m.RunsInBackground)
            && call.Media.Find(m => m.Status == MediaStatus.Queued) is { } next)
        {
            Run(call, next);
        }
    }

    private void Run(AcsCall call, AcsMediaOperation next)
    {
        next.Status = MediaStatus.Running;
        if (next.Kind == MediaKind.Play)
        {
            scheduler.Schedule(Sim.EventDelay, () =>
            {
                lock (_gate)
                {
                    if (next.Status == MediaStatus.Running && call.State == AcsCallState.Connected)
                    {
                        Emit(call, next.CallbackUri, "PlayStarted", EventFactory.Data(call, next.OperationContext, Results.PlayStarted));
                    }
                }
            });
        }
        if (next.Duration is not { } duration)
        {
            return;
        }
        var tones = next.Tones ?? Enumerable.Range(0, 4).Select(_ => DtmfTones[random.Next(0, DtmfTones.Length)]).ToList();
        scheduler.Schedule(Sim.EventDelay + duration, () =>
        {
            lock (_gate)
            {
                if (next.Status != MediaStatus.Running || call.State != AcsCallState.Connected)
                {
                    return;
                }
                next.Status = MediaStatus.Completed;
                var data = next.Kind == MediaKind.Play
                    ? EventFactory.Data(call, next.OperationContext, Results.PlayCompleted)
                    : EventFactory.Data(call, next.OperationContext, Results.RecognizeCompleted) with
                    {
                        RecognitionType = "dtmf",
                        DtmfResult = new DtmfResultModel(tones),
                    };
                Emit(call, next.CallbackUri, next.Kind == MediaKind.Play ? "PlayCompleted" : "RecognizeCompleted", data);
                StartNextMedia(call);
            }
        });
    }

    private static bool IsPlayable(PlaySourceModel source) => source.Kind?.ToUpperInvariant() switch
    {
        "FILE" => source.File?.Uri is { Length: > 0 },
        "TEXT" => source.Text?.Text is { Length: > 0 },
        "SSML" => source.Ssml?.SsmlText is { Length: > 0 },
        _ => false,
    };
}
