using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Telephony.Callbacks.Wire;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>
/// Parses the body ACS posts to the callback URI: a JSON array of CloudEvents, or one CloudEvent object (structured
/// mode, a batch of one) (<c>id</c>, <c>type</c>
/// <c>Microsoft.Communication.X</c>, <c>time</c>, <c>data</c>, …) into Core events. The CloudEvent id becomes the
/// event id (the store's de-duplication key) and <c>time</c> the OccurredAt (receipt time when absent).
/// </summary>
/// <remarks>
/// <para>A batch is all or nothing: one malformed event (missing id/type/data, data not matching the contract)
/// makes the whole body Malformed, so a half-applied batch is never acknowledged. Types the dashboard does not
/// track are returned as <see cref="UnmappedEvent"/>s and never fail the batch.</para>
/// <para>Media operations are identified by the operationContext of the request that started them. A media event
/// without operationContext cannot be correlated; it is still mapped, with the synthetic operation id
/// <c>uncorrelated:{cloudEventId}</c>, so it stays visible (and de-duplicated) instead of being dropped.</para>
/// <para>Every mapped event needs data.callConnectionId, except RecordingStateChanged: without one (the shape ACS posts
/// to a recordingStateCallbackUri, which the app does not set) it is checked and then returned unmapped.</para>
/// </remarks>
public sealed class AcsCallbackParser(TimeProvider timeProvider)
{
    public const string TypePrefix = "Microsoft.Communication.";
    public const string UncorrelatedPrefix = "uncorrelated:";

    public CallbackParseResult Parse(string body) => Parse(Encoding.UTF8.GetBytes(body));

    public CallbackParseResult Parse(ReadOnlyMemory<byte> utf8Body)
    {
        try
        {
            using var document = JsonEnvelope.ParseDocument(utf8Body);
            var elements = JsonEnvelope.EventArray(document.RootElement, "CloudEvents", "a CloudEvent object");
            var events = ImmutableArray.CreateBuilder<CallEvent>();
            var unmapped = ImmutableArray.CreateBuilder<UnmappedEvent>();
            var receivedAt = timeProvider.GetUtcNow();
            foreach (var (element, where) in elements)
            {
                ParseEvent(element, where, receivedAt, events, unmapped);
            }

            return CallbackParseResult.Ok(events.ToImmutable(), unmapped.ToImmutable());
        }
        catch (CallbackFormatException e)
        {
            return CallbackParseResult.Malformed(e.Message);
        }
    }

    private static void ParseEvent(JsonElement element, string where, DateTimeOffset receivedAt, ImmutableArray<CallEvent>.Builder events, ImmutableArray<UnmappedEvent>.Builder unmapped)
    {
        var id = JsonEnvelope.RequireString(element, "id", where);
        CallbackLimits.Check(id, "id", where);
        var type = JsonEnvelope.RequireString(element, "type", where);
        CallbackLimits.Check(type, "type", where);
        where = $"{where} ({type}, id {id})";
        var name = type.StartsWith(TypePrefix, StringComparison.Ordinal) ? type[TypePrefix.Length..] : null;
        if (name is null || !AcsEventMapper.IsMapped(name))
        {
            unmapped.Add(new UnmappedEvent(id, type, "Not an event type the dashboard tracks."));
            return;
        }

        var time = JsonEnvelope.OptionalTime(element, "time", where, receivedAt);
        var data = JsonEnvelope.RequireData(element, where, CallbackJsonContext.Default.AcsEventData);
        if (string.IsNullOrEmpty(data.CallConnectionId) && name == AcsEventMapper.RecordingStateChanged)
        {
            // What ACS posts to a recordingStateCallbackUri: only the serverCallId. The app sets none (ACS then posts
            // to the call's callback, with callConnectionId), and the board keys calls by callConnectionId: such an
            // event is valid but cannot be applied. Acknowledged and logged as unmapped; a 400 would only make ACS
            // send it again. Its own fields are still checked, so a malformed one is refused like any other.
            var (recordingId, _) = AcsEventMapper.ReadRecording(data, where);
            CallbackLimits.Check(recordingId, "recordingId", where, CallbackLimits.MaxLongIdLength);
            unmapped.Add(new UnmappedEvent(id, type, "A recording state with no callConnectionId (only a serverCallId): the board keys calls by callConnectionId."));
            return;
        }

        if (string.IsNullOrEmpty(data.CallConnectionId))
        {
            throw new CallbackFormatException($"{where}: data.callConnectionId is missing.");
        }

        var mapped = AcsEventMapper.Map(name, id, new CallId(data.CallConnectionId), time, data, where);
        CallbackLimits.Check(mapped, where);
        events.Add(mapped);
    }
}
