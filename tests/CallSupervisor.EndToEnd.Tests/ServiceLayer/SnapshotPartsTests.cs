using System.Net;
using System.Net.Http.Json;
using CallSupervisor.Client;
using CallSupervisor.Contracts;
using CallSupervisor.EndToEnd.Tests.Infrastructure;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>
/// A board larger than one snapshot part over the real hub: a client that asks for the first part gets the totals and
/// the first part of live calls at once, then the rest; a default client gets the whole board before ConnectAsync returns.
/// </summary>
public sealed class SnapshotPartsTests : IAsyncLifetime
{
    private const int Calls = CallsHubContract.SnapshotPartSize + 100;
    private readonly string _home = Path.Combine(Path.GetTempPath(), "callsupervisor-parts-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_home, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ABoardOfTwoParts_FirstPartAtOnceWhenAskedFor_WholeOtherwise()
    {
        await using var emulator = await ExternalEmulator.StartAsync(simulation: false);
        var port = ServerProcesses.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        emulator.Attach(address);
        await using var app = await AppProcess.StartAsync(_home, emulator.AppSettings(address), waitForEmulator: false, port: port);
        var cookies = await OidcSignIn.SignInAsync(address, OidcSignIn.Manager);
        CallsHubClientOptions Options(bool whole) => new() { AutomaticReconnect = false, WaitForWholeSnapshot = whole, ConfigureConnection = h => h.Cookies = cookies };

        await using (var seeding = await CallsHubClient.ConnectAsync(address, Options(whole: true)))
        {
            await Parallel.ForAsync(0, Calls, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, ct) =>
            {
                using var created = await emulator.Admin.PostAsJsonAsync("emulator/calls", LiveCallsUiTests.AcsCall("+14255550100"), ct);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            });
            await seeding.WaitForAsync(b => b.Calls.Values.Count(c => c.State == "Connected") == Calls, TimeSpan.FromSeconds(60));
        }

        await using var quick = await CallsHubClient.ConnectAsync(address, Options(whole: false));
        var first = quick.Board;
        Assert.Equal(Calls, first.Counts.LiveCalls);
        if (first.IsPartial)
        {
            Assert.Equal(CallsHubContract.SnapshotPartSize, first.Calls.Count);
            Assert.All(first.Calls.Values, c => Assert.Equal("Connected", c.State));
        }
        var whole = await quick.WaitForAsync(b => b.SnapshotsApplied == 1, TimeSpan.FromSeconds(30));
        Assert.False(whole.IsPartial);
        Assert.Equal(Calls, whole.Calls.Count);

        await using var patient = await CallsHubClient.ConnectAsync(address, Options(whole: true));
        Assert.False(patient.Board.IsPartial);
        Assert.Equal(Calls, patient.Board.Calls.Count);
    }
}
