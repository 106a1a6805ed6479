using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Identity;
using CallSupervisor.Core.Ports;
using CallSupervisor.Telephony.Acs.Wire;
using Polly.Timeout;

namespace CallSupervisor.Telephony.Http;

/// <summary>
/// Sends one logical request (the client's resilience handler retries it) and turns every failure into a
/// <see cref="TelephonyError"/> (the ports return failures, they do not throw). Only a cancellation by the caller
/// escapes as <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class TelephonyHttpSender(HttpClient http, TimeProvider timeProvider)
{
    public const string NetworkErrorCode = "NetworkError";
    public const string TimeoutCode = "Timeout";
    public const string AuthenticationFailedCode = "AuthenticationFailed";
    public const string InvalidResponseCode = "InvalidResponse";

    /// <summary>Sends <paramref name="request"/> (disposed afterwards) and reads a successful response with <paramref name="read"/>.</summary>
    public async Task<TelephonyResult<T>> SendAsync<T>(
        HttpRequestMessage request,
        Func<HttpResponseMessage, CancellationToken, Task<TelephonyResult<T>>> read,
        CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using (request)
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SignInFailedException e)
        {
            return TelephonyResult<T>.Fail(new TelephonyError(null, AuthenticationFailedCode, e.Message));
        }
        catch (HttpRequestException e)
        {
            return TelephonyResult<T>.Fail(new TelephonyError(null, NetworkErrorCode, e.Message));
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException)
        {
            return TelephonyResult<T>.Fail(new TelephonyError(null, TimeoutCode, "The service did not answer in time."));
        }
        catch (Exception e) when (e is AuthenticationFailedException or CredentialUnavailableException)
        {
            return TelephonyResult<T>.Fail(new TelephonyError(null, AuthenticationFailedCode, e.Message));
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                return TelephonyResult<T>.Fail(error with { RetryAfter = TelephonyResilience.RetryAfter(response, timeProvider.GetUtcNow()) });
            }

            return await read(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads a JSON body; a missing or malformed body is an InvalidResponse error, not an exception.</summary>
    public static async Task<TelephonyResult<T>> ReadJsonAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length > 0 && JsonSerializer.Deserialize(body, typeInfo) is { } value)
            {
                return TelephonyResult<T>.Ok(value);
            }

            return TelephonyResult<T>.Fail(new TelephonyError((int)response.StatusCode, InvalidResponseCode, $"The response to {Describe(response)} has no body."));
        }
        catch (JsonException e)
        {
            return TelephonyResult<T>.Fail(new TelephonyError((int)response.StatusCode, InvalidResponseCode, $"The response to {Describe(response)} is not valid JSON: {e.Message}"));
        }
    }

    /// <summary>
    /// A CommunicationErrorResponse / Graph error <c>{"error":{"code","message"}}</c>; anything else (an HTML page
    /// of a proxy, an empty body) falls back to the status code and reason phrase.
    /// </summary>
    internal static async Task<TelephonyError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var fallback = new TelephonyError(status, response.StatusCode.ToString(), response.ReasonPhrase is { Length: > 0 } reason ? reason : $"HTTP {status}");
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (body.Length == 0 || JsonSerializer.Deserialize(body, AcsJsonContext.Default.CommunicationErrorResponse)?.Error is not { } error)
            {
                return fallback;
            }

            return new TelephonyError(
                status,
                string.IsNullOrEmpty(error.Code) ? fallback.Code : error.Code,
                string.IsNullOrEmpty(error.Message) ? fallback.Message : error.Message);
        }
        catch (JsonException)
        {
            return fallback;
        }
    }

    private static string Describe(HttpResponseMessage response) =>
        response.RequestMessage is { } request ? $"{request.Method} {request.RequestUri?.AbsolutePath}" : "the request";
}
