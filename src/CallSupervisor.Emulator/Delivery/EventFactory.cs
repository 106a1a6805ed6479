using System.Text.Json.Nodes;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.Delivery;

/// <summary>
/// Wraps event payloads in the envelopes ACS, Event Grid and Graph use. Event ids are fresh GUIDs (not seeded) so an
/// app that de-duplicates on id never mistakes a new run's events for old ones.
/// </summary>
internal sealed class EventFactory(TimeProvider timeProvider, string resourceId)
{
    private const string EventPrefix = "Microsoft.Communication.";

    public static AcsEventData Data(AcsCall call, string? operationContext = null, ResultInformationModel? result = null) =>
        new(call.CallConnectionId, call.ServerCallId, call.CorrelationId, operationContext, result);

    public Delivery Acs(AcsCall call, Uri callbackUri, string type, AcsEventData data)
    {
        var source = "calling/callConnections/" + call.CallConnectionId;
        var cloudEvent = new CloudEvent(
            Guid.NewGuid().ToString(), source, EventPrefix + type, data, Now(), "1.0", "application/json", source);
        return new Delivery(DeliveryKind.Acs, call.CallConnectionId, cloudEvent.Id, cloudEvent.Type, callbackUri,
            EmulatorJson.Serialize(new[] { cloudEvent }));
    }

    public Delivery IncomingCall(AcsCall call)
    {
        var data = new IncomingCallData(call.Target, call.Caller, call.ServerCallId, call.CallerName, call.IncomingCallContext, call.CorrelationId);
        var gridEvent = new EventGridEvent(
            Guid.NewGuid().ToString(), Topic, $"/caller/{call.Caller.RawId}/recipient/{call.Target.RawId}", data,
            EventPrefix + "IncomingCall", Now(), "1.0", "1");
        return new Delivery(DeliveryKind.EventGrid, "incoming:" + call.CorrelationId, gridEvent.Id, gridEvent.EventType, null,
            EmulatorJson.Serialize(new[] { gridEvent }));
    }

    public byte[] SubscriptionValidation(string validationCode) => EmulatorJson.Serialize(new[]
    {
        new EventGridEvent(
            Guid.NewGuid().ToString(), Topic, string.Empty, new SubscriptionValidationData(validationCode, null),
            "Microsoft.EventGrid.SubscriptionValidationEvent", Now(), "2", "1"),
    });

    /// <summary>A commsNotifications body with one notification.</summary>
    public static Delivery Graph(string callId, JsonObject notification)
    {
        var body = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.commsNotifications",
            ["value"] = new JsonArray(notification),
        };
        var type = notification["resourceData"] is JsonObject data ? (string?)data["@odata.type"] : "#microsoft.graph.participant";
        return new Delivery(DeliveryKind.Graph, "graph:" + callId, Guid.NewGuid().ToString(), type ?? "commsNotification", null,
            System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    private string Topic =>
        $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/emulator/providers/Microsoft.Communication/communicationServices/{resourceId}";

    private DateTime Now() => timeProvider.GetUtcNow().UtcDateTime;
}
