using System.Net.Http.Headers;

namespace CallSupervisor.Telephony.Http;

/// <summary>Adds <c>Authorization: Bearer &lt;token&gt;</c> to every request (ACS with Entra, Graph).</summary>
public sealed class BearerTokenHandler(IAccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
