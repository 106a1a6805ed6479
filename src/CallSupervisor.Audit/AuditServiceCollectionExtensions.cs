using CallSupervisor.Audit.Data;
using CallSupervisor.Audit.Export;
using CallSupervisor.Audit.Maintenance;
using CallSupervisor.Audit.Queries;
using CallSupervisor.Audit.Records;
using CallSupervisor.Audit.Writing;
using CallSupervisor.Core.Audit;
using CallSupervisor.Core.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Audit;

/// <summary>Registers the persisted audit trail.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <c>Audit</c> options (validated at start), the context factory of the configured provider,
    /// <see cref="EfAuditTrail"/> as <see cref="IAuditTrail"/>, <see cref="IAuditQueries"/>, <see cref="AuditCsvExporter"/>,
    /// the call records (<see cref="ICallRecordStore"/> and its <see cref="CallRecordWriter"/>) and the targets
    /// (<see cref="ITargetsStore"/>), and the hosted services: migration and start-up repair (before the app serves), the update and record writers,
    /// retention and the SQLite WAL checkpoint. Needs <see cref="IHostEnvironment"/> for a relative SQLite path (else the app's folder is used).
    /// </summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .PostConfigure(o => o.ConnectionString ??= configuration.GetConnectionString(AuditOptions.ConnectionStringName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditStorageValidator>(
            sp => new AuditStorageValidator(ContentRoot(sp))));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => AuditStorage.CreateFactory(
            sp.GetRequiredService<IOptions<AuditOptions>>().Value,
            ContentRoot(sp),
            sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton(sp => sp.GetService<System.Diagnostics.Metrics.IMeterFactory>() is { } meters
            ? new CallSupervisor.Core.Diagnostics.CallSupervisorMeter(meters) : new CallSupervisor.Core.Diagnostics.CallSupervisorMeter());
        services.AddSingleton(sp =>
        {
            var queue = new AuditUpdateQueue(sp.GetRequiredService<IOptions<AuditOptions>>().Value.QueueCapacity);
            sp.GetRequiredService<CallSupervisor.Core.Diagnostics.CallSupervisorMeter>().Meter.CreateObservableGauge(
                CallSupervisor.Core.Diagnostics.CallSupervisorMetrics.AuditQueueDepthName, () => (long)queue.Count, "{update}",
                "Audit updates waiting to be written.");
            return queue;
        });
        services.AddSingleton(new AuditWriterSettings());
        services.AddSingleton<AuditUpdateApplier>();
        services.AddSingleton(sp => new EfAuditTrail(
            sp.GetRequiredService<IDbContextFactory<AuditDbContext>>(),
            sp.GetRequiredService<AuditUpdateQueue>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<EfAuditTrail>>(),
            sp.GetRequiredService<AuditWalCheckpoint>()));
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<EfAuditTrail>());
        services.AddSingleton<IAuditQueries, EfAuditQueries>();
        services.AddSingleton<AuditCsvExporter>();
        services.AddSingleton(sp => new EfCallRecordStore(
            sp.GetRequiredService<IDbContextFactory<AuditDbContext>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AuditWalCheckpoint>()));
        services.AddSingleton<ICallRecordStore>(sp => sp.GetRequiredService<EfCallRecordStore>());
        services.AddSingleton(sp => new ReportCsvExporter(sp.GetRequiredService<ICallRecordStore>()));
        services.AddSingleton<ITargetsStore>(sp => new EfTargetsStore(sp.GetRequiredService<IDbContextFactory<AuditDbContext>>()));
        services.TryAddSingleton(sp => new CallRecordWriterSettings { Capacity = sp.GetRequiredService<IOptions<AuditOptions>>().Value.QueueCapacity });
        services.AddSingleton(sp => new CallRecordWriter(
            sp.GetRequiredService<ICallRecordStore>(),
            sp.GetRequiredService<CallRecordWriterSettings>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CallRecordWriter>>()));

        // In this order: the schema exists before the writer or retention touch it.
        services.AddHostedService<AuditDatabaseInitializer>();
        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<CallRecordWriter>());
        services.AddHostedService<AuditRetention>();
        services.AddSingleton<AuditWalCheckpoint>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWalCheckpoint>());
        return services;
    }

    private static string ContentRoot(IServiceProvider services) =>
        services.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory;
}
