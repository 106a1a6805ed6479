using Azure;
using Azure.Core;
using Azure.Identity;

namespace CallSupervisor.Telephony.Http;

/// <summary>Supplies the bearer token of an outgoing request.</summary>
public interface IAccessTokenSource
{
    /// <summary>The token; throws <see cref="SignInFailedException"/> when none can be had.</summary>
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
/// supervisor click would add latency and risk throttling. A failed sign-in is remembered for
/// <see cref="FailureCooldown"/>: a wrong secret does not get better by asking again on every click, and each
/// attempt would make the supervisor wait for the identity service once more.
/// </summary>
public sealed class CachedAccessTokenSource(string service, TokenCredential credential, string scope, TimeProvider timeProvider) : IAccessTokenSource
{
    /// <summary>Refresh this long before expiry so a token never expires in flight.</summary>
    internal static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    /// <summary>How long a failed sign-in is answered from memory before the credential is asked again.</summary>
    internal static readonly TimeSpan FailureCooldown = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private AccessToken? _cached;
    private (DateTimeOffset Until, SignInFailedException Error)? _failure;

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

            if (_failure is { } failure && timeProvider.GetUtcNow() < failure.Until)
            {
                throw new SignInFailedException(failure.Error.Message, failure.Error.InnerException);
            }

            try
            {
                var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
                _cached = token;
                _failure = null;
                return token.Token;
            }
            catch (Exception e) when (e is AuthenticationFailedException or CredentialUnavailableException or RequestFailedException)
            {
                var error = new SignInFailedException($"{service} sign-in failed: {ShortReason(e)}", e);
                _failure = (timeProvider.GetUtcNow() + FailureCooldown, error);
                throw error;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    private string? TryGetFresh() =>
        _cached is { } token && token.ExpiresOn - RefreshMargin > timeProvider.GetUtcNow() ? token.Token : null;

    /// <summary>
    /// The first sentence that says what went wrong: Azure.Identity's text names the credential, repeats the
    /// retry settings, and appends trace ids, timestamps and a troubleshooting link.
    /// </summary>
    internal static string ShortReason(Exception exception)
    {
        var message = FirstLine(exception.Message);
        const string Marker = "authentication failed: ";
        var marker = message.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (marker >= 0)
        {
            message = message[(marker + Marker.Length)..];
        }

        // "Retry failed after 4 tries. …": the cause is the innermost exception (e.g. a refused connection).
        if (message.StartsWith("Retry failed", StringComparison.OrdinalIgnoreCase) && Innermost(exception) is { } inner && inner != exception)
        {
            message = FirstLine(inner.Message);
        }

        var end = message.IndexOf(". ", StringComparison.Ordinal);
        if (end > 0)
        {
            message = message[..(end + 1)];
        }

        const int MaxLength = 200;
        message = message.Trim();
        return message.Length == 0 ? exception.GetType().Name : message.Length <= MaxLength ? message : message[..(MaxLength - 1)] + "…";
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while ((current is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : current.InnerException) is { } next)
        {
            current = next;
        }

        return current;
    }
}
