using CallSupervisor.Client.Internal;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Client.Tests;

/// <summary>What the client's hub connection is built with, read back from its services.</summary>
public sealed class HubConnectionSetupTests
{
    private static readonly Uri Hub = new("http://127.0.0.1:5180/hubs/calls");

    private static ServiceProvider Services(CallsHubClientOptions options) =>
        HubConnectionSetup.CreateBuilder(Hub, options, new CallBoardMerger()).Services.BuildServiceProvider();

    [Fact]
    public void CreateBuilder_ConnectionFactory_IsTheMergersConnectionHook()
    {
        using var services = Services(new CallsHubClientOptions());

        Assert.IsType<ConnectionStartNotifier>(services.GetRequiredService<IConnectionFactory>());
    }

    [Fact]
    public void CreateBuilder_ConfigureConnection_ReachesTheHttpOptions()
    {
        using var services = Services(new CallsHubClientOptions
        {
            ConfigureConnection = http => http.Headers["X-Wallboard"] = "lobby",
        });

        var http = services.GetRequiredService<IOptions<HttpConnectionOptions>>().Value;
        Assert.Equal(Hub, http.Url);
        Assert.Equal("lobby", http.Headers["X-Wallboard"]);
    }

    [Fact]
    public async Task CreateBuilder_AccessTokenProvider_IsTheConnectionsTokenSource()
    {
        using var services = Services(new CallsHubClientOptions { AccessTokenProvider = () => Task.FromResult<string?>("app-token") });

        var http = services.GetRequiredService<IOptions<HttpConnectionOptions>>().Value;
        Assert.NotNull(http.AccessTokenProvider);
        Assert.Equal("app-token", await http.AccessTokenProvider());
    }

    [Fact]
    public void CreateBuilder_NoAccessTokenProvider_SendsNoToken()
    {
        using var services = Services(new CallsHubClientOptions());

        Assert.Null(services.GetRequiredService<IOptions<HttpConnectionOptions>>().Value.AccessTokenProvider);
    }

    [Fact]
    public void CreateBuilder_Default_ReconnectsAutomatically()
    {
        using var services = Services(new CallsHubClientOptions());

        Assert.NotNull(services.GetService<IRetryPolicy>());
    }

    [Fact]
    public void CreateBuilder_OwnReconnectPolicy_IsUsed()
    {
        var policy = new NeverRetry();
        using var services = Services(new CallsHubClientOptions { ReconnectPolicy = policy });

        Assert.Same(policy, services.GetService<IRetryPolicy>());
    }

    [Fact]
    public void CreateBuilder_AutomaticReconnectOff_HasNoRetryPolicy()
    {
        using var services = Services(new CallsHubClientOptions { AutomaticReconnect = false, ReconnectPolicy = new NeverRetry() });

        Assert.Null(services.GetService<IRetryPolicy>());
    }

    private sealed class NeverRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => null;
    }
}
