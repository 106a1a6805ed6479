using CallSupervisor.Emulator.Http;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Engine;

internal sealed partial class AcsCallEngine
{
    private const string RecordingKind = "azureCommunicationServices";
    private static readonly string[] ContentTypes = ["audio", "audioVideo"];
    private static readonly string[] ChannelTypes = ["mixed", "unmixed"];
    private static readonly string[] FormatTypes = ["wav", "mp3", "mp4"];

    /// <summary>Recordings not yet stopped, by recordingId.</summary>
    private readonly Dictionary<string, AcsRecording> _recordings = new(StringComparer.Ordinal);

    /// <summary>
    /// POST /calling/recordings answers 200 with the recording inactive, as ACS does; RecordingStateChanged (active)
    /// follows once it runs, to recordingStateCallbackUri or else the call's callback. One recording per call: a second
    /// start is refused with 400 until the first is stopped. No media is recorded: the emulator has none.
    /// </summary>
    public ApiResult StartRecording(StartCallRecordingRequest request)
    {
        if (request.CallLocator is not { } locator)
        {
            return ApiResult.InvalidArgument("callLocator is required.");
        }
        if (locator.Kind is { Length: > 0 } kind && kind != "serverCallLocator")
        {
            return ApiResult.InvalidArgument($"callLocator.kind '{kind}' is not supported by the emulator; use serverCallLocator with the call's serverCallId.");
        }
        if (locator.ServerCallId is not { Length: > 0 } serverCallId)
        {
            return ApiResult.InvalidArgument("callLocator.serverCallId is required.");
        }
        if ((Unsupported("recordingContentType", request.RecordingContentType, ContentTypes)
            ?? Unsupported("recordingChannelType", request.RecordingChannelType, ChannelTypes)
            ?? Unsupported("recordingFormatType", request.RecordingFormatType, FormatTypes)) is { } problem)
        {
            return problem;
        }
        Uri? callback = null;
        if (request.RecordingStateCallbackUri is { Length: > 0 } value && (callback = ParseCallback(value)) is null)
        {
            return CallbackProblem(value, "recordingStateCallbackUri");
        }
        RecordingStateResponse response;
        lock (_gate)
        {
            var call = _calls.Values.FirstOrDefault(c => c.IsLive && c.ServerCallId == serverCallId);
            if (call is null)
            {
                return ApiResult.NotFound($"Call with serverCallId '{serverCallId}'");
            }
            if (call.State != AcsCallState.Connected)
            {
                return ApiResult.AcsError(StatusCodes.Status400BadRequest, "8501", "Action is not valid when the call is not established.");
            }
            if (call.Recording is { } running)
            {
                return ApiResult.InvalidArgument($"The call is already being recorded (recording '{running.RecordingId}'); stop that recording before starting another.");
            }
            var recording = new AcsRecording(call, callback ?? call.CallbackUri!, scheduler.TimeProvider.GetUtcNow(),
                request.RecordingContentType ?? "audio", request.RecordingChannelType ?? "mixed", request.RecordingFormatType ?? "wav")
            {
                Paused = request.PauseOnStart == true,
            };
            call.Recording = recording;
            _recordings.Add(recording.RecordingId, recording);
            response = StateResponse(recording);
            scheduler.Schedule(Sim.EventDelay, () => WithLock(() => ApplyRecordingState(recording)));
        }
        return ApiResult.Json(StatusCodes.Status200OK, response);
    }

    public ApiResult GetRecording(string recordingId)
    {
        lock (_gate)
        {
            return _recordings.TryGetValue(recordingId, out var recording)
                ? ApiResult.Json(StatusCodes.Status200OK, StateResponse(recording))
                : RecordingNotFound(recordingId);
        }
    }

    /// <summary>
    /// :pause answers 202; RecordingStateChanged (inactive) follows. Pausing a paused recording (or resuming a running
    /// one) is accepted and changes nothing, so no event follows: the event reports a change of state.
    /// </summary>
    public ApiResult PauseRecording(string recordingId) => SetPaused(recordingId, paused: true);

    /// <summary>:resume answers 202; RecordingStateChanged (active) follows.</summary>
    public ApiResult ResumeRecording(string recordingId) => SetPaused(recordingId, paused: false);

    /// <summary>DELETE answers 204; RecordingStateChanged (inactive) follows if it was active. The recording is gone at once: later operations on it answer 404.</summary>
    public ApiResult StopRecording(string recordingId)
    {
        lock (_gate)
        {
            if (!_recordings.TryGetValue(recordingId, out var recording))
            {
                return RecordingNotFound(recordingId);
            }
            Forget(recording);
            if (recording.State == RecordingState.Active)
            {
                scheduler.Schedule(Sim.EventDelay, () => WithLock(() => EmitStopped(recording)));
            }
        }
        return ApiResult.Empty(StatusCodes.Status204NoContent);
    }

    private ApiResult SetPaused(string recordingId, bool paused)
    {
        lock (_gate)
        {
            if (!_recordings.TryGetValue(recordingId, out var recording))
            {
                return RecordingNotFound(recordingId);
            }
            if (recording.Paused != paused)
            {
                recording.Paused = paused;
                scheduler.Schedule(Sim.EventDelay, () => WithLock(() => ApplyRecordingState(recording)));
            }
        }
        return ApiResult.Empty(StatusCodes.Status202Accepted);
    }

    /// <summary>Under the lock: reports the state the app last asked for, if it differs from the one last reported.</summary>
    private bool ApplyRecordingState(AcsRecording recording)
    {
        var wanted = recording.Paused ? RecordingState.Inactive : RecordingState.Active;
        if (recording.Stopped || recording.State == wanted)
        {
            return false;
        }
        recording.State = wanted;
        EmitRecordingState(recording);
        return true;
    }

    /// <summary>Under the lock, from <see cref="End"/>: the call's recording stops with it, reported when it was active.</summary>
    private void EndRecording(AcsCall call, bool notify)
    {
        if (call.Recording is not { } recording)
        {
            return;
        }
        Forget(recording);
        if (notify)
        {
            EmitStopped(recording);
        }
    }

    private bool EmitStopped(AcsRecording recording)
    {
        if (recording.State != RecordingState.Active)
        {
            return false;
        }
        recording.State = RecordingState.Inactive;
        EmitRecordingState(recording);
        return true;
    }

    private void Forget(AcsRecording recording)
    {
        recording.Stopped = true;
        _recordings.Remove(recording.RecordingId);
        if (ReferenceEquals(recording.Call.Recording, recording))
        {
            recording.Call.Recording = null;
        }
    }

    private void EmitRecordingState(AcsRecording recording)
    {
        var call = recording.Call;
        Emit(call, recording.CallbackUri, "RecordingStateChanged", new AcsEventData(call.CallConnectionId, call.ServerCallId, call.CorrelationId)
        {
            RecordingId = recording.RecordingId,
            State = Name(recording.State),
            StartDateTime = recording.StartDateTime,
            RecordingKind = RecordingKind,
        });
    }

    private static RecordingStateResponse StateResponse(AcsRecording recording) =>
        new(recording.RecordingId, Name(recording.State), RecordingKind);

    private static ApiResult RecordingNotFound(string recordingId) => ApiResult.NotFound($"Recording '{recordingId}'");

    private static ApiResult? Unsupported(string name, string? value, string[] allowed) =>
        value is null || allowed.Contains(value, StringComparer.Ordinal) ? null
        : ApiResult.InvalidArgument($"{name} '{value}' is not one of {string.Join(", ", allowed)}.");
}
