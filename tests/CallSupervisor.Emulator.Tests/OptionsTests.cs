using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Emulator.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void GetErrors_Defaults_NoErrors() => Assert.Empty(EmulatorOptionsValidator.GetErrors(new EmulatorOptions()));

    [Theory]
    [InlineData("http://0.0.0.0:5190")]
    [InlineData("http://10.1.2.3:5190")]
    [InlineData("https://127.0.0.1:5190")]
    [InlineData("not a url")]
    public async Task StartAsync_NonLoopbackOrInvalidUrls_ThrowsValidationException(string urls)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            EmulatorHost.StartAsync(new EmulatorOptions { Urls = urls }, null, CancellationToken.None));

        Assert.Contains("Emulator:Urls", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetErrors_BadRangesAndProbabilities_ReportsEach()
    {
        var options = new EmulatorOptions
        {
            AccessKey = "not base64!",
            AppBaseUrl = new Uri("http://192.168.1.10:5180"),
            Simulation = new SimulationOptions
            {
                MediaDurationMin = TimeSpan.FromSeconds(10),
                MediaDurationMax = TimeSpan.FromSeconds(5),
                InvitationAcceptProbability = 0.8,
                InvitationDeclineProbability = 0.5,
            },
            Faults = new FaultOptions { FailOperation = "dance", DropCallbackProbability = 2 },
        };

        var errors = EmulatorOptionsValidator.GetErrors(options);

        Assert.Contains(errors, e => e.Contains("AccessKey", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("AppBaseUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("MediaDuration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("must not exceed 1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("dance", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("DropCallbackProbability", StringComparison.Ordinal));
    }

    [Fact]
    public void GetErrors_BadContactCenterValues_ReportsEach()
    {
        var simulation = new SimulationOptions
        {
            ArrivalsPerMinute = -1,
            MaxConcurrentCalls = 0,
            PatienceMean = TimeSpan.Zero,
            HandleTimeSpread = double.NaN,
            AgentAcceptProbability = 0.9,
            AgentDeclineProbability = 0.2,
            AgentRingTimeMin = TimeSpan.FromSeconds(9),
            AgentRingTimeMax = TimeSpan.FromSeconds(3),
            Agents = [new SimulatedAgent { Id = "agent-without-prefix", Name = "Nobody" }],
        };
        simulation.MenuWeights["7x"] = 1;

        var errors = EmulatorOptionsValidator.GetErrors(new EmulatorOptions { Simulation = simulation });

        foreach (var name in new[] { "ArrivalsPerMinute", "MaxConcurrentCalls", "PatienceMean", "HandleTimeSpread", "AgentAcceptProbability + AgentDeclineProbability", "AgentRingTime", "'7x'", "Agents" })
        {
            Assert.Contains(errors, e => e.Contains(name, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Bind_ContactCenterSettings_AsTheReadmeDescribes()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Emulator:Simulation:MenuWeights:1"] = "0",
            ["Emulator:Simulation:MenuWeights:3"] = "10",
            ["Emulator:Simulation:Agents:0:Id"] = "8:acs:emulator_agent-zoe",
            ["Emulator:Simulation:Agents:0:Name"] = "Zoe Park",
            ["Emulator:Simulation:TargetConcurrentCalls"] = "5",
            ["Emulator:Simulation:PatienceMean"] = "00:03:00",
        }).Build();

        var options = configuration.GetSection("Emulator").Get<EmulatorOptions>()!;

        // Keys add to the default weights, a weight of 0 removes a default key; configured agents replace the eight.
        Assert.Equal(new Dictionary<string, double> { ["1"] = 0, ["2"] = 45, ["3"] = 10 }, options.Simulation.MenuWeights);
        Assert.Equal("Zoe Park", Assert.Single(options.Simulation.EffectiveAgents).Name);
        Assert.Equal(5, options.Simulation.TargetConcurrentCalls);
        Assert.Equal(TimeSpan.FromMinutes(3), options.Simulation.PatienceMean);
        Assert.Empty(EmulatorOptionsValidator.GetErrors(options));
        Assert.Null(new EmulatorOptions().Simulation.TargetConcurrentCalls);
        Assert.Equal(8, new EmulatorOptions().Simulation.EffectiveAgents.Count);
    }

    [Fact]
    public async Task StartAsync_Defaults_ExposesConnectionValues()
    {
        await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Simulation = { Enabled = false } }, null, CancellationToken.None);

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.Equal($"endpoint={emulator.BaseAddress};accesskey={emulator.AccessKey}", emulator.ConnectionString);
        Assert.Equal(32, Convert.FromBase64String(emulator.AccessKey).Length);
        Assert.Equal(new Uri(emulator.BaseAddress, "graph/v1.0/"), emulator.GraphBaseAddress);
        Assert.Equal("https://acscallautomation.communication.azure.com", emulator.Issuer);
        Assert.Equal(new Uri(emulator.BaseAddress, "calling/.well-known/acsopenidconfiguration"), emulator.OpenIdMetadataAddress);
        Assert.Throws<ArgumentException>(() => emulator.AttachApp(new Uri("http://10.0.0.1:5180")));
    }
}
