using CallSupervisor.Board.EventLog;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Web.Figures;

/// <summary>
/// At start, once the board has caught up with the event log: the targets an administrator saved (in the database)
/// are the ones in force. A fresh event log, or one pruned past the last change, would otherwise fall back to the
/// configured defaults; announcing them again is harmless (every instance ends with the same set).
/// </summary>
internal sealed partial class TargetsStartup(
    IServiceProvider services, ICallsFeed board, EventLogStatus status, IEventApplier applier, TimeProvider time, ILogger<TargetsStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<ITargetsStore>() is not { } store)
        {
            return;
        }
        try
        {
            while (!status.CaughtUp)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), time, stoppingToken).ConfigureAwait(false);
            }
            if (await store.LoadAsync(stoppingToken).ConfigureAwait(false) is { } saved && !saved.SameAs(board.Current.Targets))
            {
                await applier.ApplyAsync(new TargetsChanged($"settings:restored:{Guid.NewGuid():N}", time.GetUtcNow(), saved, "saved targets"), stoppingToken).ConfigureAwait(false);
                LogRestored();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // The configured defaults (or the log's last change) stay in force; the page says which apply.
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The targets saved in the database are in force again")]
    private partial void LogRestored();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The saved targets could not be read; the targets of the event log (or the configured defaults) apply")]
    private partial void LogFailed(Exception exception);
}
