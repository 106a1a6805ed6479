using CallSupervisor.Client;
using CallSupervisor.EndToEnd.Tests.Infrastructure;

namespace CallSupervisor.EndToEnd.Tests.Startup;

/// <summary>
/// What a newcomer sees after <c>dotnet run --project src/CallSupervisor.Web</c>: the app started as dotnet run starts
/// it (Development, the project folder as content root, the root's appsettings.Development.json), its start is a few
/// lines — the address, the emulator, the demo sign-in and its users — and the detail (EF Core's SQL, the key ring's
/// warning, IdentityModel's token validation steps) stays one log level away, also once callbacks arrive.
/// </summary>
public sealed class StartupOutputTests : IAsyncDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-run-" + Guid.NewGuid().ToString("N"));

    public async ValueTask DisposeAsync()
    {
        await Task.Yield();
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Fact]
    public async Task DotnetRun_Development_StartIsShortAndNamesTheDemoUsers()
    {
        Directory.CreateDirectory(_home);
        var project = Path.Combine(RepositoryPaths.Root, "src", "CallSupervisor.Web");
        await using var app = await AppProcess.StartAsync(_home, workingDirectory: project);

        // The start: everything up to the emulator's line (the simulation's own lines follow it).
        var output = app.Output;
        var attached = output.IndexOf("Embedded ACS/Graph emulator at", StringComparison.Ordinal);
        Assert.True(attached >= 0, output);
        var start = output[..(output.IndexOf('\n', attached) is var end and >= 0 ? end : output.Length)];
        var lines = start.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length <= 20, $"{lines.Length} lines at start:\n{start}");
        Assert.Contains("Now listening on: " + app.BaseAddress.ToString().TrimEnd('/'), start, StringComparison.Ordinal);
        Assert.Contains("Embedded ACS/Graph emulator at", start, StringComparison.Ordinal);
        Assert.Contains("Demo sign-in", start, StringComparison.Ordinal);
        Assert.Contains("Olivia Observer (Observer), Sam Supervisor (Supervisor), Ada Auditor (Auditor), Max Manager (Supervisor, Auditor, Administrator), Ana Lima (Agent), Eli Haddad (Agent)", start, StringComparison.Ordinal);
        Assert.Matches(@"App-only tokens \(client credentials\) for screens and scripts: callsupervisor-wallboard \(Wallboard\) at http://127\.0\.0\.1:\d+/[0-9a-f-]+/oauth2/v2\.0/token", start);
        Assert.DoesNotContain("Executed DbCommand", start, StringComparison.Ordinal);
        Assert.DoesNotContain("No XML encryptor", start, StringComparison.Ordinal);

        // ACS callbacks arrive and are validated (a connected ACS call on the board), without a line per token.
        var cookies = await OidcSignIn.SignInAsync(app.BaseAddress, OidcSignIn.Supervisor);
        await using var hub = await CallsHubClient.ConnectAsync(app.BaseAddress, new CallsHubClientOptions { ConfigureConnection = h => h.Cookies = cookies });
        await hub.WaitForAsync(b => b.Calls.Values.Any(c => c.Platform == "Acs" && c.State == "Connected"), TimeSpan.FromSeconds(60));
        Assert.DoesNotContain("IDX", app.Output, StringComparison.Ordinal);
        // Nor a line per ACS request from the resilience pipeline (retries are still logged, as warnings).
        Assert.DoesNotContain("Execution attempt", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", app.Output, StringComparison.Ordinal);
    }
}
