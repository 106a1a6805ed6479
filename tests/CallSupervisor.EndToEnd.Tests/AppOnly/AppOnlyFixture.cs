using System.Net;
using System.Text.Json;
using CallSupervisor.Client;
using CallSupervisor.Emulator;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using CallSupervisor.EndToEnd.Tests.ServiceLayer;
using Microsoft.Extensions.Configuration;

namespace CallSupervisor.EndToEnd.Tests.AppOnly;

/// <summary>
/// The app and its embedded emulator with the Development wallboard app (from the repository's
/// appsettings.Development.json), two more daemon apps that hold no board role (one with the Agent role, one with
/// none) and a screen whose device sessions are revoked. Tokens come from the emulator's token endpoint by the client credentials grant, as a real wallboard gets them.
/// </summary>
public sealed class AppOnlyFixture : ServiceFixture
{
    public const string AgentDeskId = "e2e-agent-desk";
    public const string RolelessId = "e2e-roleless";
    public const string RevokedScreenId = "e2e-revoked-screen";
    public const string ScreenAndSupervisorId = "e2e-screen-and-supervisor";
    public const string OtherSecret = "e2e-daemon-secret-0123456789";

    private static readonly OidcOptions Defaults = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Emulator:Oidc:Apps:1:ClientId"] = AgentDeskId,
        ["Emulator:Oidc:Apps:1:ClientSecret"] = OtherSecret,
        ["Emulator:Oidc:Apps:1:DisplayName"] = "Agent desktop",
        ["Emulator:Oidc:Apps:1:Roles:0"] = "Agent",
        ["Emulator:Oidc:Apps:2:ClientId"] = RolelessId,
        ["Emulator:Oidc:Apps:2:ClientSecret"] = OtherSecret,
        ["Emulator:Oidc:Apps:2:DisplayName"] = "A script nobody granted a role",
        ["Emulator:Oidc:Apps:3:ClientId"] = RevokedScreenId,
        ["Emulator:Oidc:Apps:3:ClientSecret"] = OtherSecret,
        ["Emulator:Oidc:Apps:3:DisplayName"] = "A screen that was stolen",
        ["Emulator:Oidc:Apps:3:Roles:0"] = "Wallboard",
        ["Emulator:Oidc:Apps:4:ClientId"] = ScreenAndSupervisorId,
        ["Emulator:Oidc:Apps:4:ClientSecret"] = OtherSecret,
        ["Emulator:Oidc:Apps:4:DisplayName"] = "A script that may also act",
        ["Emulator:Oidc:Apps:4:Roles:0"] = "Wallboard",
        ["Emulator:Oidc:Apps:4:Roles:1"] = "Supervisor",
        ["Security:RevokedDevices:0"] = RevokedScreenId,
    };

    /// <summary>The Development wallboard app, as the repository's development settings configure it.</summary>
    public static OidcAppOptions Wallboard { get; } = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepositoryPaths.Root, "appsettings.Development.json"))
        .Build().GetSection("Emulator:Oidc:Apps:0").Get<OidcAppOptions>()!;

    /// <summary>An app-only token from the emulator (client_secret_post, <c>api://{web app}/.default</c>).</summary>
    public Task<string> TokenAsync(string clientId, string secret) => TokenAsync(Emulator, clientId, secret);

    /// <summary>An app-only token from the emulator behind <paramref name="emulator"/> (any fixture's app).</summary>
    public static async Task<string> TokenAsync(HttpClient emulator, string clientId, string secret)
    {
        using var response = await emulator.PostAsync($"{Defaults.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = $"api://{Defaults.ClientId}/.default",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token request failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public Task<string> WallboardTokenAsync() => TokenAsync(Wallboard.ClientId, Wallboard.ClientSecret);

    /// <summary>The typed hub client signed in with <paramref name="token"/> only (no cookies).</summary>
    public Task<CallsHubClient> ConnectWithTokenAsync(string token, CallsHubTransport transport = CallsHubTransport.WebSockets) =>
        CallsHubClient.ConnectAsync(BaseAddress, new CallsHubClientOptions
        {
            AutomaticReconnect = false,
            AccessTokenProvider = () => Task.FromResult<string?>(token),
            ConfigureConnection = http => http.Transports = transport == CallsHubTransport.WebSockets
                ? Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets
                : Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling,
        });
}

public enum CallsHubTransport
{
    WebSockets,
    LongPolling,
}

[CollectionDefinition(Name)]
public sealed class AppOnlyCollection : ICollectionFixture<AppOnlyFixture>
{
    public const string Name = "app-only";
}
