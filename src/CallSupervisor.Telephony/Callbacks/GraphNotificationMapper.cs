using System.Collections.Immutable;
using System.Text.Json;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>Maps one Graph commsNotification to Core events (see <see cref="GraphNotificationParser"/>).</summary>
internal static class GraphNotificationMapper
{
    /// <summary>Graph's subcode for an operation ended by cancelMediaProcessing.</summary>
    public const int OperationCanceledSubcode = 8508;

    private static readonly string[] CallPrefixes = ["/app/calls/", "/communications/calls/"];

    public sealed record Context(
        DateTimeOffset ReceivedAt, ImmutableArray<CallEvent>.Builder Events, ImmutableArray<UnmappedEvent>.Builder Unmapped, Func<int> NextRosterSequence);

    public static void Map(JsonElement notification, string where, Context context)
    {
        if (notification.ValueKind != JsonValueKind.Object)
        {
            throw new CallbackFormatException($"{where}: expected a notification object.");
        }

        var changeType = JsonEnvelope.RequireString(notification, "changeType", where);
        var resource = JsonEnvelope.OptionalString(notification, "resourceUrl") ?? JsonEnvelope.OptionalString(notification, "resource")
            ?? throw new CallbackFormatException($"{where}: 'resourceUrl' (or 'resource') is missing.");
        if (!notification.TryGetProperty("resourceData", out var data) || data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            throw new CallbackFormatException($"{where}: 'resourceData' is missing or not an object/array.");
        }

        var path = ParsePath(resource);
        var state = data.ValueKind == JsonValueKind.Object ? JsonEnvelope.OptionalString(data, "state") ?? JsonEnvelope.OptionalString(data, "status") : null;
        var id = GraphNotificationParser.NotificationId(resource, state, notification);
        if (path is null)
        {
            context.Unmapped.Add(new UnmappedEvent(id, Describe(changeType, resource), "Not a call resource."));
            return;
        }

        var (callId, rest, operationId) = path.Value;
        if (rest.Length == 0)
        {
            MapCall(id, callId, changeType, data, where, context);
        }
        else if (rest.Equals("participants", StringComparison.OrdinalIgnoreCase))
        {
            MapParticipants(id, callId, changeType, data, where, context);
        }
        else if (operationId is not null)
        {
            MapOperation(id, callId, operationId, changeType, data, where, context);
        }
        else
        {
            context.Unmapped.Add(new UnmappedEvent(id, Describe(changeType, resource), "Not a call, participants or operation resource."));
        }
    }

    private static void MapCall(string id, CallId callId, string changeType, JsonElement data, string where, Context context)
    {
        RequireObject(data, where);
        var state = JsonEnvelope.OptionalString(data, "state");
        if (changeType.Equals("deleted", StringComparison.OrdinalIgnoreCase) || string.Equals(state, "terminated", StringComparison.OrdinalIgnoreCase))
        {
            context.Events.Add(new CallDisconnected(id, callId, context.ReceivedAt, ResultInfoOf(data)));
        }
        else if (string.Equals(state, "established", StringComparison.OrdinalIgnoreCase))
        {
            JsonElement sourceIdentity = default;
            var hasSource = data.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object && source.TryGetProperty("identity", out sourceIdentity);
            var caller = hasSource ? GraphIdentityMapper.FromIdentitySet(sourceIdentity) : null;
            var callerName = hasSource ? GraphIdentityMapper.DisplayNameOf(sourceIdentity) : null;
            CommunicationIdentifier? callee = null;
            if (data.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Array)
            {
                callee = targets.EnumerateArray()
                    .Where(t => t.ValueKind == JsonValueKind.Object && t.TryGetProperty("identity", out _))
                    .Select(t => GraphIdentityMapper.FromIdentitySet(t.GetProperty("identity")))
                    .FirstOrDefault(i => i is not null);
            }

            context.Events.Add(new CallConnected(id, callId, context.ReceivedAt, CallPlatform.Graph, null, JsonEnvelope.OptionalString(data, "callChainId"), caller, callee)
            {
                CallerName = callerName,
            });
        }
        else
        {
            context.Unmapped.Add(new UnmappedEvent(id, "#microsoft.graph.call", $"Call state '{state}' is not tracked."));
        }
    }

