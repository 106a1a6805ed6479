using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>
/// Length limits on what a callback may carry into the store. ACS and Graph ids are well under 256 characters;
/// without a bound a caller could post ids of any size and have them kept in the de-duplication set and the
/// board (each remembered id is then at most 256 characters, so the store's id memory is bounded by count).
/// A value over its limit makes the callback malformed (400) without echoing the value.
/// <para>Ids must also be free of control characters (NUL, CR, LF, TAB, NEL, DEL, …, and the Unicode line and paragraph
/// separators): an id is put in request paths (re-reads, actions) and log lines, and a call whose id cannot be sent back
/// to ACS could never be re-read or closed. Texts (display names, result messages) are only shown, and keep theirs.</para>
/// </summary>
internal static class CallbackLimits
{
    /// <summary>Event ids, call connection ids, invitation ids, operation contexts, participant raw ids.</summary>
    public const int MaxIdLength = 256;

    /// <summary>serverCallId and correlationId (base64 of a URL for serverCallId) and short texts.</summary>
    public const int MaxLongIdLength = 1024;

    /// <summary>Result messages and display names.</summary>
    public const int MaxTextLength = 4096;

    /// <summary>The Event Grid incomingCallContext is a signed token of a few kilobytes.</summary>
    public const int MaxIncomingCallContextLength = 64 * 1024;

    /// <summary>An id: at most <paramref name="max"/> characters, none of them a control character.</summary>
    public static void Check(string? value, string name, string where, int max = MaxIdLength)
    {
        CheckText(value, name, where, max);
        if (value is not null && value.AsSpan().IndexOfAny(ControlCharacters) is var at and >= 0)
        {
            throw new CallbackFormatException($"{where}: '{name}' contains a control character (U+{(int)value[at]:X4}) at position {at}; ids may not.");
        }
    }

    /// <summary>A text (a name or a message): at most <paramref name="max"/> characters.</summary>
    public static void CheckText(string? value, string name, string where, int max = MaxTextLength)
    {
        if (value is not null && value.Length > max)
        {
            throw new CallbackFormatException($"{where}: '{name}' is {value.Length} characters long; at most {max} are accepted.");
        }
    }

    // Unicode category Cc (U+0000–U+001F, U+007F–U+009F) and the line/paragraph separators, which split log lines too.
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c), '\u2028', '\u2029']);

    /// <summary>Checks every id and text of a mapped event.</summary>
    public static void Check(CallEvent e, string where)
    {
        Check(e.EventId, "id", where);
        Check(e.CallId.Value, "callConnectionId", where);
        switch (e)
        {
            case CallConnected c:
                Check(c.ServerCallId, "serverCallId", where, MaxLongIdLength);
                Check(c.CorrelationId, "correlationId", where, MaxLongIdLength);
                Check(c.Caller, "caller", where);
                Check(c.Callee, "callee", where);
                break;
            case CallDisconnected d:
                Check(d.Result, where);
                break;
            case ParticipantsUpdated p:
                foreach (var participant in p.Participants)
                {
                    Check(participant.Identifier, "participants[].identifier", where);
                }
                break;
            case AddParticipantSucceeded s:
                Check(s.OperationContext, "operationContext", where);
                Check(s.Participant, "participant", where);
                break;
            case AddParticipantFailed f:
                Check(f.OperationContext, "operationContext", where);
                Check(f.Participant, "participant", where);
                Check(f.Result, where);
                break;
            case CancelAddParticipantSucceeded cs:
                Check(cs.InvitationId.Value, "invitationId", where);
                Check(cs.OperationContext, "operationContext", where);
                break;
            case CancelAddParticipantFailed cf:
                Check(cf.InvitationId.Value, "invitationId", where);
                Check(cf.OperationContext, "operationContext", where);
                Check(cf.Result, where);
                break;
            case OperationReported o:
                Check(o.OperationContext, "operationContext", where);
                Check(o.Participant, "participant", where);
                Check(o.TransferTarget, "transferTarget", where);
                Check(o.Transferee, "transferee", where);
                Check(o.Result, where);
                break;
            case MediaOperationStarted ms:
                // An operation without operationContext is named after its event id (see AcsCallbackParser).
                Check(ms.OperationId.Value, "operationContext", where, MaxIdLength + AcsCallbackParser.UncorrelatedPrefix.Length);
                CheckText(ms.Description, "clientContext", where, MaxIdLength);
                break;
            case MediaOperationEnded me:
                Check(me.OperationId.Value, "operationContext", where, MaxIdLength + AcsCallbackParser.UncorrelatedPrefix.Length);
                Check(me.Result, where);
                break;
            case RecordingChanged r:
                // ACS recording ids are base64 of a JSON document, like serverCallId: the long limit.
                Check(r.RecordingId, "recordingId", where, MaxLongIdLength);
                break;
            default:
                // A parser that maps a new event type must say here which of its ids and texts to bound; unchecked,
                // an id with a control character would reach the store and the request paths.
                throw new InvalidOperationException($"No callback limits are defined for {e.GetType().Name}.");
        }
    }

    public static void Check(IncomingCall call, string where)
    {
        Check(call.EventId, "id", where);
        Check(call.IncomingCallContext, "incomingCallContext", where, MaxIncomingCallContextLength);
        Check(call.From, "from", where);
        Check(call.To, "to", where);
        Check(call.ServerCallId, "serverCallId", where, MaxLongIdLength);
        Check(call.CorrelationId, "correlationId", where, MaxLongIdLength);
        CheckText(call.CallerDisplayName, "callerDisplayName", where, MaxLongIdLength);
    }

    private static void Check(CommunicationIdentifier? identifier, string name, string where)
    {
        if (identifier is not null)
        {
            Check(identifier.RawId, name + ".rawId", where);
            Check(identifier.Value, name, where);
        }
    }

    private static void Check(ResultInfo? result, string where) =>
        CheckText(result?.Message, "resultInformation.message", where, MaxTextLength);
}
