using System.Security.Claims;
using CallSupervisor.Telephony.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Telephony.Callbacks;

/// <summary>Outcome of authenticating an ACS callback; the endpoint answers 401 when not valid.</summary>
public sealed record CallbackAuthResult(bool IsValid, string? Reason, ClaimsIdentity? Identity)
{
    public static CallbackAuthResult Valid(ClaimsIdentity? identity, string? note = null) => new(true, note, identity);

    public static CallbackAuthResult Invalid(string reason) => new(false, reason, null);
}

/// <summary>
/// Validates the <c>Authorization: Bearer &lt;jwt&gt;</c> ACS puts on callbacks: RS256, issuer and audience from
/// <see cref="AcsCallbackAuthOptions"/>, signing keys from the OpenID metadata (cached and refreshed by the
/// configuration manager, refreshed early once when a token names an unknown key), lifetime with a small skew.
/// A token that passed is remembered until it expires (<see cref="ValidatedTokens"/>), so a sender's token is
/// checked once, not on every callback it signs.
/// </summary>
public sealed partial class AcsCallbackAuthenticator(
    IOptions<AcsOptions> options,
    IConfigurationManager<OpenIdConnectConfiguration> configurationManager,
    ILogger<AcsCallbackAuthenticator> logger,
    TimeProvider? time = null)
{
    private const string BearerPrefix = "Bearer ";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ValidatedTokens _validated = new(time ?? TimeProvider.System);

    /// <summary>Validates the raw Authorization header value (null when the request has none).</summary>
    public async Task<CallbackAuthResult> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        var auth = options.Value.CallbackAuth;
        if (!auth.Enabled)
        {
            return CallbackAuthResult.Valid(null, "Callback authentication is disabled (Acs:CallbackAuth:Enabled=false).");
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return CallbackAuthResult.Invalid("The Authorization header is missing.");
        }

        if (!authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || authorizationHeader.Length <= BearerPrefix.Length)
        {
            return CallbackAuthResult.Invalid("The Authorization header is not a Bearer token.");
        }

        if (await KeysForCacheAsync(cancellationToken).ConfigureAwait(false) is { } current
            && _validated.Find(TokenOf(authorizationHeader), current) is { } identity)
        {
            return CallbackAuthResult.Valid(identity);
        }
        var token = TokenOf(authorizationHeader).ToString();
        var (result, keys) = await ValidateAsync(token, auth, cancellationToken).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // ACS may have rotated its keys since the metadata was cached: fetch them again, once.
            configurationManager.RequestRefresh();
            (result, keys) = await ValidateAsync(token, auth, cancellationToken).ConfigureAwait(false);
        }

        if (result.IsValid)
        {
            if (result.SecurityToken is JsonWebToken { ValidTo: var validTo } && keys is not null)
            {
                _validated.Add(token, keys, result.ClaimsIdentity, new DateTimeOffset(validTo, TimeSpan.Zero));
            }
            return CallbackAuthResult.Valid(result.ClaimsIdentity);
        }

        var reason = Describe(result.Exception, auth);
        LogRejected(logger, reason);
        return CallbackAuthResult.Invalid(reason);
    }

    private static ReadOnlySpan<char> TokenOf(string authorizationHeader) => authorizationHeader.AsSpan(BearerPrefix.Length).Trim();

    // The signing keys in force, for a look-up in the cache of validated tokens; null when they cannot be had.
    private async Task<OpenIdConnectConfiguration?> KeysForCacheAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await configurationManager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            // The full validation below reports it.
            return null;
        }
    }

    // The result, and the keys it was checked against (so a cached pass lapses when they change).
    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration? Keys)> ValidateAsync(string token, AcsCallbackAuthOptions auth, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await configurationManager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException)
        {
            LogMetadataFailed(logger, auth.MetadataAddress, e);
            return (new TokenValidationResult { IsValid = false, Exception = new SecurityTokenException("The ACS signing keys could not be retrieved from " + auth.MetadataAddress + ".", e) }, null);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = auth.ClockSkew,
        };
        return (await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false), configuration);
    }

    // Short reasons for the log and the 401; IdentityModel's own messages hide the values as PII anyway.
    private static string Describe(Exception? exception, AcsCallbackAuthOptions auth) => exception switch
    {
        SecurityTokenExpiredException => "The token has expired.",
        SecurityTokenNotYetValidException => "The token is not valid yet.",
        SecurityTokenNoExpirationException => "The token has no expiry.",
        SecurityTokenInvalidIssuerException => $"The token issuer is not {auth.Issuer}.",
        SecurityTokenInvalidAudienceException => "The token audience is not the ACS resource id (Acs:CallbackAuth:Audience).",
        SecurityTokenInvalidAlgorithmException => "The token is not signed with RS256.",
        SecurityTokenSignatureKeyNotFoundException => "The token is signed with a key the ACS metadata does not publish.",
        SecurityTokenInvalidSignatureException => "The token signature is invalid.",
        SecurityTokenMalformedException or ArgumentException => "The token is not a well-formed JWT.",
        null => "The token is invalid.",
        _ => exception.Message,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS callback rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "ACS callback signing keys could not be retrieved from {MetadataAddress}")]
    private static partial void LogMetadataFailed(ILogger logger, string metadataAddress, Exception exception);
}
