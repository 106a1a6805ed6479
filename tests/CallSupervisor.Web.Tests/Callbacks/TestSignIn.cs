using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Tests.Callbacks;

/// <summary>
/// A signed-in user for the in-memory app, without an identity provider: the scheme authenticates every request as
/// the configured user (or nobody). The authorization rules under test are the app's own.
/// </summary>
public sealed class TestSignIn(IOptionsMonitor<TestSignInOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<TestSignInOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Options.Name is not { } name)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var claims = new List<Claim> { new("oid", "oid-" + name), new(ClaimTypes.Name, name) };
        claims.AddRange(Options.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

/// <summary>Who <see cref="TestSignIn"/> signs in (null: nobody).</summary>
public sealed class TestSignInOptions : AuthenticationSchemeOptions
{
    public string? Name { get; set; }

    public string[] Roles { get; set; } = [];
}
