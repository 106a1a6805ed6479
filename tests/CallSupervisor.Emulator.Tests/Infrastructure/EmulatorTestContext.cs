using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CallSupervisor.Emulator.Tests.Infrastructure;

/// <summary>An emulator (simulation off, short delays) attached to a <see cref="FakeApp"/>, plus signed and admin clients.</summary>
public sealed class EmulatorTestContext : IAsyncDisposable
{
    private EmulatorTestContext(EmulatorHost emulator, FakeApp app)
    {
        Emulator = emulator;
        App = app;
        Client = new AcsTestClient(emulator.BaseAddress, emulator.AccessKey);
        Admin = new HttpClient { BaseAddress = emulator.BaseAddress };
        App.UseClient(Client);
    }

    public EmulatorHost Emulator { get; }

    public FakeApp App { get; }

    public AcsTestClient Client { get; }

    public HttpClient Admin { get; }

    public static EmulatorOptions QuietOptions() => new()
    {
        Simulation = new SimulationOptions
        {
            Enabled = false,
            ConnectDelay = TimeSpan.FromMilliseconds(20),
            EventDelay = TimeSpan.FromMilliseconds(20),
        },
        CallbackRetryBaseDelay = TimeSpan.FromMilliseconds(20),
    };

    public static async Task<EmulatorTestContext> StartAsync(Action<EmulatorOptions>? configure = null, bool attach = true)
    {
        var options = QuietOptions();
        configure?.Invoke(options);
        var app = await FakeApp.StartAsync();
        var emulator = await EmulatorHost.StartAsync(options, null, CancellationToken.None);
        if (attach)
        {
            emulator.AttachApp(app.BaseAddress);
        }
        return new EmulatorTestContext(emulator, app);
    }

    /// <summary>Starts a scenario call and returns its call id (the callConnectionId for ACS calls).</summary>
    public async Task<string> StartCallAsync(object scenario)
    {
        using var response = await Admin.PostAsJsonAsync("emulator/calls", scenario);
        Assert.Equal(201, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (string)body!["callId"]!;
    }

    /// <summary>Starts an ACS scenario call and waits until the app has it connected (CallConnected + first roster).</summary>
    public async Task<string> StartConnectedCallAsync(object scenario)
    {
        var callId = await StartCallAsync(scenario);
        await App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && e.CallConnectionId == callId);
        return callId;
    }

    public async Task<JsonObject> CallStateAsync(string callId)
    {
        var state = await Admin.GetFromJsonAsync<JsonObject>("emulator/calls");
        return state!["calls"]!.AsArray().OfType<JsonObject>().Single(c => (string?)c["callId"] == callId);
    }

    public async Task SetFaultsAsync(object faults)
    {
        using var response = await Admin.PostAsJsonAsync("emulator/faults", faults);
        Assert.Equal(200, (int)response.StatusCode);
    }

    public static string CallPath(string callId, string suffix = "") =>
        $"calling/callConnections/{callId}{suffix}?{AcsTestClient.ApiVersion}";

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Client.Dispose();
        await Emulator.DisposeAsync();
        await App.DisposeAsync();
    }
}
