using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Acs.Wire;
using CallSupervisor.Telephony.Http;
using CallSupervisor.Telephony.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Telephony.Acs;

/// <summary>
/// ACS Call Automation over REST (the ACS SDK is not available on the package feed), as a typed HttpClient whose
/// handler chain authenticates each attempt (HMAC or Entra bearer). Every request carries <c>?api-version=</c>
/// and follows the 2024-09-15 contract's body shape (the tests check each against the contract's example or schema).
/// Every operation whose contract lists Repeatability-Request-ID/First-Sent — answer, mute, add, cancelAddParticipant,
/// remove, transferToParticipant, terminate, start recording — carries them: the <see cref="Repeatability"/> the caller
/// gives (a request sent again after a restart, derived from the event log) or a pair created once per logical request.
/// Hold, unhold, play, recognize, cancelAllMediaOperations, pause/resume/stop recording and the reads carry none, as
/// the contract lists none. The resilience
/// handler in front of the signing handler retries the same message, so a retry keeps the pair and the body (see
/// <see cref="TelephonyResilience"/>). Any 2xx is success (the contract lists 200 for mute, hold, unhold and start
/// recording, 202 for add, cancel, remove, transfer and pause/resume recording, 204 for terminate, hang-up and stop
/// recording); anything else is returned as a
/// <see cref="TelephonyError"/> with the service's error code and message.
/// </summary>
public sealed partial class AcsCallAutomationClient : ICallAutomationPort
{
    /// <summary>Stops paging when a service keeps returning nextLinks (a call has at most a few hundred participants).</summary>
    internal const int MaxParticipantPages = 50;

    private readonly HttpClient _http;
    private readonly AcsOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TelephonyHttpSender _sender;

    public AcsCallAutomationClient(HttpClient httpClient, IOptions<AcsOptions> options, TimeProvider timeProvider, ILogger<AcsCallAutomationClient> logger)
    {
        _http = httpClient;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _sender = new TelephonyHttpSender(httpClient, timeProvider);
    }

    public Task<TelephonyResult<Unit>> MuteAsync(CallId callId, CommunicationIdentifier participant, string operationContext, CancellationToken cancellationToken)
    {
        var body = new MuteParticipantsRequest { TargetParticipants = [IdentifierMapper.ToModel(participant)], OperationContext = operationContext };
        return SendAsync(HttpMethod.Post, CallPath(callId, "/participants:mute"), Json(body, AcsJsonContext.Default.MuteParticipantsRequest), repeatable: true, NoContent, cancellationToken);
    }

    public Task<TelephonyResult<Unit>> CancelAddParticipantAsync(CallId callId, InvitationId invitationId, string operationContext, CancellationToken cancellationToken)
    {
        var body = new CancelAddParticipantRequest { InvitationId = invitationId.Value, OperationContext = operationContext };
        return SendAsync(HttpMethod.Post, CallPath(callId, "/participants:cancelAddParticipant"), Json(body, AcsJsonContext.Default.CancelAddParticipantRequest), repeatable: true, NoContent, cancellationToken);
    }

    public Task<TelephonyResult<Unit>> RemoveParticipantAsync(CallId callId, CommunicationIdentifier participant, string operationContext, Repeatability? repeatability, CancellationToken cancellationToken)
    {
        var body = new RemoveParticipantRequest { ParticipantToRemove = IdentifierMapper.ToModel(participant), OperationContext = operationContext };
        return SendAsync(HttpMethod.Post, CallPath(callId, "/participants:remove"), Json(body, AcsJsonContext.Default.RemoveParticipantRequest), repeatable: true, NoContent, cancellationToken, Headers(repeatability));
    }

    // The contract lists no Repeatability headers for hold and unhold: sent without them.
    public Task<TelephonyResult<Unit>> HoldAsync(CallId callId, CommunicationIdentifier participant, Uri? music, string operationContext, CancellationToken cancellationToken)
    {
        var body = new HoldRequest
        {
            TargetParticipant = IdentifierMapper.ToModel(participant),
            PlaySourceInfo = music is null ? null : PlaySource.FromFile(music),
            OperationContext = operationContext,
        };
        return SendAsync(HttpMethod.Post, CallPath(callId, ":hold"), Json(body, AcsJsonContext.Default.HoldRequest), repeatable: false, NoContent, cancellationToken);
    }

    public Task<TelephonyResult<Unit>> UnholdAsync(CallId callId, CommunicationIdentifier participant, string operationContext, CancellationToken cancellationToken)
    {
        var body = new UnholdRequest { TargetParticipant = IdentifierMapper.ToModel(participant), OperationContext = operationContext };
        return SendAsync(HttpMethod.Post, CallPath(callId, ":unhold"), Json(body, AcsJsonContext.Default.UnholdRequest), repeatable: false, NoContent, cancellationToken);
    }

