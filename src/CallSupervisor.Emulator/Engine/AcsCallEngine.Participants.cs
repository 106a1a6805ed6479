using CallSupervisor.Emulator.Delivery;
using System.Globalization;
using CallSupervisor.Emulator.Http;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Emulator.Engine;

internal sealed partial class AcsCallEngine
{
    /// <summary>GET participants, paged; nextLink is an absolute URL the client follows (and signs) as is.</summary>
    public ApiResult ListParticipants(string callConnectionId, string? skipToken)
    {
        var skip = int.TryParse(skipToken, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        lock (_gate)
        {
            if (!TryGetLive(callConnectionId, out var call))
            {
                return ApiResult.NotFound("Call");
            }
            var page = call.Participants.Skip(skip).Take(options.ParticipantsPageSize).Select(p => p.ToModel()).ToList();
            var next = skip + page.Count;
            string? nextLink = next < call.Participants.Count
                ? new Uri(baseAddress(), $"calling/callConnections/{call.CallConnectionId}/participants?api-version={AcsApi.Version}&skipToken={next}").ToString()
                : null;
            return ApiResult.Json(StatusCodes.Status200OK, new GetParticipantsResponse(page, nextLink));
        }
    }

    public ApiResult GetParticipant(string callConnectionId, string participantRawId)
    {
        lock (_gate)
        {
            if (!TryGetLive(callConnectionId, out var call))
            {
                return ApiResult.NotFound("Call");
            }
            var participant = Identifiers.FromRawId(participantRawId) is { } id ? call.FindParticipant(id) : null;
            return participant is null ? ApiResult.NotFound("Participant") : ApiResult.Json(StatusCodes.Status200OK, participant.ToModel());
        }
    }

    /// <summary>
    /// participants:mute answers 200 and sends no event of its own; the roster (ParticipantsUpdated, isMuted) follows
    /// shortly. Only ACS users can be muted.
    /// </summary>
    public ApiResult Mute(string callConnectionId, MuteParticipantsRequest request)
    {
        if (request.TargetParticipants is not { Count: > 0 } rawTargets)
        {
            return ApiResult.InvalidArgument("targetParticipants is required.");
        }
        var targets = new List<IdentifierModel>();
        foreach (var raw in rawTargets)
        {
            if (Identifiers.Normalize(raw) is not { } target)
            {
                return ApiResult.InvalidArgument("A target participant has no usable identifier.");
            }
            if (target.Kind != Identifiers.CommunicationUser)
            {
                return ApiResult.InvalidArgument(
                    $"Mute is only supported for Azure Communication Services users (communicationUser); participant '{target.RawId}' is of kind '{target.Kind}'.");
            }
            targets.Add(target);
        }
        lock (_gate)
        {
            if (!TryGetLive(callConnectionId, out var call))
            {
                return ApiResult.NotFound("Call");
            }
            if (targets.Find(t => call.FindParticipant(t) is null) is { } missing)
            {
                return ApiResult.NotFound($"Participant '{missing.RawId}'");
            }
            scheduler.Schedule(Sim.EventDelay, () => ApplyMute(call, targets));
        }
        return ApiResult.Json(StatusCodes.Status200OK, new MuteParticipantsResult(request.OperationContext));
    }

    public ApiResult RemoveParticipant(string callConnectionId, RemoveParticipantRequest request)
    {
        if (Identifiers.Normalize(request.ParticipantToRemove) is not { } target)
        {
            return ApiResult.InvalidArgument("participantToRemove is required.");
        }
        var (callback, callbackProblem) = OptionalCallback(request.OperationCallbackUri);
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
            if (call.FindParticipant(target) is null)
            {
                return ApiResult.NotFound($"Participant '{target.RawId}'");
            }
            scheduler.Schedule(Sim.EventDelay, () => ApplyRemove(call, target, request.OperationContext, callback ?? call.CallbackUri!));
        }
        return ApiResult.Json(StatusCodes.Status202Accepted, new RemoveParticipantResponse(request.OperationContext));
    }

