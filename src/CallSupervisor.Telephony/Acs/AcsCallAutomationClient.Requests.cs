using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Telephony.Acs;

/// <summary>Request construction: URIs with api-version, JSON bodies, Repeatability headers.</summary>
public sealed partial class AcsCallAutomationClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private async Task<TelephonyResult<T>> SendAsync<T>(
        HttpMethod method,
        string path,
        byte[]? body,
        bool repeatable,
        Func<HttpResponseMessage, CancellationToken, Task<TelephonyResult<T>>> read,
        CancellationToken cancellationToken,
        RepeatabilityHeaders? given = null)
    {
        // Put on the message once; the resilience handler sends this same message on every retry, which is what
        // makes the retry repeatable. Given ones come from the event log: a request sent again after a restart.
        var repeatability = repeatable ? given ?? RepeatabilityHeaders.Create(_timeProvider) : null;
        var result = await _sender.SendAsync(CreateRequest(method, RequestUri(path), body, repeatability), read, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            // ACS's error text can quote the participant it is about: a phone number is masked.
            LogFailed(_logger, $"{method} {path}", CallSupervisor.Core.Diagnostics.PhoneMask.InText(result.Error!.ToString()));
        }

        return result;
    }

    private static HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, byte[]? body, RepeatabilityHeaders? repeatability)
    {
        var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } };
        }

        repeatability?.Apply(request);
        return request;
    }

    private static byte[] Json<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private static string CallPath(CallId callId, string suffix) =>
        "calling/callConnections/" + Uri.EscapeDataString(callId.Value) + suffix;

    private Uri RequestUri(string path) => new(path + "?api-version=" + Uri.EscapeDataString(_options.ApiVersion), UriKind.Relative);

    /// <summary>
    /// Resolves a nextLink (absolute, or relative to the endpoint) and keeps api-version on it. A link to another
    /// host is refused: the signed request must not leave the ACS resource.
    /// </summary>
    private bool TryResolveNextLink(string? nextLink, out Uri? next, out string? error)
    {
        next = null;
        error = null;
        if (string.IsNullOrWhiteSpace(nextLink))
        {
            return true;
        }

        var baseAddress = _http.BaseAddress ?? throw new InvalidOperationException("The ACS HttpClient has no BaseAddress.");
        if (!Uri.TryCreate(baseAddress, nextLink, out var resolved) ||
            !string.Equals(resolved.GetLeftPart(UriPartial.Authority), baseAddress.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            error = "The participant list's nextLink does not point to the ACS endpoint; it was not followed.";
            return false;
        }

        if (!resolved.Query.Contains("api-version=", StringComparison.OrdinalIgnoreCase))
        {
            var separator = string.IsNullOrEmpty(resolved.Query) ? "?" : "&";
            resolved = new Uri(resolved.AbsoluteUri + separator + "api-version=" + Uri.EscapeDataString(_options.ApiVersion));
        }

        next = resolved;
        return true;
    }
}
