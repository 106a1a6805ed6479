using CallSupervisor.Audit.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Audit.Maintenance;

/// <summary>
/// Migrates the audit database and repairs actions left unsettled by the previous process. A hosted service's
/// <see cref="StartAsync"/> completes before the server starts listening, so no action is recorded before the
/// schema exists; a failure here stops the app with the database's error.
/// </summary>
internal sealed partial class AuditDatabaseInitializer(
    IDbContextFactory<AuditDbContext> contexts,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<AuditDatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await AuditMaintenance.MigrateAsync(contexts, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var repaired = await AuditMaintenance.RepairUnsettledAsync(contexts, now - options.Value.UnsettledAfter, now, cancellationToken).ConfigureAwait(false);
        if (repaired > 0)
        {
            LogRepaired(options.Value.Provider, repaired);
        }
        else
        {
            LogReady(options.Value.Provider);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail ready on {Provider}")]
    private partial void LogReady(AuditProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail ready on {Provider}; {Repaired} actions left unsettled by the previous run marked NotConfirmed")]
    private partial void LogRepaired(AuditProvider provider, int repaired);
}
