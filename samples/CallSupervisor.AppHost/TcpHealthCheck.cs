using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallSupervisor.AppHost;

/// <summary>
/// Healthy once the executable accepts connections on its port, so that the instances (<c>WaitFor</c>) start after
/// Redis and PostgreSQL listen, not merely after their processes were started.
/// </summary>
internal static class TcpHealthCheck
{
    public static IResourceBuilder<ExecutableResource> WithTcpHealthCheck(this IResourceBuilder<ExecutableResource> resource, IDistributedApplicationBuilder builder, int port)
    {
        var key = resource.Resource.Name + "-listens";
        builder.Services.AddHealthChecks().AddAsyncCheck(key, async cancellationToken =>
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException ex)
            {
                return HealthCheckResult.Unhealthy($"Nothing listens on 127.0.0.1:{port} yet.", ex);
            }
        });
        return resource.WithHealthCheck(key);
    }
}
