using System.Collections.Frozen;
using System.Collections.Immutable;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Acs.Wire;
using CallSupervisor.Telephony.Callbacks.Wire;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>The per-type mapping of <see cref="AcsCallbackParser"/>.</summary>
internal static class AcsEventMapper
{
    public const string RecordingStateChanged = "RecordingStateChanged";

    private static readonly FrozenSet<string> Mapped = new[]
    {
        "CallConnected", "CallDisconnected", "ParticipantsUpdated",
        "AddParticipantSucceeded", "AddParticipantFailed", "CancelAddParticipantSucceeded", "CancelAddParticipantFailed",
        "RemoveParticipantSucceeded", "RemoveParticipantFailed", "HoldFailed", "CallTransferAccepted", "CallTransferFailed",
        "PlayStarted", "PlayCompleted", "PlayFailed", "PlayCanceled",
        "RecognizeCompleted", "RecognizeFailed", "RecognizeCanceled", "ContinuousDtmfRecognitionStopped",
        RecordingStateChanged,
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsMapped(string name) => Mapped.Contains(name);

    public static CallEvent Map(string name, string id, CallId callId, DateTimeOffset time, AcsEventData data, string where)
    {
        var result = AcsModelMapper.ToResultInfo(data.ResultInformation);
        return name switch
        {
            "CallConnected" => new CallConnected(id, callId, time, CallPlatform.Acs, data.ServerCallId, data.CorrelationId, null, null),
            "CallDisconnected" => new CallDisconnected(id, callId, time, result),
            "ParticipantsUpdated" => MapRoster(id, callId, time, data, where),
            "AddParticipantSucceeded" => new AddParticipantSucceeded(id, callId, time, data.OperationContext, OptionalIdentifier(data.Participant, "participant", where)),
            "AddParticipantFailed" => new AddParticipantFailed(id, callId, time, data.OperationContext, OptionalIdentifier(data.Participant, "participant", where), result),
            "CancelAddParticipantSucceeded" => new CancelAddParticipantSucceeded(id, callId, time, RequireInvitation(data, where), data.OperationContext),
            "CancelAddParticipantFailed" => new CancelAddParticipantFailed(id, callId, time, RequireInvitation(data, where), data.OperationContext, result),
            "RemoveParticipantSucceeded" or "RemoveParticipantFailed" => Reported(name, id, callId, time, data, result) with
            {
                Participant = OptionalIdentifier(data.Participant, "participant", where),
            },
            "HoldFailed" or "CallTransferFailed" => Reported(name, id, callId, time, data, result),
            "CallTransferAccepted" => Reported(name, id, callId, time, data, result) with
            {
                TransferTarget = OptionalIdentifier(data.TransferTarget, "transferTarget", where),
                Transferee = OptionalIdentifier(data.Transferee, "transferee", where),
            },
            "PlayStarted" => new MediaOperationStarted(id, callId, time, OperationId(id, data), MediaKind.Play, null),
            "PlayCompleted" => Ended(id, callId, time, data, MediaKind.Play, MediaStatus.Completed, result),
            "PlayFailed" => Ended(id, callId, time, data, MediaKind.Play, MediaStatus.Failed, result),
            "PlayCanceled" => Ended(id, callId, time, data, MediaKind.Play, MediaStatus.Cancelled, result),
            "RecognizeCompleted" => Ended(id, callId, time, data, MediaKind.Recognize, MediaStatus.Completed, result),
            "RecognizeFailed" => Ended(id, callId, time, data, MediaKind.Recognize, MediaStatus.Failed, result),
            "RecognizeCanceled" => Ended(id, callId, time, data, MediaKind.Recognize, MediaStatus.Cancelled, result),
            "ContinuousDtmfRecognitionStopped" => Ended(id, callId, time, data, MediaKind.ContinuousDtmf, MediaStatus.Completed, result),
            RecordingStateChanged => MapRecording(id, callId, time, data, where),
            _ => throw new InvalidOperationException($"No mapping for {name}."),
        };
    }

    private static ParticipantsUpdated MapRoster(string id, CallId callId, DateTimeOffset time, AcsEventData data, string where)
    {
        // The roster is applied last-writer-wins by sequenceNumber; older API versions send none, and such a roster
        // is ordered by its time instead (RosterRules), not refused with the rest of its batch.
        if (data.Participants is null)
        {
            throw new CallbackFormatException($"{where}: data.participants is missing.");
        }

        var roster = ImmutableArray.CreateBuilder<ParticipantState>(data.Participants.Count);
        for (var i = 0; i < data.Participants.Count; i++)
        {
            var participant = data.Participants[i];
            var identifier = IdentifierMapper.FromModel(participant?.Identifier, out var error)
                ?? throw new CallbackFormatException($"{where}: data.participants[{i}].identifier: {error}.");
            roster.Add(new ParticipantState(identifier, participant!.IsMuted ?? false, participant.IsOnHold ?? false));
        }

        return new ParticipantsUpdated(id, callId, time, data.SequenceNumber, roster.MoveToImmutable());
    }

    private static RecordingChanged MapRecording(string id, CallId callId, DateTimeOffset time, AcsEventData data, string where)
    {
        var (recordingId, state) = ReadRecording(data, where);
        return new RecordingChanged(id, callId, time, recordingId, state);
    }

    /// <summary>
    /// The recordingId and state of a RecordingStateChanged, both required: without the id the board cannot tell which
    /// recording changed, and a state other than the contract's two could not be shown truthfully (the value is not
    /// echoed: it is unbounded text from the request).
    /// </summary>
    public static (string RecordingId, RecordingState State) ReadRecording(AcsEventData data, string where)
    {
        if (string.IsNullOrEmpty(data.RecordingId))
        {
            throw new CallbackFormatException($"{where}: data.recordingId is missing.");
        }

        // The contract's enum is extensible (modelAsString) and the ACS SDKs compare its values case-insensitively.
        var state = data.State switch
        {
            null => throw new CallbackFormatException($"{where}: data.state is missing."),
            var s when s.Equals("active", StringComparison.OrdinalIgnoreCase) => RecordingState.Active,
            var s when s.Equals("inactive", StringComparison.OrdinalIgnoreCase) => RecordingState.Inactive,
            _ => throw new CallbackFormatException($"{where}: data.state is not a recording state (active or inactive)."),
        };
        return (data.RecordingId, state);
    }

    // One event for every callback about an operation a supervisor action started: the pending action with that
    // operationContext decides what it means. Succeeded by the type's name, as ACS names its outcomes.
    private static OperationReported Reported(string name, string id, CallId callId, DateTimeOffset time, AcsEventData data, ResultInfo? result) =>
        new(id, callId, time, name, data.OperationContext,
            Succeeded: name.EndsWith("Succeeded", StringComparison.Ordinal) || name.EndsWith("Accepted", StringComparison.Ordinal), result);

    // The participants of AddParticipant*, RemoveParticipant* and CallTransferAccepted are informative and optional in
    // the contract (correlation is by operationContext), so an absent one is fine; but one that is there and names
    // nobody is not ACS's shape: refused like an unreadable roster entry rather than silently dropped.
    private static CommunicationIdentifier? OptionalIdentifier(CommunicationIdentifierModel? model, string field, string where) =>
        model is null ? null
            : IdentifierMapper.FromModel(model, out var error) ?? throw new CallbackFormatException($"{where}: data.{field}: {error}.");

    private static InvitationId RequireInvitation(AcsEventData data, string where) =>
        string.IsNullOrEmpty(data.InvitationId)
            ? throw new CallbackFormatException($"{where}: data.invitationId is missing.")
            : new InvitationId(data.InvitationId);

    private static MediaOperationEnded Ended(string id, CallId callId, DateTimeOffset time, AcsEventData data, MediaKind kind, MediaStatus outcome, ResultInfo? result) =>
        new(id, callId, time, OperationId(id, data), kind, outcome, result)
        {
            // Only a completed recognition says what was pressed.
            Tones = kind == MediaKind.Recognize && outcome == MediaStatus.Completed ? Tones(data.DtmfResult?.Tones) : null,
        };

    // The contract's Tone names as the keys a caller pressed ("one" → "1", "pound" → "#"); unknown names are kept.
    private static string? Tones(IReadOnlyList<string>? tones) =>
        tones is not { Count: > 0 } ? null : string.Concat(tones.Select(t => t.ToLowerInvariant() switch
        {
            "zero" => "0", "one" => "1", "two" => "2", "three" => "3", "four" => "4", "five" => "5", "six" => "6",
            "seven" => "7", "eight" => "8", "nine" => "9", "pound" => "#", "asterisk" => "*",
            var other => other,
        }));

    private static MediaOperationId OperationId(string eventId, AcsEventData data) =>
        new(string.IsNullOrEmpty(data.OperationContext) ? AcsCallbackParser.UncorrelatedPrefix + eventId : data.OperationContext);
}
