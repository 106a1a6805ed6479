using CallSupervisor.Core.Pulse;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Hosting;

/// <summary>Ticks the server heartbeat so every open dashboard sees server-initiated updates.</summary>
internal sealed class PulseTimer(PulseService pulse, IOptions<DashboardOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PulseInterval, time);
        pulse.Tick(time.GetUtcNow());
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                pulse.Tick(time.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
