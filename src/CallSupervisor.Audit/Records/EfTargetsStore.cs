using System.Text.Json;
using CallSupervisor.Audit.Data;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Settings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CallSupervisor.Audit.Records;

/// <summary>
/// The targets an administrator set (<see cref="ITargetsStore"/>), kept as JSON in <c>settings</c> under the key
/// <see cref="Key"/> with who changed them and when. JSON (System.Text.Json, durations as <c>"00:00:20"</c>) so a new
/// target added to <see cref="QueueTargets"/> later reads back from an older row with its default.
/// </summary>
public sealed class EfTargetsStore(IDbContextFactory<AuditDbContext> contexts) : ITargetsStore
{
    public const string Key = "targets";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Targets?> LoadAsync(CancellationToken cancellationToken)
    {
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var value = await context.Settings.Where(s => s.Key == Key).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return value is null ? null : Deserialize(value);
        }
    }

    public async Task SaveAsync(Targets targets, string changedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(changedBy);
        var value = Serialize(targets);
        var by = AuditEntryMapping.Fit(changedBy, AuditDbContext.NameLength);
        var when = AuditTime.Utc(at);
        var context = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var sqlite = context.Database.IsSqlite();
            // An upsert in one statement: two instances saving at once leave one row, the later one's.
            const string Sql = $"INSERT INTO {CallRecordModel.SettingsTable} (key, value, changed_by, changed_at) VALUES (@key, @value, @by, @at) " +
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value, changed_by = excluded.changed_by, changed_at = excluded.changed_at";
            object[] parameters = sqlite
                ? [new SqliteParameter("@key", Key), new SqliteParameter("@value", value), new SqliteParameter("@by", by), new SqliteParameter("@at", when.Ticks)]
                : [new NpgsqlParameter("@key", Key), new NpgsqlParameter("@value", value), new NpgsqlParameter("@by", by), new NpgsqlParameter("@at", NpgsqlDbType.TimestampTz) { Value = when }];
            await context.Database.ExecuteSqlRawAsync(Sql, parameters, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static string Serialize(Targets targets) => JsonSerializer.Serialize(targets, Json);

    internal static Targets? Deserialize(string json)
    {
        var targets = JsonSerializer.Deserialize<Targets>(json, Json);
        // A queue map missing from the JSON reads as none rather than null.
        return targets is null ? null : targets with { Queues = targets.Queues ?? System.Collections.Immutable.ImmutableDictionary<string, QueueTargets>.Empty, Default = targets.Default ?? QueueTargets.Default };
    }
}
