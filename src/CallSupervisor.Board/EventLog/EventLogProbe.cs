using CallSupervisor.Core.EventLog;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Board.EventLog;

/// <summary>An event log that can be asked whether it takes writes now, without appending a record.</summary>
public interface IEventLogProbe
{
    /// <summary>Writes something small beside the log; throws <see cref="EventLogUnavailableException"/> when it cannot.</summary>
    Task ProbeAsync(CancellationToken cancellationToken);
}

/// <summary>
/// While the event log is unavailable, tries a small write every <see cref="EventLogOptions.ProbeInterval"/>, so that
/// readiness and the degraded banner clear as soon as the log can be written again (disk space freed, Redis back) —
/// not only when the next callback or action happens to write, which may never come: a balancer sends no callbacks to
/// an instance whose readiness fails. Does nothing while the log is available, or for a log that cannot be probed.
/// </summary>
public sealed partial class EventLogProbe(
    IEventLog log,
    EventLogStatus status,
    IOptions<EventLogOptions> options,
    TimeProvider time,
    ILogger<EventLogProbe> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (log is not IEventLogProbe probe)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.ProbeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (status.Available)
                {
                    continue;
                }
                try
                {
                    await probe.ProbeAsync(stoppingToken).ConfigureAwait(false);
                    LogWritable(status.Kind);
                    status.Succeeded();
                }
                catch (EventLogUnavailableException ex)
                {
                    status.Failed(ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The event log ({Kind}) can be written again")]
    private partial void LogWritable(string kind);
}
