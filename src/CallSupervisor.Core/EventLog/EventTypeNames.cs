using System.Collections.Frozen;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.EventLog;

/// <summary>
/// The name each event type is stored under in the event log (the JSON's <c>"type"</c>). The names are the log's
/// contract, not the C# names: a new event type gets a new name here, and a name is never changed or reused, or
/// logs written before would no longer read. Kept beside the log's serializers rather than on the events, which
/// stay plain records.
/// </summary>
internal static class EventTypeNames
{
    public static FrozenDictionary<Type, string> ByType { get; } = new Dictionary<Type, string>
    {
        [typeof(CallConnected)] = "callConnected",
        [typeof(CallDisconnected)] = "callDisconnected",
        [typeof(ParticipantsUpdated)] = "participantsUpdated",
        [typeof(InvitationRequested)] = "invitationRequested",
        [typeof(AddParticipantSucceeded)] = "addParticipantSucceeded",
        [typeof(AddParticipantFailed)] = "addParticipantFailed",
        [typeof(CancelAddParticipantSucceeded)] = "cancelAddParticipantSucceeded",
        [typeof(CancelAddParticipantFailed)] = "cancelAddParticipantFailed",
        [typeof(MediaOperationStarted)] = "mediaOperationStarted",
        [typeof(MediaOperationEnded)] = "mediaOperationEnded",
        [typeof(CallReconciled)] = "callReconciled",
        [typeof(InvitationExpired)] = "invitationExpired",
        [typeof(MediaExpired)] = "mediaExpired",
        [typeof(CallAnswered)] = "callAnswered",
        [typeof(ActionRequested)] = "actionRequested",
        [typeof(ActionFailed)] = "actionFailed",
        [typeof(ActionExpired)] = "actionExpired",
        [typeof(IncomingCallClaimed)] = "incomingCallClaimed",
        [typeof(CallQueued)] = "callQueued",
        [typeof(OfferPlanned)] = "offerPlanned",
        [typeof(OfferFailed)] = "offerFailed",
        [typeof(AgentStateChanged)] = "agentStateChanged",
        [typeof(OperationReported)] = "operationReported",
        [typeof(RecordingChanged)] = "recordingChanged",
        [typeof(TargetsChanged)] = "targetsChanged",
        [typeof(AlertAcknowledged)] = "alertAcknowledged",
    }.ToFrozenDictionary();
}
