using System.Net;
using System.Net.Http.Headers;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Telephony.Tests.Fakes;

namespace CallSupervisor.Telephony.Tests.Acs;

/// <summary>Retries, repeatability across retries and error mapping. Delays run on a fake clock: no sleeps.</summary>
public sealed class AcsRetryTests
{
    private const string ErrorBody = """{"error":{"code":"8523","message":"Invalid request.","target":"targetParticipants"}}""";
    private static readonly CallId Call = new(TestClients.CallConnectionId);
    private static readonly CommunicationIdentifier User = CommunicationIdentifier.AcsUser("8:acs:resource_user-1");

    [Fact]
    public async Task MuteAsync_503ThenSuccess_RetriesWithSameRepeatabilityHeaders()
    {
        var recorder = new RecordingHandler()
            .Respond(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"ServiceUnavailable","message":"busy"}}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)))
            .Respond(HttpStatusCode.OK, """{"operationContext":"mute"}""");
        var time = new InstantTimeProvider();

        var result = await TestClients.Acs(recorder, time).MuteAsync(Call, User, "mute", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, recorder.Requests.Count);
        var (first, second) = (recorder.Requests[0], recorder.Requests[1]);
        AcsRequestAssert.Repeatable(first);
        Assert.Equal(first.Header("Repeatability-Request-ID"), second.Header("Repeatability-Request-ID"));
        Assert.Equal(first.Header("Repeatability-First-Sent"), second.Header("Repeatability-First-Sent"));
        Assert.Equal(first.BodyText, second.BodyText);
        // Each attempt is a new message signed again, with the clock moved on by the Retry-After wait.
        Assert.Equal([TimeSpan.FromSeconds(2)], time.Delays);
        Assert.Equal("Sat, 21 Nov 2026 10:00:00 GMT", first.Header("x-ms-date"));
        Assert.Equal("Sat, 21 Nov 2026 10:00:02 GMT", second.Header("x-ms-date"));
        AcsRequestAssert.Signed(first);
        AcsRequestAssert.Signed(second);
    }

    [Theory]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task AddParticipantAsync_TransientStatusThenSuccess_RetriesWithSameRequestId(HttpStatusCode transient)
    {
        var recorder = new RecordingHandler()
            .Respond(transient)
            .Respond(HttpStatusCode.Accepted, """{"invitationId":"inv-1"}""");

        var result = await TestClients.Acs(recorder).AddParticipantAsync(Call, User, "add", TimeSpan.FromSeconds(20), null, CancellationToken.None);

        Assert.Equal(new InvitationId("inv-1"), result.Value);
        Assert.Equal(2, recorder.Requests.Count);
        Assert.Single(recorder.Requests.Select(r => r.Header("Repeatability-Request-ID")).Distinct());
    }

    [Fact]
    public async Task CancelAddParticipantAsync_AlwaysUnavailable_GivesUpAfterMaxRetriesWithExponentialBackoff()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"Unavailable","message":"try later"}}""");
        var time = new InstantTimeProvider();

        var result = await TestClients.Acs(recorder, time).CancelAddParticipantAsync(Call, new InvitationId("inv-1"), "cancel", CancellationToken.None);

        Assert.Equal(new Core.Ports.TelephonyError(503, "Unavailable", "try later"), result.Error);
        Assert.Equal(4, recorder.Requests.Count);
        Assert.Single(recorder.Requests.Select(r => r.Header("Repeatability-Request-ID")).Distinct());
        Assert.Equal(3, time.Delays.Count);
        // Exponential backoff with jitter: every delay stays within the configured cap.
        Assert.All(time.Delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task MuteAsync_400_NotRetriedAndErrorBodyMapped()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.BadRequest, ErrorBody);

        var result = await TestClients.Acs(recorder).MuteAsync(Call, User, "mute", CancellationToken.None);

        Assert.Equal(new Core.Ports.TelephonyError(400, "8523", "Invalid request."), result.Error);
        Assert.Single(recorder.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task PlayAsync_ClientError_NotRetried(HttpStatusCode status)
    {
        var recorder = new RecordingHandler().Respond(status, ErrorBody);

        var result = await TestClients.Acs(recorder).PlayAsync(Call, new Uri("https://files/x.wav"), "op", false, CancellationToken.None);

        Assert.Equal((int)status, result.Error?.HttpStatus);
        Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task MuteAsync_429WithRetryAfterBeyondMaxDelay_ReturnsThrottlingWithoutWaiting()
    {
        var recorder = new RecordingHandler()
            .Respond(HttpStatusCode.TooManyRequests, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(45)));
        var time = new InstantTimeProvider();

        var result = await TestClients.Acs(recorder, time).MuteAsync(Call, User, "mute", CancellationToken.None);

        Assert.Equal(429, result.Error?.HttpStatus);
        Assert.Equal("TooManyRequests", result.Error?.Code);
        Assert.Single(recorder.Requests);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task MuteAsync_NetworkErrorThenSuccess_Retries()
    {
        var recorder = new RecordingHandler()
            .Throw(new HttpRequestException("Connection refused"))
            .Respond(HttpStatusCode.OK, "{}");

        var result = await TestClients.Acs(recorder).MuteAsync(Call, User, "mute", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, recorder.Requests.Count);
    }

    [Fact]
    public async Task HangUpAsync_NetworkErrorOnEveryAttempt_ReturnsNetworkError()
    {
        var recorder = new RecordingHandler().Throw(new HttpRequestException("Connection refused"));

        var result = await TestClients.Acs(recorder).HangUpAsync(Call, CancellationToken.None);

        Assert.Equal(new Core.Ports.TelephonyError(null, "NetworkError", "Connection refused"), result.Error);
        Assert.Equal(4, recorder.Requests.Count);
    }

    [Fact]
    public async Task HangUpAsync_TransportTimeoutEveryAttempt_RetriedThenTimeoutError()
    {
        // What HttpClient throws when its own timeout elapses: a cancellation the caller did not ask for.
        var recorder = new RecordingHandler().Throw(new TaskCanceledException("timed out", new TimeoutException()));

        var result = await TestClients.Acs(recorder).HangUpAsync(Call, CancellationToken.None);

        Assert.Equal("Timeout", result.Error?.Code);
        Assert.Equal(4, recorder.Requests.Count);
    }

    [Fact]
    public async Task MuteAsync_AttemptTimeoutThenSuccess_RetriedWithSameRequestId()
    {
        var time = new InstantTimeProvider();
        // The first attempt hangs until its (5-minute, fake-clock) attempt timeout is fired by the test.
        var recorder = new RecordingHandler().Hang(time.FirePendingTimers).Respond(HttpStatusCode.OK, "{}");

        var result = await TestClients.Acs(recorder, time).MuteAsync(Call, User, "mute", CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, recorder.Requests.Count);
        Assert.Single(recorder.Requests.Select(r => r.Header("Repeatability-Request-ID")).Distinct());
    }

    [Fact]
    public async Task HangUpAsync_AttemptTimeoutEveryAttempt_ReturnsTimeoutError()
    {
        var time = new InstantTimeProvider();
        var recorder = new RecordingHandler().Hang(time.FirePendingTimers);

        var result = await TestClients.Acs(recorder, time).HangUpAsync(Call, CancellationToken.None);

        Assert.Equal(new Core.Ports.TelephonyError(null, "Timeout", "The service did not answer in time."), result.Error);
        Assert.Equal(4, recorder.Requests.Count);
    }

    [Fact]
    public async Task MuteAsync_RetriesDisabled_SingleAttempt()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.ServiceUnavailable);

        var result = await TestClients.Acs(recorder, configure: o => o.Retry.MaxRetries = 0).MuteAsync(Call, User, "mute", CancellationToken.None);

        Assert.Equal(503, result.Error?.HttpStatus);
        Assert.Single(recorder.Requests);
    }

    [Fact]
    public async Task MuteAsync_ErrorBodyNotJson_FallsBackToReasonPhrase()
    {
        var recorder = new RecordingHandler().Respond(_ => new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            ReasonPhrase = "Forbidden by proxy",
            Content = new StringContent("<html>denied</html>"),
        });

        var result = await TestClients.Acs(recorder).MuteAsync(Call, User, "mute", CancellationToken.None);

        Assert.Equal(new Core.Ports.TelephonyError(403, "Forbidden", "Forbidden by proxy"), result.Error);
    }

    [Fact]
    public async Task AnswerAsync_SuccessWithoutCallConnectionId_ReturnsInvalidResponse()
    {
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK, """{"serverCallId":"x"}""");

        var result = await TestClients.Acs(recorder).AnswerAsync("ctx", new Uri("https://app/cb"), "answer", CancellationToken.None);

        Assert.Equal("InvalidResponse", result.Error?.Code);
        Assert.Contains("callConnectionId", result.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MuteAsync_CallerCancels_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var recorder = new RecordingHandler().Respond(HttpStatusCode.OK);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestClients.Acs(recorder).MuteAsync(Call, User, "mute", cts.Token));
    }
}

/// <summary>A throttled read is returned at once with its Retry-After: the reconciler backs off for every call.</summary>
public sealed class AcsThrottledReadTests
{
    private static readonly CallId Call = new(TestClients.CallConnectionId);

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task GetCallAsync_ThrottledWithDeltaSeconds_NotRetriedAndRetryAfterReturned(HttpStatusCode status)
    {
        var recorder = new RecordingHandler().Respond(status, """{"error":{"code":"TooManyRequests","message":"slow down"}}""",
            r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2)));
        var time = new InstantTimeProvider();

        var result = await TestClients.Acs(recorder, time).GetCallAsync(Call, CancellationToken.None);

        Assert.Equal((int)status, result.Error?.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Error?.RetryAfter);
        Assert.Single(recorder.Requests);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task ListParticipantsAsync_ThrottledWithHttpDate_RetryAfterRelativeToTheServerDate()
    {
        var serverNow = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
        var recorder = new RecordingHandler().Respond(HttpStatusCode.TooManyRequests, null, r =>
        {
            r.Headers.Date = serverNow;
            r.Headers.RetryAfter = new RetryConditionHeaderValue(serverNow.AddSeconds(120));
        });

        var result = await TestClients.Acs(recorder).ListParticipantsAsync(Call, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(120), result.Error?.RetryAfter);
        Assert.Single(recorder.Requests);
    }
}
