using CallSupervisor.Audit.Data;
using CallSupervisor.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace CallSupervisor.Audit.Tests.Infrastructure;

/// <summary>Audit records and rows for arranging tests.</summary>
public static class Rows
{
    public static AuditRecord Record(
        string? id = null, DateTimeOffset? at = null, string actor = "Ana Lima", ActionKind action = ActionKind.Mute,
        string callId = "call-1", AuditStatus status = AuditStatus.Sending, string? detail = null, string target = "8:acs:agent") =>
        new(id ?? "supervisor-mute:" + Guid.NewGuid().ToString("N"), at ?? TestClock.Start, "oid-" + actor.Replace(' ', '-').ToLowerInvariant(), actor,
            SupervisorRoles.Supervisor, action, callId, target, $"{action} of {target}", status, detail);

    /// <summary>Inserts records as rows, skipping the trail (tests read the sequences back rather than assume them).</summary>
    public static async Task InsertAsync(IDbContextFactory<AuditDbContext> contexts, IEnumerable<AuditRecord> records, DateTimeOffset now)
    {
        foreach (var chunk in records.Chunk(2_000))
        {
            await using var context = await contexts.CreateDbContextAsync();
            context.Entries.AddRange(chunk.Select(record => AuditEntryMapping.ToEntry(record, now)));
            await context.SaveChangesAsync();
        }
    }

    public static async Task<AuditEntry?> FindAsync(IDbContextFactory<AuditDbContext> contexts, string id)
    {
        await using var context = await contexts.CreateDbContextAsync();
        return await context.Entries.SingleOrDefaultAsync(e => e.Id == id);
    }

    public static async Task<List<AuditEntry>> AllAsync(IDbContextFactory<AuditDbContext> contexts)
    {
        await using var context = await contexts.CreateDbContextAsync();
        return await context.Entries.OrderBy(e => e.Sequence).ToListAsync();
    }
}