    /// <summary>
    /// The removal takes effect: RemoveParticipantSucceeded and the roster; when no one but the app is left, the call
    /// ends (CallDisconnected). Someone who left between the 202 and now gets RemoveParticipantFailed, so every
    /// accepted removal has an outcome.
    /// </summary>
    private void ApplyRemove(AcsCall call, IdentifierModel target, string? operationContext, Uri callback)
    {
        lock (_gate)
        {
            if (call.State != AcsCallState.Connected)
            {
                return;
            }
            if (call.FindParticipant(target) is not { } participant)
            {
                Emit(call, callback, "RemoveParticipantFailed",
                    EventFactory.Data(call, operationContext, Results.RemoveFailedNotInCall(target.RawId)) with { Participant = target });
                return;
            }
            Emit(call, callback, "RemoveParticipantSucceeded",
                EventFactory.Data(call, operationContext, Results.RemoveSucceeded) with { Participant = target });
            Leave(call, participant);
            if (call.Participants.Count == 0)
            {
                End(call);
            }
        }
    }

    private void ApplyMute(AcsCall call, List<IdentifierModel> targets)
    {
        lock (_gate)
        {
            if (call.State != AcsCallState.Connected)
            {
                return;
            }
            var changed = false;
            foreach (var participant in targets.Select(call.FindParticipant).OfType<AcsParticipant>().Where(p => !p.IsMuted))
            {
                participant.IsMuted = true;
                changed = true;
            }
            if (changed)
            {
                EmitRoster(call);
            }
        }
    }

    /// <summary>Under the lock: ParticipantsUpdated with the whole roster and the next sequence number.</summary>
    private void EmitRoster(AcsCall call)
    {
        call.SequenceNumber++;
        var data = EventFactory.Data(call) with
        {
            Participants = call.Participants.Select(p => p.ToModel()).ToList(),
            SequenceNumber = call.SequenceNumber,
        };
        Emit(call, call.CallbackUri!, "ParticipantsUpdated", data);
    }

    /// <summary>Under the lock: someone joins by themselves (scenario participant or random supervisor/coach).</summary>
    private void Join(AcsCall call, IdentifierModel identifier)
    {
        if (call.State != AcsCallState.Connected || call.FindParticipant(identifier) is not null)
        {
            return;
        }
        call.Participants.Add(new AcsParticipant(identifier));
        EmitRoster(call);
    }

    private void ScheduleScenarioJoins(AcsCall call)
    {
        foreach (var joiner in call.Scenario.Participants ?? [])
        {
            var identifier = people.FromScenario(joiner.Kind, joiner.Value);
            scheduler.Schedule(TimeSpan.FromSeconds(joiner.JoinAfterSeconds ?? 0), () =>
            {
                lock (_gate)
                {
                    Join(call, identifier);
                }
            });
        }
    }

    /// <summary>Generated calls: every so often someone joins, or someone other than the caller leaves.</summary>
    private void ScheduleRosterChange(AcsCall call) =>
        scheduler.Schedule(random.Between(Sim.ParticipantChangeIntervalMin, Sim.ParticipantChangeIntervalMax), () =>
        {
            var joinWanted = random.Chance(0.6);
            var joiner = people.RandomJoiner();
            var leaverIndex = random.Next(0, 1000);
            lock (_gate)
            {
                if (call.State != AcsCallState.Connected)
                {
                    return;
                }
                // A supervisor's device stays until the app removes it: listening in must not end by chance.
                var leavers = call.Participants
                    .Where(p => !Identifiers.SameAs(p.Identifier, call.Caller) && p.Identifier.RawId?.StartsWith(SupervisorPrefix, StringComparison.Ordinal) != true)
                    .ToList();
                if ((joinWanted || leavers.Count == 0) && call.Participants.Count < Sim.MaxParticipantsPerCall)
                {
                    Join(call, joiner);
                }
                else if (leavers.Count > 0)
                {
                    Leave(call, leavers[leaverIndex % leavers.Count]);
                }
            }
            ScheduleRosterChange(call);
        });
}
