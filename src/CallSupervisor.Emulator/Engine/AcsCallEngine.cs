using System.Text.Json;
using CallSupervisor.Emulator.Delivery;
using CallSupervisor.Emulator.Http;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Emulator.Engine;

/// <summary>
/// The ACS Call Automation side: the call lifecycle (IncomingCall → answer → CallConnected → … → CallDisconnected)
/// and the REST semantics of each operation. All state is guarded by one lock; events are queued under it so they
/// leave in the order the state changed. Split in partial files by concern.
/// </summary>
internal sealed partial class AcsCallEngine(
    EmulatorOptions options, SeededRandom random, People people, Scheduler scheduler, IDeliverySink sink, EventFactory events,
    Func<Uri> baseAddress, ILogger logger, AgentDesk desk, SeededRandom callers) : CallEngine<AcsCall>
{
    private readonly Dictionary<string, AcsCall> _byContext = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AcsCall> _byInvitation = new(StringComparer.Ordinal);

    private SimulationOptions Sim => options.Simulation;

    /// <summary>The simulated agents and the contact center's counters.</summary>
    public AgentDesk Desk => desk;

    /// <summary>
    /// Starts a call: posts IncomingCall to the app's Event Grid webhook and waits for the answer. Throws
    /// <see cref="ArgumentException"/> for a scenario that names an unknown identifier kind or menu key.
    /// </summary>
    public AcsCall Start(string scenarioId, CallScenario scenario)
    {
        var plan = PlanCaller(scenario);
        var caller = people.Caller(scenario, Sim.PhoneCallerShare, people.AcsUser);
        var call = new AcsCall(scenarioId, scenario, caller, People.AppNumber, people.CallerName(scenario)) { Plan = plan };
        desk.CountArrival();
        lock (_gate)
        {
            _calls.Add(call.CallConnectionId, call);
            _byContext.Add(call.IncomingCallContext, call);
            sink.Enqueue(events.IncomingCall(call));
        }
        scheduler.Schedule(Sim.AnswerTimeout, () => ExpireIfUnanswered(call));
        LogIncoming(call.CallConnectionId, caller.RawId);
        return call;
    }

    public ApiResult Answer(AnswerCallRequest request)
    {
        if (string.IsNullOrEmpty(request.IncomingCallContext))
        {
            return ApiResult.InvalidArgument("incomingCallContext is required.");
        }
        if (ParseCallback(request.CallbackUri) is not { } callbackUri)
        {
            return CallbackProblem(request.CallbackUri, "callbackUri");
        }
        CallConnectionPropertiesModel properties;
        AcsCall call;
        lock (_gate)
        {
            // The context stays known until the call ends, so a second answer is counted (and refused).
            if (!_byContext.TryGetValue(request.IncomingCallContext, out var found) || ++found.AnswerRequests > 1 || found.State != AcsCallState.Incoming)
            {
                return ApiResult.InvalidArgument("The incomingCallContext is invalid, expired, or the call was already answered.");
            }
            call = found;
            call.State = AcsCallState.Connecting;
            call.CallbackUri = callbackUri;
            call.AnswerOperationContext = request.OperationContext;
            call.Participants.Add(new AcsParticipant(call.Caller));
            properties = Properties(call);
        }
        scheduler.Schedule(Sim.ConnectDelay, () => Connect(call));
        return ApiResult.Json(StatusCodes.Status200OK, properties);
    }

    public ApiResult GetCall(string callConnectionId)
    {
        lock (_gate)
        {
            return TryGetLive(callConnectionId, out var call)
                ? ApiResult.Json(StatusCodes.Status200OK, Properties(call))
                : ApiResult.NotFound("Call");
        }
    }

    /// <summary>DELETE (hang up) and :terminate: the app leaves, so for it the call is over.</summary>
    public ApiResult HangUp(string callConnectionId)
    {
        lock (_gate)
        {
            if (!TryGetLive(callConnectionId, out var call))
            {
                return ApiResult.NotFound("Call");
            }
            End(call);
        }
        return ApiResult.Empty(StatusCodes.Status204NoContent);
    }

    private void Connect(AcsCall call)
    {
        lock (_gate)
        {
            if (call.State != AcsCallState.Connecting)
            {
                return;
            }
            call.State = AcsCallState.Connected;
            Emit(call, call.CallbackUri!, "CallConnected", EventFactory.Data(call, call.AnswerOperationContext));
            EmitRoster(call);
        }
        // A contact-center caller leaves by patience or after the talk; a scenario's explicit duration still applies.
        if ((call.Plan is null || call.Scenario.DurationSeconds is not null) && PlannedDuration(call.Scenario, random, Sim) is { } duration)
        {
            scheduler.Schedule(duration, () => EndIfLive(call));
        }
        if (call.Plan?.Patience is { } patience)
        {
            scheduler.Schedule(patience, () => AbandonIfWaiting(call));
        }
        ScheduleScenarioJoins(call);
        if (call.Scenario.Simulated && Sim.RandomParticipants)
        {
            ScheduleRosterChange(call);
        }
    }

    private void ExpireIfUnanswered(AcsCall call)
    {
        lock (_gate)
        {
            if (call.State != AcsCallState.Incoming)
            {
                return;
            }
            _byContext.Remove(call.IncomingCallContext);
            call.State = AcsCallState.Disconnected;
            Retire(call);
        }
        LogUnanswered(call.CorrelationId);
    }

    /// <summary>The caller's patience ran out with no agent connected: the caller hangs up (an abandoned call).</summary>
    private void AbandonIfWaiting(AcsCall call)
    {
        lock (_gate)
        {
            if (call.State == AcsCallState.Connected && !call.AgentConnected)
            {
                desk.CountAbandoned();
                End(call);
            }
        }
    }

    /// <summary>The talk is over: the caller hangs up.</summary>
    private void HangUpAfterTalk(AcsCall call)
    {
        lock (_gate)
        {
            if (call.IsLive)
            {
                desk.CountHandled();
                End(call);
            }
        }
    }

    /// <summary>
    /// What the caller will do: drawn for a generated caller (from a random stream of its own, so the n-th caller's
    /// plan does not depend on how the app's requests interleave); taken from a scenario that asks for any of it.
    /// </summary>
    private CallerPlan? PlanCaller(CallScenario scenario)
    {
        if (scenario.ContactCenterCaller)
        {
            var key = callers.Pick(Sim.MenuWeights);
            return new CallerPlan(
                key is null ? null : DtmfKeys.Tone(key),
                callers.Between(Sim.MenuTimeMin, Sim.MenuTimeMax),
                callers.Chance(Sim.PatientCallerShare) ? null : Sim.PatienceMin + callers.Exponential(Sim.PatienceMean - Sim.PatienceMin),
                callers.LogNormal(Sim.HandleTimeMean, Sim.HandleTimeSpread, Sim.HandleTimeMin, Sim.HandleTimeMax));
        }
        if (scenario.MenuChoice is null && scenario.PatienceSeconds is null && scenario.HandleTimeSeconds is null)
        {
            return null;
        }
        return new CallerPlan(
            scenario.MenuChoice is { } choice ? DtmfKeys.Tone(choice) : null,
            Sim.MenuTimeMin,
            scenario.PatienceSeconds is { } patience ? TimeSpan.FromSeconds(patience) : null,
            scenario.HandleTimeSeconds is { } handle ? TimeSpan.FromSeconds(handle) : null);
    }

    private void EndIfLive(AcsCall call)
    {
        lock (_gate)
        {
            if (call.IsLive)
            {
                End(call);
            }
        }
    }

    /// <summary>Under the lock: the call is over; pending invitations and media end silently, as after a real hang-up.</summary>
    protected override void End(AcsCall call)
    {
        if (call.State == AcsCallState.Disconnected)
        {
            return;
        }
        var wasIncoming = call.State == AcsCallState.Incoming;
        call.State = AcsCallState.Disconnected;
        _byContext.Remove(call.IncomingCallContext);
        desk.CallEnded(call.CallConnectionId);
        // The recording stops with the call: its last RecordingStateChanged goes out before CallDisconnected.
        EndRecording(call, notify: !wasIncoming);
        if (!wasIncoming)
        {
            Emit(call, call.CallbackUri!, "CallDisconnected", EventFactory.Data(call, result: Results.Disconnected));
        }
        Retire(call);
    }

    private void Retire(AcsCall call)
    {
        foreach (var id in call.Invitations.Select(i => i.InvitationId).Concat(call.Transfers.Select(t => t.TransferId)))
        {
            _byInvitation.Remove(id);
        }
        Retire(call.CallConnectionId, call);
    }

    /// <summary>Under the lock: a call the REST API can act on (answered and not disconnected).</summary>
    private bool TryGetLive(string callConnectionId, out AcsCall call)
    {
        if (_calls.TryGetValue(callConnectionId, out var found) && found.IsLive)
        {
            call = found;
            return true;
        }
        call = null!;
        return false;
    }

    private void Emit(AcsCall call, Uri target, string type, AcsEventData data) => sink.Enqueue(events.Acs(call, target, type, data));

    private static CallConnectionPropertiesModel Properties(AcsCall call) => new(
        call.CallConnectionId, call.ServerCallId, [call.Target], Name(call.State), call.CallbackUri?.ToString(), call.Caller,
        call.Caller.PhoneNumber, call.CorrelationId, call.Target.PhoneNumber);

    /// <summary>An absolute http(s) loopback URI, or null.</summary>
    private static Uri? ParseCallback(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && EmulatorOptionsValidator.IsLoopbackHttp(uri) ? uri : null;

    /// <summary>
    /// The optional per-operation callback (operationCallbackUri): absent is fine (null, no problem); present must be
    /// a loopback http(s) URI, else the problem to answer with.
    /// </summary>
    private static (Uri? Callback, ApiResult? Problem) OptionalCallback(string? value) =>
        value is not { Length: > 0 } ? (null, null)
        : ParseCallback(value) is { } uri ? (uri, null)
        : (null, CallbackProblem(value, "operationCallbackUri"));

    private static ApiResult CallbackProblem(string? value, string name) => string.IsNullOrEmpty(value)
        ? ApiResult.InvalidArgument($"{name} is required.")
        : ApiResult.InvalidArgument($"The field {name} is invalid: the emulator only calls back absolute http(s) URIs on a loopback address (got '{value}').");

    internal static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    [LoggerMessage(Level = LogLevel.Information, Message = "Incoming ACS call {CallConnectionId} from {Caller}")]
    private partial void LogIncoming(string callConnectionId, string? caller);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incoming call {CorrelationId} was not answered in time and stopped ringing")]
    private partial void LogUnanswered(string correlationId);
}
