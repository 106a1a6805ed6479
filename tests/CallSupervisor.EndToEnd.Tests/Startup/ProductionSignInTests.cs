using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CallSupervisor.EndToEnd.Tests.Infrastructure;

namespace CallSupervisor.EndToEnd.Tests.Startup;

/// <summary>
/// The built app in Production whose identity provider cannot be reached: sign-in is its only casualty. Health probes
/// and ACS callbacks (signed by the emulator, as ACS signs them) are answered, because sign-in is not run for them.
/// </summary>
public sealed class ProductionSignInTests : IAsyncDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-prod-" + Guid.NewGuid().ToString("N"));

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Fact]
    public async Task Production_IdentityProviderUnreachable_HealthAndSignedCallbacksAnswered()
    {
        Directory.CreateDirectory(_home);
        await using var emulator = await ExternalEmulator.StartAsync(simulation: false);
        var settings = emulator.AppSettings(new Uri("https://supervisor.example.test/"));
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings["AllowedHosts"] = "127.0.0.1";
        settings["Security:LocalSignIn"] = "false";
        // An https identity provider nobody listens at: every metadata request fails.
        settings["AzureAd:Instance"] = $"https://127.0.0.1:{ServerProcesses.FreePort()}/";
        await using var app = await AppProcess.StartAsync(_home, settings, waitForEmulator: false);
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using var live = await http.GetAsync("health");
        using var ready = await http.GetAsync("health/ready");
        using var callback = new HttpRequestMessage(HttpMethod.Post, "api/callbacks/acs")
        {
            Content = new StringContent("""
                [{"id":"prod-1","source":"calling/callConnections/prod-call","type":"Microsoft.Communication.ParticipantsUpdated",
                  "specversion":"1.0","time":"2026-11-21T10:00:00Z","datacontenttype":"application/json","subject":"calling/callConnections/prod-call",
                  "data":{"callConnectionId":"prod-call","serverCallId":"s","correlationId":"c","sequenceNumber":1,
                    "participants":[{"identifier":{"kind":"communicationUser","rawId":"8:acs:u1","communicationUser":{"id":"8:acs:u1"}},"isMuted":false,"isOnHold":false}]}}]
                """, Encoding.UTF8, "application/json"),
        };
        callback.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Host.CreateCallbackToken());
        using var accepted = await http.SendAsync(callback);

        Assert.True(live.StatusCode == HttpStatusCode.OK, $"/health: {live.StatusCode}\n{app.Output}");
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"/health/ready: {ready.StatusCode}\n{app.Output}");
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, $"callback: {accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}\n{app.Output}");
    }
}
