using CallSupervisor.Audit.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Audit.Maintenance;

/// <summary>
/// Deletes rows older than <see cref="AuditOptions.Retention"/> and call records older than <see cref="AuditOptions.CallRecordRetention"/>: once at start, then every
/// <see cref="AuditOptions.RetentionInterval"/>; then refreshes the planner's statistics (SQLite).
/// </summary>
internal sealed partial class AuditRetention(
    IDbContextFactory<AuditDbContext> contexts,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditRetention> logger) : BackgroundService
{
    internal const int BatchSize = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        try
        {
            do
            {
                try
                {
                    var cutoff = time.GetUtcNow() - options.Value.Retention;
                    var deleted = await AuditMaintenance.DeleteOlderThanAsync(contexts, cutoff, BatchSize, stoppingToken).ConfigureAwait(false);
                    // Said only when something went: a start or a quiet day is not news.
                    if (deleted > 0)
                    {
                        LogDeleted(deleted, cutoff);
                    }
                    else
                    {
                        LogNothingDeleted(cutoff);
                    }
                    var recordsCutoff = time.GetUtcNow() - options.Value.CallRecordRetention;
                    var records = await AuditMaintenance.DeleteCallRecordsOlderThanAsync(contexts, recordsCutoff, BatchSize, stoppingToken).ConfigureAwait(false);
                    if (records > 0)
                    {
                        LogRecordsDeleted(records, recordsCutoff);
                    }
                    await AuditMaintenance.AnalyzeAsync(contexts, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next run tries again; nothing is lost by waiting.
                    LogFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit retention: {Deleted} rows requested before {Cutoff:O} deleted")]
    private partial void LogDeleted(long deleted, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call record retention: {Deleted} calls that arrived before {Cutoff:O} deleted")]
    private partial void LogRecordsDeleted(long deleted, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit retention: no rows requested before {Cutoff:O}")]
    private partial void LogNothingDeleted(DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Error, Message = "Audit retention failed; it runs again at its next interval")]
    private partial void LogFailed(Exception ex);
}
