using System.Text.Json;
using System.Text.Json.Serialization;

namespace CallSupervisor.Telephony.Callbacks.Wire;

/// <summary>Source-generated reading of callback event data (camelCase, unknown properties ignored).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AcsEventData))]
[JsonSerializable(typeof(IncomingCallData))]
[JsonSerializable(typeof(SubscriptionValidationData))]
internal sealed partial class CallbackJsonContext : JsonSerializerContext;
