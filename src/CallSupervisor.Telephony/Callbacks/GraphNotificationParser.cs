using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CallSupervisor.Core.Events;
using CallSupervisor.Telephony.Options;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>
/// Parses Graph commsNotifications (<c>{"value":[{changeType, resourceUrl|resource, clientState, resourceData}]}</c>)
/// for Graph-hosted calls into Core events. Register as a singleton (it owns the roster sequence).
/// </summary>
/// <remarks>
/// <para><b>Authentication.</b> Every notification must carry <c>clientState</c> equal to
/// <see cref="GraphOptions.ClientState"/> (compared in constant time); one mismatch makes the whole body
/// Unauthenticated and nothing is applied.</para>
/// <para><b>One bad notification.</b> Only the envelope (JSON, a <c>value</c> array) can make the body Malformed.
/// A notification that does not parse is returned as a malformed <see cref="UnmappedEvent"/> and the others are
/// applied: Graph does not resend the items of a refused batch one by one.</para>
/// <para><b>Event ids.</b> Graph notifications have no id. The id is <c>graph:</c> + the first 128 bits (hex) of
/// SHA-256 over resource path, state/status and the notification's exact JSON text: a redelivery of the same
/// notification gets the same id (and is de-duplicated by the store), while two different notifications of one
/// resource differ in state or content.</para>
/// <para><b>Time.</b> Notifications carry no timestamp; OccurredAt is the receipt time.</para>
/// <para><b>Roster order.</b> Graph participant notifications carry the full roster but no sequence number. The
/// parser numbers rosters in arrival order with a process-wide monotonic counter, so the store's last-writer-wins
/// rule means "latest received wins". A redelivered old roster arriving after a newer one would win until the next
/// roster; Graph sends a fresh roster on every change, which bounds that window. Participant "deleted"
/// notifications list only the leavers and are left unmapped: the next full roster reflects them.</para>
/// </remarks>
public sealed class GraphNotificationParser(IOptions<GraphOptions> options, TimeProvider timeProvider)
{
    private int _rosterSequence;

    public CallbackParseResult Parse(string body) => Parse(Encoding.UTF8.GetBytes(body));

    public CallbackParseResult Parse(ReadOnlyMemory<byte> utf8Body)
    {
        var graph = options.Value;
        if (!graph.Enabled || string.IsNullOrEmpty(graph.ClientState))
        {
            return CallbackParseResult.Unauthenticated("Graph notifications are not accepted: Graph is disabled or Graph:ClientState is not set.");
        }

        try
        {
            using var document = JsonEnvelope.ParseDocument(utf8Body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return CallbackParseResult.Malformed("Expected a commsNotifications object with a 'value' array.");
            }

            if (!AllClientStatesMatch(value, graph.ClientState))
            {
                return CallbackParseResult.Unauthenticated("A notification's clientState does not match Graph:ClientState.");
            }

            var context = new GraphNotificationMapper.Context(
                timeProvider.GetUtcNow(), ImmutableArray.CreateBuilder<CallEvent>(), ImmutableArray.CreateBuilder<UnmappedEvent>(),
                () => Interlocked.Increment(ref _rosterSequence));
            var index = 0;
            foreach (var notification in value.EnumerateArray())
            {
                var where = $"value[{index++}]";
                var mapped = context.Events.Count;
                try
                {
                    GraphNotificationMapper.Map(notification, where, context);
                    for (var i = mapped; i < context.Events.Count; i++)
                    {
                        CallbackLimits.Check(context.Events[i], where);
                    }
                }
                catch (CallbackFormatException e)
                {
                    // Graph does not resend a refused batch item by item: one notification of a shape this parser
                    // does not know must not cost the others. It is kept (and logged) as a malformed item.
                    context.Events.Count = mapped;
                    context.Unmapped.Add(new UnmappedEvent(where, "#microsoft.graph.commsNotification", e.Message, Malformed: true));
                }
            }

            return CallbackParseResult.Ok(context.Events.ToImmutable(), context.Unmapped.ToImmutable());
        }
        catch (CallbackFormatException e)
        {
            return CallbackParseResult.Malformed(e.Message);
        }
    }

    /// <summary>The de-duplication id of a notification (see the class remarks).</summary>
    internal static string NotificationId(string resource, string? state, JsonElement notification)
    {
        var material = Encoding.UTF8.GetBytes(resource + "\n" + state + "\n" + notification.GetRawText());
        return "graph:" + Convert.ToHexStringLower(SHA256.HashData(material).AsSpan(0, 16));
    }

    private static bool AllClientStatesMatch(JsonElement notifications, string expected)
    {
        var expectedBytes = Encoding.UTF8.GetBytes(expected);
        foreach (var notification in notifications.EnumerateArray())
        {
            var actual = notification.ValueKind == JsonValueKind.Object ? JsonEnvelope.OptionalString(notification, "clientState") : null;
            if (actual is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), expectedBytes))
            {
                return false;
            }
        }

        return true;
    }
}
