namespace CallSupervisor.Telephony.Acs.Auth;

/// <summary>
/// Signs every outgoing ACS request with the access key (see <see cref="AcsRequestSigner"/>). It runs once per
/// attempt, so each retry carries a fresh x-ms-date and signature: ACS rejects stale dates.
/// </summary>
public sealed class AcsHmacAuthenticationHandler(string accessKeyBase64, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI to sign.");
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        var date = AcsRequestSigner.FormatDate(timeProvider.GetUtcNow());
        var contentHash = AcsRequestSigner.ComputeContentHash(body);
        // Authority is "host[:port]", the value the transport sends as Host (the port only when it is not the default).
        var stringToSign = AcsRequestSigner.StringToSign(request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash);
        var signature = AcsRequestSigner.ComputeSignature(stringToSign, accessKeyBase64);

        Set(request, AcsRequestSigner.DateHeader, date);
        Set(request, AcsRequestSigner.ContentHashHeader, contentHash);
        Set(request, "Authorization", AcsRequestSigner.AuthorizationHeader(signature));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Set(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
