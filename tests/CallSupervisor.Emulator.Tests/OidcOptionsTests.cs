using System.Net;
using CallSupervisor.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CallSupervisor.Emulator.Tests;

public sealed class OidcOptionsTests
{
    [Fact]
    public void DemoUsers_OnePerRoleAManagerWithThreeAndTwoAgents()
    {
        var users = OidcOptions.CreateDemoUsers();

        Assert.Equal(["Olivia Observer", "Sam Supervisor", "Ada Auditor", "Max Manager", "Ana Lima", "Eli Haddad"], users.Select(u => u.Name));
        Assert.Equal([["Observer"], ["Supervisor"], ["Auditor"], ["Supervisor", "Auditor", "Administrator"], ["Agent"], ["Agent"]], users.Select(u => u.Roles));
        Assert.Equal(["Observer", "Supervisor", "Auditor", "Administrator", "Agent", "Wallboard"], OidcOptions.AppRoles);
        Assert.Empty(EmulatorOptionsValidator.GetErrors(new EmulatorOptions { Oidc = { Users = users } }));
    }

    [Fact]
    public void GetErrors_BadOidcValues_ReportsEach()
    {
        var options = new EmulatorOptions
        {
            Oidc =
            {
                TenantId = "common",
                ClientId = "has space",
                ClientSecret = "short",
                RedirectUris = ["http://localhost/cb#x"],
                Users =
                [
                    new() { Id = Guid.Empty, Name = "", Username = "nobody", Roles = ["supervisor"] },
                    new() { Id = new Guid("5b0c1d2e-0000-4000-8000-000000000001"), Name = "A", Username = "a@b.test", Roles = ["Auditor", "Auditor"] },
                    new() { Id = new Guid("5b0c1d2e-0000-4000-8000-000000000001"), Name = "B", Username = "A@B.test" },
                ],
            },
        };

        var errors = EmulatorOptionsValidator.GetErrors(options);

        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:TenantId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:ClientId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:ClientSecret", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:RedirectUris", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Users:0:Id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Users:0:Name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Users:0:Username", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Users:0:Roles: 'supervisor'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Users:1:Roles lists a role twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Users:2:Id", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Emulator:Oidc:Users:2:Username", StringComparison.Ordinal));
    }

    [Fact]
    public void GetErrors_Disabled_OidcValuesIgnored() =>
        Assert.Empty(EmulatorOptionsValidator.GetErrors(new EmulatorOptions { Oidc = { Enabled = false, TenantId = "common" } }));

    [Fact]
    public async Task Configured_SecretTenantAndUsers_ReplaceTheDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Emulator:Oidc:TenantId"] = "contoso-dev",
            ["Emulator:Oidc:ClientSecret"] = "a-configured-secret-0123456789",
            ["Emulator:Oidc:Users:0:Id"] = "7a1b2c3d-0000-4000-8000-00000000000a",
            ["Emulator:Oidc:Users:0:Name"] = "Nora Nobody",
            ["Emulator:Oidc:Users:0:Username"] = "nora@contoso.test",
        }).Build();
        var bound = configuration.GetSection(EmulatorOptions.SectionName).Get<EmulatorOptions>()!;

        await using var oidc = await OidcTestClient.StartAsync(o => o.Oidc = bound.Oidc);
        using var page = await oidc.GetAuthorizeAsync(oidc.AuthorizeParameters(SignInRequest.Create()));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("contoso-dev", oidc.Emulator.OidcTenantId);
        Assert.Equal("a-configured-secret-0123456789", oidc.Emulator.OidcClientSecret);
        Assert.EndsWith("/contoso-dev/v2.0", oidc.Emulator.OidcAuthority, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Nora Nobody", html, StringComparison.Ordinal);
        Assert.Contains("No roles", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Max Manager", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserWithoutRoles_IdTokenHasNoRolesClaim()
    {
        var nobody = new OidcUserOptions { Id = Guid.NewGuid(), Name = "Nora Nobody", Username = "nora@callsupervisor.test" };
        await using var oidc = await OidcTestClient.StartAsync(o => o.Oidc.Users = [nobody]);
        var request = SignInRequest.Create();

        var code = await oidc.SignInAsync(request, nobody.Id.ToString());
        var (_, body, _) = await oidc.RedeemAsync(code, request);

        Assert.False(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken((string)body["id_token"]!).TryGetClaim("roles", out _));
    }
}
