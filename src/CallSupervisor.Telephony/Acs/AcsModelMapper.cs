using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Acs.Wire;

namespace CallSupervisor.Telephony.Acs;

/// <summary>Maps ACS response models to Core types.</summary>
internal static class AcsModelMapper
{
    /// <summary>
    /// CallConnectionStateModel to <see cref="CallState"/>. "transferring" has no Core state: the call is still
    /// connected while a transfer is attempted, so it maps to Connected.
    /// </summary>
    public static CallState ToCallState(string? state) => state?.ToUpperInvariant() switch
    {
        "CONNECTING" => CallState.Connecting,
        "CONNECTED" or "TRANSFERRING" => CallState.Connected,
        "TRANSFERACCEPTED" => CallState.TransferAccepted,
        "DISCONNECTING" => CallState.Disconnecting,
        "DISCONNECTED" => CallState.Disconnected,
        _ => CallState.Unknown,
    };

    /// <summary>Null when the response lacks the callConnectionId. Unreadable targets are skipped.</summary>
    public static CallDetails? ToCallDetails(CallConnectionProperties properties)
    {
        if (string.IsNullOrEmpty(properties.CallConnectionId))
        {
            return null;
        }

        var targets = (properties.Targets ?? [])
            .Select(t => IdentifierMapper.FromModel(t, out _))
            .OfType<CommunicationIdentifier>()
            .ToList();
        var source = properties.Source is null ? null : IdentifierMapper.FromModel(properties.Source, out _);
        return new CallDetails(
            new CallId(properties.CallConnectionId), properties.ServerCallId, properties.CorrelationId,
            ToCallState(properties.CallConnectionState), source, targets);
    }

    /// <summary>Participants of a page; entries without a readable identifier cannot be shown and are skipped.</summary>
    public static IEnumerable<ParticipantState> ToParticipants(IReadOnlyList<CallParticipantModel>? participants)
    {
        foreach (var participant in participants ?? [])
        {
            if (IdentifierMapper.FromModel(participant.Identifier, out _) is { } identifier)
            {
                yield return new ParticipantState(identifier, participant.IsMuted ?? false, participant.IsOnHold ?? false);
            }
        }
    }

    public static ResultInfo? ToResultInfo(ResultInformationModel? result) =>
        result is null ? null : new ResultInfo(result.Code ?? 0, result.SubCode ?? 0, result.Message);
}
