using CallSupervisor.Contracts;
using CallSupervisor.Core.Store;
using Microsoft.AspNetCore.SignalR;

namespace CallSupervisor.Web.Hubs;

/// <summary>
/// Pushes the day's figures to hub clients (JS wallboards, scripts): computed once per push for every client, at most
/// once a second while the board changes and every <see cref="Quiet"/> when it does not (the waits grow with the
/// clock), and not at all while no hub client is connected.
/// </summary>
internal sealed partial class FiguresBroadcaster(
    ICallsFeed store, IHubContext<CallsHub> hub, CallSupervisor.Web.Figures.SharedDayFigures figures,
    Hosting.OperationsMonitor monitor, CallSupervisor.Core.Diagnostics.CallSupervisorMetrics metrics, TimeProvider time, ILogger<FiguresBroadcaster> logger) : BackgroundService
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    /// <summary>The figures now, as a new client gets them on connect.</summary>
    public static FiguresDto Now(ICallsFeed store, CallSupervisor.Web.Figures.SharedDayFigures figures, TimeProvider time) =>
        figures.For(store.Current, time.GetUtcNow(), exact: true).ToDto();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        long sentVersion = -1;
        var sentAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var version = store.Version;
            var now = time.GetUtcNow();
            if (monitor.HubClients == 0 || (version == sentVersion && now - sentAt < Quiet))
            {
                continue;
            }
            try
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                await hub.Clients.All.SendAsync(CallsHubContract.FiguresMessage, Now(store, figures, time), stoppingToken).ConfigureAwait(false);
                metrics.Pushed("figures", start);
                (sentVersion, sentAt) = (version, now);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing the day's figures to hub clients failed")]
    private partial void LogSendFailed(Exception exception);
}
