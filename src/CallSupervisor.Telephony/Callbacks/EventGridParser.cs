using System.Collections.Immutable;
using System.Text;
using CallSupervisor.Core.Events;
using CallSupervisor.Telephony.Acs;
using CallSupervisor.Telephony.Callbacks.Wire;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>
/// Parses an Event Grid webhook delivery for the incoming-call subscription: a JSON array of events in the Event
/// Grid schema (<c>id</c>, <c>eventType</c>, <c>eventTime</c>, <c>data</c>). Events in the CloudEvents schema
/// (<c>type</c>, <c>time</c>) are read as well, so either subscription schema works, and one event object (the
/// CloudEvents structured mode) is a batch of one. A CloudEvents-schema subscription is validated by the webhook
/// handshake (an <c>OPTIONS</c> request, answered by the endpoint), not by a validation event.
/// </summary>
/// <remarks>
/// <c>Microsoft.EventGrid.SubscriptionValidationEvent</c> yields <see cref="EventGridParseResult.ValidationCode"/>
/// (the endpoint answers <c>{"validationResponse": code}</c>); <c>Microsoft.Communication.IncomingCall</c> yields an
/// <see cref="IncomingCall"/>; anything else is unmapped. Like the ACS parser, one malformed event fails the batch.
/// </remarks>
public sealed class EventGridParser(TimeProvider timeProvider)
{
    public const string SubscriptionValidationType = "Microsoft.EventGrid.SubscriptionValidationEvent";
    public const string IncomingCallType = "Microsoft.Communication.IncomingCall";

    public EventGridParseResult Parse(string body) => Parse(Encoding.UTF8.GetBytes(body));

    public EventGridParseResult Parse(ReadOnlyMemory<byte> utf8Body)
    {
        try
        {
            using var document = JsonEnvelope.ParseDocument(utf8Body);
            var elements = JsonEnvelope.EventArray(document.RootElement, "Event Grid events", "an event object");
            string? validationCode = null;
            var calls = ImmutableArray.CreateBuilder<IncomingCall>();
            var unmapped = ImmutableArray.CreateBuilder<UnmappedEvent>();
            var receivedAt = timeProvider.GetUtcNow();
            foreach (var (element, at) in elements)
            {
                var id = JsonEnvelope.RequireString(element, "id", at);
                CallbackLimits.Check(id, "id", at);
                var isCloudEvent = !element.TryGetProperty("eventType", out _) && element.TryGetProperty("type", out _);
                var type = JsonEnvelope.RequireString(element, isCloudEvent ? "type" : "eventType", at);
                CallbackLimits.Check(type, "eventType", at);
                var where = $"{at} ({type}, id {id})";
                switch (type)
                {
                    case SubscriptionValidationType:
                        var validation = JsonEnvelope.RequireData(element, where, CallbackJsonContext.Default.SubscriptionValidationData);
                        validationCode = !string.IsNullOrEmpty(validation.ValidationCode)
                            ? validation.ValidationCode
                            : throw new CallbackFormatException($"{where}: data.validationCode is missing.");
                        break;
                    case IncomingCallType:
                        var time = JsonEnvelope.OptionalTime(element, isCloudEvent ? "time" : "eventTime", where, receivedAt);
                        var call = MapIncomingCall(id, time, JsonEnvelope.RequireData(element, where, CallbackJsonContext.Default.IncomingCallData), where);
                        CallbackLimits.Check(call, where);
                        calls.Add(call);
                        break;
                    default:
                        unmapped.Add(new UnmappedEvent(id, type, "Not an event type the incoming-call webhook handles."));
                        break;
                }
            }

            return new EventGridParseResult(CallbackParseStatus.Ok, validationCode, calls.ToImmutable(), unmapped.ToImmutable(), null);
        }
        catch (CallbackFormatException e)
        {
            return EventGridParseResult.Malformed(e.Message);
        }
    }

    private static IncomingCall MapIncomingCall(string id, DateTimeOffset time, IncomingCallData data, string where)
    {
        if (string.IsNullOrEmpty(data.IncomingCallContext))
        {
            throw new CallbackFormatException($"{where}: data.incomingCallContext is missing.");
        }

        var from = IdentifierMapper.FromModel(data.From, out var fromError) ?? throw new CallbackFormatException($"{where}: data.from: {fromError}.");
        var to = IdentifierMapper.FromModel(data.To, out var toError) ?? throw new CallbackFormatException($"{where}: data.to: {toError}.");
        return new IncomingCall(id, time, data.IncomingCallContext, from, to, data.ServerCallId, data.CorrelationId, data.CallerDisplayName);
    }
}