    private static void MapParticipants(string id, CallId callId, string changeType, JsonElement data, string where, Context context)
    {
        if (changeType.Equals("deleted", StringComparison.OrdinalIgnoreCase))
        {
            context.Unmapped.Add(new UnmappedEvent(id, "#microsoft.graph.participant", "Removals are reflected by the next full roster."));
            return;
        }

        if (data.ValueKind != JsonValueKind.Array)
        {
            // A deltaParticipants object lists only the participants that changed: applying it as the roster
            // would drop everyone else, so it waits for the next full roster.
            context.Unmapped.Add(new UnmappedEvent(id, JsonEnvelope.OptionalString(data, "@odata.type") ?? "#microsoft.graph.participant",
                "Only full rosters (an array of participants) are applied; the next full roster reflects this change."));
            return;
        }

        var roster = ImmutableArray.CreateBuilder<ParticipantState>();
        var index = 0;
        foreach (var participant in data.EnumerateArray())
        {
            var at = $"{where}.resourceData[{index++}]";
            RequireObject(participant, at);
            JsonElement set = default;
            var hasIdentity = participant.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object && info.TryGetProperty("identity", out set);
            var identity = hasIdentity ? GraphIdentityMapper.FromIdentitySet(set) : null;
            var identifier = identity ?? throw new CallbackFormatException($"{at}: 'info.identity' has no identity with an id.");
            var isMuted = participant.TryGetProperty("isMuted", out var muted) && muted.ValueKind == JsonValueKind.True;
            // Graph participants have no hold flag.
            roster.Add(new ParticipantState(identifier, isMuted, IsOnHold: false) { DisplayName = GraphIdentityMapper.DisplayNameOf(set) });
        }

        context.Events.Add(new ParticipantsUpdated(id, callId, context.ReceivedAt, context.NextRosterSequence(), roster.ToImmutable()));
    }

    private static void MapOperation(string id, CallId callId, string operationIdFromPath, string changeType, JsonElement data, string where, Context context)
    {
        RequireObject(data, where);
        var type = JsonEnvelope.OptionalString(data, "@odata.type") ?? "(no @odata.type)";
        MediaKind? kind = type switch
        {
            "#microsoft.graph.playPromptOperation" => MediaKind.GraphPlayPrompt,
            "#microsoft.graph.recordOperation" => MediaKind.GraphRecordResponse,
            _ => null,
        };
        if (kind is null)
        {
            // commsOperation (e.g. the cancelMediaProcessing request itself) and other operations have no Core counterpart.
            context.Unmapped.Add(new UnmappedEvent(id, type, "Not a media operation the dashboard tracks."));
            return;
        }

        var operationId = new MediaOperationId(JsonEnvelope.OptionalString(data, "id") is { Length: > 0 } dataId ? dataId : operationIdFromPath);
        var status = JsonEnvelope.OptionalString(data, "status");
        var result = ResultInfoOf(data);
        CallEvent? mapped = status?.ToUpperInvariant() switch
        {
            "RUNNING" => new MediaOperationStarted(id, callId, context.ReceivedAt, operationId, kind.Value, JsonEnvelope.OptionalString(data, "clientContext")),
            "COMPLETED" => new MediaOperationEnded(id, callId, context.ReceivedAt, operationId, kind.Value, MediaStatus.Completed, result),
            "FAILED" => new MediaOperationEnded(id, callId, context.ReceivedAt, operationId, kind.Value, IsCancellation(data, result) ? MediaStatus.Cancelled : MediaStatus.Failed, result),
            _ => null,
        };
        if (mapped is null)
        {
            context.Unmapped.Add(new UnmappedEvent(id, type, $"Operation status '{status}' ({changeType}) is not tracked."));
            return;
        }

        context.Events.Add(mapped);
    }

    // cancelMediaProcessing ends each running operation as failed with subcode 8508 and a completionReason of
    // operationCanceled (recordOperation) or mediaOperationCanceled (playPromptOperation).
    private static bool IsCancellation(JsonElement data, ResultInfo? result) =>
        result?.SubCode == OperationCanceledSubcode ||
        JsonEnvelope.OptionalString(data, "completionReason") is { } reason &&
        (reason.Equals("operationCanceled", StringComparison.OrdinalIgnoreCase) || reason.Equals("mediaOperationCanceled", StringComparison.OrdinalIgnoreCase));

    private static ResultInfo? ResultInfoOf(JsonElement data)
    {
        if (!data.TryGetProperty("resultInfo", out var info) || info.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new ResultInfo(IntOf(info, "code"), IntOf(info, "subcode"), JsonEnvelope.OptionalString(info, "message"));
    }

    /// <summary>
    /// resultInfo code and subcode are numbers in Graph's schema, but Graph's own examples (and some deliveries)
    /// send them as strings ("200", "5001"): both are read.
    /// </summary>
    private static int IntOf(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return 0;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var number) => number,
            JsonValueKind.String when int.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => 0,
        };
    }

    /// <summary>(callId, rest after the call id, operation id) of <c>/app/calls/{id}[/…]</c> or <c>/communications/calls/{id}[/…]</c>.</summary>
    private static (CallId CallId, string Remainder, string? OperationId)? ParsePath(string resource)
    {
        var path = Uri.TryCreate(resource, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : resource;
        foreach (var prefix in CallPrefixes)
        {
            var start = path.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
            if (start < 0)
            {
                continue;
            }

            var segments = path[(start + prefix.Length)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length == 0)
            {
                return null;
            }

            var rest = string.Join('/', segments.Skip(1));
            var operationId = segments.Length == 3 && segments[1].Equals("operations", StringComparison.OrdinalIgnoreCase) ? segments[2] : null;
            return (new CallId(Uri.UnescapeDataString(segments[0])), rest, operationId);
        }

        return null;
    }

    private static void RequireObject(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CallbackFormatException($"{where}: expected an object.");
        }
    }

    private static string Describe(string changeType, string resource) => $"{changeType} {resource}";
}
