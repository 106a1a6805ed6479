using System.Diagnostics;
using Yarp.ReverseProxy.Forwarder;

namespace CallSupervisor.LoadBalancer;

/// <summary>
/// Logs, at Debug, which instance served each request: enough to see callbacks spread and a browser stay on its
/// instance (<c>Logging:LogLevel:CallSupervisor.LoadBalancer=Debug</c>). Only the path is logged: the query can
/// hold a secret (Event Grid's <c>?key=</c>).
/// </summary>
public static partial class ServedByLogging
{
    public static IReverseProxyApplicationBuilder UseServedByLogging(this IReverseProxyApplicationBuilder proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        var logger = proxy.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("CallSupervisor.LoadBalancer.ServedBy");
        proxy.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next();
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    var proxied = context.GetReverseProxyFeature();
                    var error = context.Features.Get<IForwarderErrorFeature>()?.Error ?? ForwarderError.None;
                    Served(logger, proxied.Route.Config.RouteId, context.Request.Method, context.Request.Path.Value ?? "/",
                        proxied.ProxiedDestination?.DestinationId ?? "(none)", context.Response.StatusCode, error,
                        Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        });
        return proxy;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Route}: {Method} {Path} served by {Destination}: {Status} ({Error}) in {ElapsedMs:0.0} ms")]
    private static partial void Served(ILogger logger, string route, string method, string path, string destination, int status, ForwarderError error, double elapsedMs);
}
