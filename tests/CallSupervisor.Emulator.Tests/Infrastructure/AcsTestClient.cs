using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CallSupervisor.Telephony.Acs.Auth;

namespace CallSupervisor.Emulator.Tests.Infrastructure;

/// <summary>Sends ACS REST requests signed with HMAC-SHA256 the way the real client does (via the shared signer).</summary>
public sealed class AcsTestClient(Uri baseAddress, string accessKey) : IDisposable
{
    public const string ApiVersion = "api-version=2024-09-15";
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public Uri BaseAddress => baseAddress;

    public Task<AcsResponse> PostAsync(string path, object? body, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Post, path, body, configure);

    public Task<AcsResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<AcsResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    /// <summary>Signs and sends; <paramref name="path"/> is relative (with query) or an absolute nextLink.</summary>
    public async Task<AcsResponse> SendAsync(HttpMethod method, string path, object? body, Action<HttpRequestMessage>? configure = null, bool sign = true)
    {
        var uri = new Uri(baseAddress, path);
        var bytes = body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        if (sign)
        {
            var date = AcsRequestSigner.FormatDate(DateTimeOffset.UtcNow);
            var hash = AcsRequestSigner.ComputeContentHash(bytes);
            var toSign = AcsRequestSigner.StringToSign(method.Method, uri.PathAndQuery, date, uri.Authority, hash);
            request.Headers.Add(AcsRequestSigner.DateHeader, date);
            request.Headers.Add(AcsRequestSigner.ContentHashHeader, hash);
            request.Headers.TryAddWithoutValidation("Authorization", AcsRequestSigner.AuthorizationHeader(AcsRequestSigner.ComputeSignature(toSign, accessKey)));
        }
        configure?.Invoke(request);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new AcsResponse((int)response.StatusCode, text, response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    public void Dispose() => _http.Dispose();
}

public sealed record AcsResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("Empty body");

    public override string ToString() => $"{Status} {Body}";
}

public static class RequestBodies
{
    public static JsonObject AcsUser(string id) => new() { ["kind"] = "communicationUser", ["communicationUser"] = new JsonObject { ["id"] = id } };

    public static JsonObject Phone(string value) => new() { ["kind"] = "phoneNumber", ["phoneNumber"] = new JsonObject { ["value"] = value } };
}
