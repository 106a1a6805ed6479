using System.Text.Json.Nodes;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.Engine;

/// <summary>Graph commsNotification bodies (call state, participants, media operations).</summary>
internal static class GraphNotifications
{
    public static JsonObject CallState(GraphCall call, string clientState, string botAppId)
    {
        var data = Call(call, botAppId);
        if (call.State == GraphCallState.Terminated)
        {
            data["resultInfo"] = ResultInfo(200, 0, "The call ended normally.");
        }
        return Notification(call.State == GraphCallState.Terminated ? "deleted" : "updated", "/communications/calls/" + call.Id, clientState, data);
    }

    /// <summary>The call resource, as notifications carry it and <c>GET /communications/calls/{id}</c> returns it.</summary>
    public static JsonObject Call(GraphCall call, string botAppId) => new()
    {
        ["@odata.type"] = "#microsoft.graph.call",
        ["@odata.id"] = "/communications/calls/" + call.Id,
        ["id"] = call.Id,
        ["state"] = AcsCallEngine.Name(call.State),
        ["direction"] = "incoming",
        ["callChainId"] = call.CorrelationId,
        ["source"] = Participant(call.Caller, call.CallerName),
        ["targets"] = new JsonArray(new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.invitationParticipantInfo",
            ["identity"] = IdentitySet(Identifiers.TeamsApp(botAppId), "Call supervisor bot"),
        }),
    };

    public static JsonObject Participants(GraphCall call, string clientState) =>
        Notification("updated", $"/communications/calls/{call.Id}/participants", clientState, ParticipantList(call));

    /// <summary>The participant resources of a call (a full roster notification's resourceData, GET participants' value).</summary>
    public static JsonArray ParticipantList(GraphCall call)
    {
        var resource = $"/communications/calls/{call.Id}/participants";
        var list = new JsonArray();
        foreach (var p in call.Participants)
        {
            list.Add(new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.participant",
                ["@odata.id"] = $"{resource}/{p.Id}",
                ["id"] = p.Id,
                ["info"] = new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.participantInfo",
                    ["identity"] = IdentitySet(p.Identity, p.DisplayName),
                },
                ["isMuted"] = p.IsMuted,
                ["isInLobby"] = false,
                ["mediaStreams"] = new JsonArray(new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.mediaStream",
                    ["mediaType"] = "audio",
                    ["direction"] = "sendReceive",
                    ["serverMuted"] = false,
                }),
            });
        }
        return list;
    }

    /// <summary>
    /// A media operation. Running ones are "updated"; finished ones "deleted" with resultInfo and the completionReason
    /// of the operation's type (playPrompt: completedSuccessfully|mediaOperationCanceled; record:
    /// maxRecordDurationReached|operationCanceled).
    /// </summary>
    public static JsonObject Operation(GraphCall call, GraphMediaOperation operation, string clientState)
    {
        var resource = $"/communications/calls/{call.Id}/operations/{operation.Id}";
        var isPrompt = operation.Kind == "playPrompt";
        var data = new JsonObject
        {
            ["@odata.type"] = operation.ODataType,
            ["@odata.id"] = resource,
            ["id"] = operation.Id,
            ["status"] = AcsCallEngine.Name(operation.Status),
            ["clientContext"] = operation.ClientContext,
        };
        switch (operation.Status)
        {
            case GraphOperationStatus.Completed:
                data["resultInfo"] = ResultInfo(200, 0, "Action completed successfully.");
                data["completionReason"] = isPrompt ? "completedSuccessfully" : "maxRecordDurationReached";
                break;
            case GraphOperationStatus.Failed:
                data["resultInfo"] = ResultInfo(400, 8508, "Action failed, the operation was canceled.");
                data["completionReason"] = isPrompt ? "mediaOperationCanceled" : "operationCanceled";
                break;
        }
        if (!isPrompt && operation.Status != GraphOperationStatus.Running)
        {
            data["recordingLocation"] = operation.Status == GraphOperationStatus.Completed
                ? $"https://emulator.invalid/recordings/{operation.Id}.wav"
                : string.Empty;
        }
        return Notification(operation.Status == GraphOperationStatus.Running ? "updated" : "deleted", resource, clientState, data);
    }

    /// <summary>communicationsIdentitySet for an identifier: phone, Teams user, ACS user, or application (the bot).</summary>
    public static JsonObject IdentitySet(IdentifierModel id, string displayName)
    {
        var set = new JsonObject { ["@odata.type"] = "#microsoft.graph.communicationsIdentitySet" };
        switch (id.Kind)
        {
            case Identifiers.PhoneNumber:
                set["phone"] = Identity(id.PhoneNumber!.Value, displayName);
                break;
            case Identifiers.MicrosoftTeamsUser:
                set["user"] = Identity(id.MicrosoftTeamsUser!.UserId, displayName);
                break;
            case Identifiers.MicrosoftTeamsApp:
                set["application"] = Identity(id.MicrosoftTeamsApp!.AppId, displayName);
                break;
            default:
                set["azureCommunicationServicesUser"] = Identity(id.RawId ?? string.Empty, displayName);
                break;
        }
        return set;
    }

    private static JsonObject Participant(IdentifierModel id, string displayName) => new()
    {
        ["@odata.type"] = "#microsoft.graph.participantInfo",
        ["identity"] = IdentitySet(id, displayName),
    };

    private static JsonObject Identity(string id, string displayName) => new()
    {
        ["@odata.type"] = "#microsoft.graph.identity",
        ["id"] = id,
        ["displayName"] = displayName,
    };

    private static JsonObject ResultInfo(int code, int subcode, string message) => new()
    {
        ["@odata.type"] = "#microsoft.graph.resultInfo",
        ["code"] = code,
        ["subcode"] = subcode,
        ["message"] = message,
    };

    private static JsonObject Notification(string changeType, string resource, string clientState, JsonNode data) => new()
    {
        ["@odata.type"] = "#microsoft.graph.commsNotification",
        ["changeType"] = changeType,
        ["resource"] = resource,
        ["resourceUrl"] = resource,
        ["clientState"] = clientState,
        ["resourceData"] = data,
    };
}