    public Task<TelephonyResult<Unit>> TransferToParticipantAsync(CallId callId, CommunicationIdentifier target, CommunicationIdentifier transferee, string operationContext, Repeatability? repeatability, CancellationToken cancellationToken)
    {
        // Optional for a transfer (unlike an invitation, the contract and the SDKs accept none): when configured, a
        // phone number being transferred to sees the resource's own number as the caller id.
        PhoneNumberIdentifierModel? callerId = null;
        if (target.Kind == IdentifierKind.PhoneNumber && !string.IsNullOrEmpty(_options.SourceCallerIdNumber))
        {
            callerId = new PhoneNumberIdentifierModel(_options.SourceCallerIdNumber);
        }
        var body = new TransferToParticipantRequest
        {
            TargetParticipant = IdentifierMapper.ToModel(target),
            Transferee = IdentifierMapper.ToModel(transferee),
            SourceCallerIdNumber = callerId,
            OperationContext = operationContext,
        };
        return SendAsync(HttpMethod.Post, CallPath(callId, ":transferToParticipant"), Json(body, AcsJsonContext.Default.TransferToParticipantRequest), repeatable: true, NoContent, cancellationToken, Headers(repeatability));
    }

    public Task<TelephonyResult<Unit>> TerminateAsync(CallId callId, Repeatability? repeatability, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, CallPath(callId, ":terminate"), body: null, repeatable: true, NoContent, cancellationToken, Headers(repeatability));

    // Mixed audio in WAV: what a supervisor's "record this call" means; the contract's other choices are not offered.
    // No recordingStateCallbackUri: ACS then sends RecordingStateChanged to the call's callback, with the
    // callConnectionId the board keys calls by.
    public Task<TelephonyResult<string>> StartRecordingAsync(string serverCallId, Repeatability? repeatability, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(serverCallId))
        {
            return Task.FromResult(TelephonyResult<string>.Fail(new TelephonyError(null, "MissingServerCallId", "The call's serverCallId is not known yet, so its recording cannot be started.")));
        }

