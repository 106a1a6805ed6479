using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Oidc;

/// <summary>What an authorization code stands for, bound to the request that obtained it.</summary>
internal sealed record AuthorizationGrant(AuthorizationRequest Request, DemoUser User, DateTimeOffset ExpiresAt);

/// <summary>One-time authorization codes, valid for <see cref="Lifetime"/> on the emulator's clock.</summary>
internal sealed class AuthorizationCodes(TimeProvider timeProvider)
{
    /// <summary>Short, as on Entra: the app redeems the code within a second of receiving it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, AuthorizationGrant> _grants = new(StringComparer.Ordinal);

    public string Issue(AuthorizationRequest request, DemoUser user)
    {
        var now = timeProvider.GetUtcNow();
        // Codes nobody redeemed are dropped here, so the dictionary stays small without a timer.
        foreach (var (staleCode, stale) in _grants)
        {
            if (stale.ExpiresAt <= now)
            {
                _grants.TryRemove(staleCode, out _);
            }
        }
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _grants[code] = new AuthorizationGrant(request, user, now + Lifetime);
        return code;
    }

    /// <summary>
    /// Takes the code out whatever happens next: a code is spent by its first redemption attempt, so a failed
    /// attempt (a wrong code_verifier) cannot be followed by guesses.
    /// </summary>
    public (AuthorizationGrant? Grant, string? Error) Redeem(string code)
    {
        if (!_grants.TryRemove(code, out var grant))
        {
            return (null, "The authorization code is unknown or was already used.");
        }
        return grant.ExpiresAt <= timeProvider.GetUtcNow()
            ? (null, $"The authorization code expired (codes are valid for {Lifetime.TotalSeconds:0} s).")
            : (grant, null);
    }
}
