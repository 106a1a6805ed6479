using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallSupervisor.Telephony.Acs.Wire;

/// <summary>
/// Source-generated serialization of the ACS wire models: camelCase as in the contract, nulls omitted (optional
/// properties are absent rather than null), unknown properties ignored so newer service versions still parse.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AnswerCallRequest))]
[JsonSerializable(typeof(CallConnectionProperties))]
[JsonSerializable(typeof(GetParticipantsResponse))]
[JsonSerializable(typeof(CommunicationErrorResponse))]
[JsonSerializable(typeof(MuteParticipantsRequest))]
[JsonSerializable(typeof(MuteParticipantsResult))]
[JsonSerializable(typeof(AddParticipantRequest))]
[JsonSerializable(typeof(AddParticipantResponse))]
[JsonSerializable(typeof(CancelAddParticipantRequest))]
[JsonSerializable(typeof(CancelAddParticipantResponse))]
[JsonSerializable(typeof(RemoveParticipantRequest))]
[JsonSerializable(typeof(HoldRequest))]
[JsonSerializable(typeof(UnholdRequest))]
[JsonSerializable(typeof(TransferToParticipantRequest))]
[JsonSerializable(typeof(StartCallRecordingRequest))]
[JsonSerializable(typeof(RecordingStateResponse))]
[JsonSerializable(typeof(PlayRequest))]
[JsonSerializable(typeof(RecognizeRequest))]
internal sealed partial class AcsJsonContext : JsonSerializerContext;