        var body = new StartCallRecordingRequest
        {
            CallLocator = new CallLocator { Kind = "serverCallLocator", ServerCallId = serverCallId },
            RecordingContentType = "audio",
            RecordingChannelType = "mixed",
            RecordingFormatType = "wav",
        };
        return SendAsync(HttpMethod.Post, "calling/recordings", Json(body, AcsJsonContext.Default.StartCallRecordingRequest), repeatable: true, ReadRecordingAsync, cancellationToken, Headers(repeatability));
    }

    // The contract lists no Repeatability for pause, resume and stop: sent without them.
    public Task<TelephonyResult<Unit>> PauseRecordingAsync(string recordingId, CancellationToken cancellationToken) =>
        SendRecordingAsync(HttpMethod.Post, recordingId, ":pause", cancellationToken);

    public Task<TelephonyResult<Unit>> ResumeRecordingAsync(string recordingId, CancellationToken cancellationToken) =>
        SendRecordingAsync(HttpMethod.Post, recordingId, ":resume", cancellationToken);

    public Task<TelephonyResult<Unit>> StopRecordingAsync(string recordingId, CancellationToken cancellationToken) =>
        SendRecordingAsync(HttpMethod.Delete, recordingId, string.Empty, cancellationToken);

    // An empty id would address another path (DELETE /calling/recordings/, POST /calling/recordings/:pause): refused.
    private Task<TelephonyResult<Unit>> SendRecordingAsync(HttpMethod method, string recordingId, string suffix, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(recordingId)
            ? Task.FromResult(TelephonyResult<Unit>.Fail(new TelephonyError(null, "MissingRecordingId", "No recording id: the recording's start was not answered with one.")))
            : SendAsync(method, "calling/recordings/" + Uri.EscapeDataString(recordingId) + suffix, body: null, repeatable: false, NoContent, cancellationToken);

    private static async Task<TelephonyResult<string>> ReadRecordingAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var read = await TelephonyHttpSender.ReadJsonAsync(response, AcsJsonContext.Default.RecordingStateResponse, cancellationToken).ConfigureAwait(false);
        return !read.IsSuccess ? TelephonyResult<string>.Fail(read.Error!)
            : string.IsNullOrEmpty(read.Value!.RecordingId) ? Fail<string>("The start recording response has no recordingId.")
            : TelephonyResult<string>.Ok(read.Value.RecordingId);
    }

    private static RepeatabilityHeaders? Headers(Repeatability? repeatability) =>
        repeatability is null ? null : new RepeatabilityHeaders(repeatability.RequestId, repeatability.FirstSent);

    public Task<TelephonyResult<Unit>> CancelAllMediaOperationsAsync(CallId callId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, CallPath(callId, ":cancelAllMediaOperations"), body: null, repeatable: false, NoContent, cancellationToken);

    public Task<TelephonyResult<CallId>> AnswerAsync(string incomingCallContext, Uri callbackUri, string operationContext, CancellationToken cancellationToken)
    {
        var body = new AnswerCallRequest { IncomingCallContext = incomingCallContext, CallbackUri = callbackUri.AbsoluteUri, OperationContext = operationContext };
        // Repeatable: a retried answer after a lost response must not be refused as a second answer of the same call.
        return SendAsync(HttpMethod.Post, "calling/callConnections:answer", Json(body, AcsJsonContext.Default.AnswerCallRequest), repeatable: true, ReadAnswerAsync, cancellationToken);
    }

    public Task<TelephonyResult<InvitationId>> AddParticipantAsync(CallId callId, CommunicationIdentifier target, string operationContext, TimeSpan invitationTimeout, Repeatability? repeatability, CancellationToken cancellationToken)
    {
        // A zero or negative timeout means "the configured default"; the contract allows 0..180 s.
        var timeout = invitationTimeout > TimeSpan.Zero ? invitationTimeout : _options.InvitationTimeout;
        var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
        if (seconds > 180)
        {
            return Task.FromResult(TelephonyResult<InvitationId>.Fail(new TelephonyError(null, "InvalidInvitationTimeout", $"An invitation can ring for at most 180 seconds (asked: {seconds}).")));
        }

        PhoneNumberIdentifierModel? callerId = null;
        if (target.Kind == IdentifierKind.PhoneNumber)
        {
            if (string.IsNullOrEmpty(_options.SourceCallerIdNumber))
            {
                return Task.FromResult(TelephonyResult<InvitationId>.Fail(new TelephonyError(null, "SourceCallerIdNumberMissing", "Inviting a phone number needs a caller id: set Acs:SourceCallerIdNumber to a number of the ACS resource.")));
            }

            callerId = new PhoneNumberIdentifierModel(_options.SourceCallerIdNumber);
        }

        var body = new AddParticipantRequest
        {
            SourceCallerIdNumber = callerId,
            ParticipantToAdd = IdentifierMapper.ToModel(target),
            InvitationTimeoutInSeconds = seconds,
            OperationContext = operationContext,
        };
        return SendAsync(HttpMethod.Post, CallPath(callId, "/participants:add"), Json(body, AcsJsonContext.Default.AddParticipantRequest), repeatable: true, ReadInvitationAsync, cancellationToken,
            Headers(repeatability));
    }

    public Task<TelephonyResult<Unit>> PlayAsync(CallId callId, Uri audioFile, string operationContext, bool loop, CancellationToken cancellationToken)
    {
        // No playTo: the contract plays "to everyone in the call when not provided".
        var body = new PlayRequest
        {
            PlaySources = [PlaySource.FromFile(audioFile)],
            OperationContext = operationContext,
            PlayOptions = loop ? new PlayOptions { Loop = true } : null,
        };
        return SendAsync(HttpMethod.Post, CallPath(callId, ":play"), Json(body, AcsJsonContext.Default.PlayRequest), repeatable: false, NoContent, cancellationToken);
    }

    public Task<TelephonyResult<Unit>> RecognizeDtmfAsync(CallId callId, CommunicationIdentifier targetParticipant, Uri prompt, string operationContext, CancellationToken cancellationToken)
    {
        var body = new RecognizeRequest
        {
            RecognizeInputType = "dtmf",
            PlayPrompt = PlaySource.FromFile(prompt),
            RecognizeOptions = new RecognizeOptions
            {
                InterruptPrompt = true,
                InitialSilenceTimeoutInSeconds = DtmfDefaults.InitialSilenceTimeoutInSeconds,
                TargetParticipant = IdentifierMapper.ToModel(targetParticipant),
                DtmfOptions = new DtmfOptions
                {
                    InterToneTimeoutInSeconds = DtmfDefaults.InterToneTimeoutInSeconds,
                    MaxTonesToCollect = DtmfDefaults.MaxTonesToCollect,
                    StopTones = DtmfDefaults.StopTones,
                },
            },
            OperationContext = operationContext,
        };
        return SendAsync(HttpMethod.Post, CallPath(callId, ":recognize"), Json(body, AcsJsonContext.Default.RecognizeRequest), repeatable: false, NoContent, cancellationToken);
    }

    public Task<TelephonyResult<CallDetails>> GetCallAsync(CallId callId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, CallPath(callId, string.Empty), body: null, repeatable: false, ReadCallDetailsAsync, cancellationToken);

    public Task<TelephonyResult<Unit>> HangUpAsync(CallId callId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, CallPath(callId, string.Empty), body: null, repeatable: false, NoContent, cancellationToken);

    public async Task<TelephonyResult<IReadOnlyList<ParticipantState>>> ListParticipantsAsync(CallId callId, CancellationToken cancellationToken)
    {
        var participants = new List<ParticipantState>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        // Absolute from the start, so a nextLink pointing back at the first page is recognised as a repeat.
        var baseAddress = _http.BaseAddress ?? throw new InvalidOperationException("The ACS HttpClient has no BaseAddress.");
        Uri? next = new(baseAddress, RequestUri(CallPath(callId, "/participants")));
        while (next is not null)
        {
            if (visited.Count >= MaxParticipantPages || !visited.Add(next.ToString()))
            {
                return Fail<IReadOnlyList<ParticipantState>>("The participant list does not end (nextLink repeats or exceeds the page limit).");
            }

            var pageUri = next;
            var page = await _sender.SendAsync(
                CreateRequest(HttpMethod.Get, pageUri, null, null),
                (response, token) => TelephonyHttpSender.ReadJsonAsync(response, AcsJsonContext.Default.GetParticipantsResponse, token),
                cancellationToken).ConfigureAwait(false);
            if (!page.IsSuccess)
            {
                LogFailed(_logger, "GET participants", CallSupervisor.Core.Diagnostics.PhoneMask.InText(page.Error!.ToString()));
                return TelephonyResult<IReadOnlyList<ParticipantState>>.Fail(page.Error!);
            }

            participants.AddRange(AcsModelMapper.ToParticipants(page.Value!.Value));
            if (!TryResolveNextLink(page.Value.NextLink, out next, out var error))
            {
                return Fail<IReadOnlyList<ParticipantState>>(error!);
            }
        }

        return TelephonyResult<IReadOnlyList<ParticipantState>>.Ok(participants);
    }

    private static Task<TelephonyResult<Unit>> NoContent(HttpResponseMessage response, CancellationToken cancellationToken) =>
        Task.FromResult(TelephonyResult<Unit>.Ok(Unit.Value));

    private static async Task<TelephonyResult<CallId>> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var read = await TelephonyHttpSender.ReadJsonAsync(response, AcsJsonContext.Default.CallConnectionProperties, cancellationToken).ConfigureAwait(false);
        return !read.IsSuccess ? TelephonyResult<CallId>.Fail(read.Error!)
            : string.IsNullOrEmpty(read.Value!.CallConnectionId) ? Fail<CallId>("The answer response has no callConnectionId.")
            : TelephonyResult<CallId>.Ok(new CallId(read.Value.CallConnectionId));
    }

    private static async Task<TelephonyResult<InvitationId>> ReadInvitationAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var read = await TelephonyHttpSender.ReadJsonAsync(response, AcsJsonContext.Default.AddParticipantResponse, cancellationToken).ConfigureAwait(false);
        return !read.IsSuccess ? TelephonyResult<InvitationId>.Fail(read.Error!)
            : string.IsNullOrEmpty(read.Value!.InvitationId) ? Fail<InvitationId>("The add participant response has no invitationId.")
            : TelephonyResult<InvitationId>.Ok(new InvitationId(read.Value.InvitationId));
    }

    private static async Task<TelephonyResult<CallDetails>> ReadCallDetailsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var read = await TelephonyHttpSender.ReadJsonAsync(response, AcsJsonContext.Default.CallConnectionProperties, cancellationToken).ConfigureAwait(false);
        return !read.IsSuccess ? TelephonyResult<CallDetails>.Fail(read.Error!)
            : AcsModelMapper.ToCallDetails(read.Value!) is { } details ? TelephonyResult<CallDetails>.Ok(details)
            : Fail<CallDetails>("The call connection has no callConnectionId.");
    }

    private static TelephonyResult<T> Fail<T>(string message) =>
        TelephonyResult<T>.Fail(new TelephonyError(null, TelephonyHttpSender.InvalidResponseCode, message));

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS request {Operation} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string operation, string? error);
}

/// <summary>
/// DTMF collection settings of <see cref="AcsCallAutomationClient.RecognizeDtmfAsync"/> (the port takes none):
/// the values of the contract's CallMedia_Recognize example, enough for a short menu choice ended by '#'.
/// </summary>
internal static class DtmfDefaults
{
    public const int InitialSilenceTimeoutInSeconds = 5;
    public const int InterToneTimeoutInSeconds = 3;
    public const int MaxTonesToCollect = 5;
    public static readonly IReadOnlyList<string> StopTones = ["pound"];
}
