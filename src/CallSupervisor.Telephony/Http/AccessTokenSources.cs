using Azure.Core;

namespace CallSupervisor.Telephony.Http;

/// <summary>Supplies the bearer token of an outgoing request.</summary>
public interface IAccessTokenSource
{
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>A fixed token (the emulator's development token).</summary>
public sealed class StaticAccessTokenSource(string token) : IAccessTokenSource
{
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
}

/// <summary>
/// Tokens from an Azure.Core <see cref="TokenCredential"/>, cached until shortly before they expire. Not every
/// credential caches (DefaultAzureCredential's chain may ask IMDS or a CLI each time), and a token request per
/// supervisor click would add latency and risk throttling.
/// </summary>
public sealed class CachedAccessTokenSource(TokenCredential credential, string scope, TimeProvider timeProvider) : IAccessTokenSource
{
    /// <summary>Refresh this long before expiry so a token never expires in flight.</summary>
    internal static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AccessToken? _cached;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (TryGetFresh() is { } fresh)
        {
            return fresh;
        }

        // One refresh at a time: concurrent clicks share the new token instead of each asking the identity service.
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryGetFresh() is { } refreshed)
            {
                return refreshed;
            }

            var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            _cached = token;
            return token.Token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private string? TryGetFresh() =>
        _cached is { } token && token.ExpiresOn - RefreshMargin > timeProvider.GetUtcNow() ? token.Token : null;
}
