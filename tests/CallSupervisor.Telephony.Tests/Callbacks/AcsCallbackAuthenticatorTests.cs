using System.Net;
using System.Security.Cryptography;
using CallSupervisor.Telephony.Callbacks;
using CallSupervisor.Telephony.Options;
using CallSupervisor.Telephony.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Telephony.Tests.Callbacks;

/// <summary>
/// Real ConfigurationManager + HttpDocumentRetriever over a fake handler serving the OpenID metadata and a JWKS
/// with a locally generated RSA key.
/// </summary>
public sealed class AcsCallbackAuthenticatorTests : IClassFixture<RsaKeys>
{
    private const string Issuer = "https://acscallautomation.communication.azure.com";
    private const string Audience = "11111111-2222-3333-4444-555555555555";
    private const string MetadataAddress = "https://acs.test/calling/.well-known/acsopenidconfiguration";

    private readonly RSA _key;
    private readonly RSA _otherKey;
    private readonly RecordingHandler _metadata;

    public AcsCallbackAuthenticatorTests(RsaKeys keys)
    {
        (_key, _otherKey) = (keys.Signing, keys.Other);
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        var jwks = $$"""
            {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"key-1","n":"{{Base64UrlEncoder.Encode(parameters.Modulus)}}","e":"{{Base64UrlEncoder.Encode(parameters.Exponent)}}"}]}
            """;
        _metadata = new RecordingHandler().Respond(request => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(request.RequestUri!.AbsolutePath.EndsWith("/keys", StringComparison.Ordinal)
                ? jwks
                : $$"""{"issuer":"{{Issuer}}","jwks_uri":"https://acs.test/calling/keys"}"""),
        });
    }

    [Fact]
    public async Task AuthenticateAsync_ValidToken_Valid()
    {
        var result = await Authenticator().AuthenticateAsync("Bearer " + Token(), CancellationToken.None);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(Audience, result.Identity?.FindFirst("aud")?.Value);
        Assert.Equal(
            ["https://acs.test/calling/.well-known/acsopenidconfiguration", "https://acs.test/calling/keys"],
            _metadata.Requests.Select(r => r.Uri.AbsoluteUri));
    }

    [Fact]
    public async Task AuthenticateAsync_SecondToken_UsesCachedKeys()
    {
        var authenticator = Authenticator();

        await authenticator.AuthenticateAsync("Bearer " + Token(), CancellationToken.None);
        var second = await authenticator.AuthenticateAsync("Bearer " + Token(), CancellationToken.None);

        Assert.True(second.IsValid);
        Assert.Equal(2, _metadata.Requests.Count);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongIssuer_Invalid()
    {
        var result = await Authenticator().AuthenticateAsync("Bearer " + Token(issuer: "https://evil.example.com"), CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Equal($"The token issuer is not {Issuer}.", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_WrongAudience_Invalid()
    {
        var result = await Authenticator().AuthenticateAsync("Bearer " + Token(audience: "another-resource"), CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Contains("audience", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticateAsync_Expired_Invalid()
    {
        var now = DateTime.UtcNow;
        var result = await Authenticator().AuthenticateAsync("Bearer " + Token(notBefore: now.AddMinutes(-20), expires: now.AddMinutes(-10)), CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Equal("The token has expired.", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_SignedWithOtherKeyUnderSameKid_Invalid()
    {
        var result = await Authenticator().AuthenticateAsync("Bearer " + Token(key: _otherKey), CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Equal("The token signature is invalid.", result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_SameTokenAgain_ValidFromMemoryWithTheSameIdentity()
    {
        var authenticator = Authenticator();
        var header = "Bearer " + Token();

        var first = await authenticator.AuthenticateAsync(header, CancellationToken.None);
        var second = await authenticator.AuthenticateAsync(header, CancellationToken.None);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        // The same identity object: the signature was not checked again.
        Assert.Same(first.Identity, second.Identity);
    }

    [Fact]
    public async Task AuthenticateAsync_InvalidTokenAgain_StillInvalid()
    {
        var authenticator = Authenticator();
        var header = "Bearer " + Token(key: _otherKey);

        Assert.False((await authenticator.AuthenticateAsync(header, CancellationToken.None)).IsValid);
        Assert.False((await authenticator.AuthenticateAsync(header, CancellationToken.None)).IsValid);
    }

    [Fact]
    public async Task AuthenticateAsync_UnknownKid_Invalid()
    {
        var result = await Authenticator().AuthenticateAsync("Bearer " + Token(key: _otherKey, keyId: "rotated-key"), CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Equal("The token is signed with a key the ACS metadata does not publish.", result.Reason);
    }

    [Theory]
    [InlineData(null, "The Authorization header is missing.")]
    [InlineData("", "The Authorization header is missing.")]
    [InlineData("Basic dXNlcjpwYXNz", "The Authorization header is not a Bearer token.")]
    [InlineData("Bearer not-a-jwt", "The token is not a well-formed JWT.")]
    public async Task AuthenticateAsync_MissingOrMalformed_Invalid(string? header, string reason)
    {
        var result = await Authenticator().AuthenticateAsync(header, CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public async Task AuthenticateAsync_HttpMetadataWhileHttpsRequired_InvalidWithoutFetching()
    {
        var result = await Authenticator(metadataAddress: "http://acs.test/metadata").AuthenticateAsync("Bearer " + Token(), CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Contains("could not be retrieved", result.Reason, StringComparison.Ordinal);
        Assert.Empty(_metadata.Requests);
    }

    [Fact]
    public async Task AuthenticateAsync_Disabled_ValidWithoutToken()
    {
        var result = await Authenticator(enabled: false).AuthenticateAsync(null, CancellationToken.None);

        Assert.True(result.IsValid);
        Assert.Contains("disabled", result.Reason, StringComparison.Ordinal);
    }

    private AcsCallbackAuthenticator Authenticator(string metadataAddress = MetadataAddress, bool enabled = true)
    {
        var options = TestClients.AcsOptions(o => o.CallbackAuth = new AcsCallbackAuthOptions
        {
            Enabled = enabled,
            Audience = Audience,
            MetadataAddress = metadataAddress,
        });
        var retriever = new HttpDocumentRetriever(new HttpClient(_metadata)) { RequireHttps = true };
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataAddress, new OpenIdConnectConfigurationRetriever(), retriever);
        return new AcsCallbackAuthenticator(Microsoft.Extensions.Options.Options.Create(options), manager, NullLogger<AcsCallbackAuthenticator>.Instance);
    }

    private string Token(string issuer = Issuer, string audience = Audience, DateTime? notBefore = null, DateTime? expires = null, RSA? key = null, string keyId = "key-1")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore ?? now,
            NotBefore = notBefore ?? now,
            Expires = expires ?? now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}

/// <summary>RSA key generation is slow: one pair of keys for all tests of the class.</summary>
public sealed class RsaKeys : IDisposable
{
    public RSA Signing { get; } = RSA.Create(2048);

    public RSA Other { get; } = RSA.Create(2048);

    public void Dispose()
    {
        Signing.Dispose();
        Other.Dispose();
    }
}
