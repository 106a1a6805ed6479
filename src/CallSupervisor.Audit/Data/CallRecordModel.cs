using Microsoft.EntityFrameworkCore;

namespace CallSupervisor.Audit.Data;

/// <summary>
/// The call records' and settings' tables, in the audit trail's database (one database to deploy, back up and migrate).
/// No foreign keys: a call's rows are written in one transaction and deleted together by retention, and a child
/// table without a constraint costs nothing at insert.
/// </summary>
internal static class CallRecordModel
{
    public const string RecordsTable = "call_records";
    public const string VisitsTable = "call_queue_visits";
    public const string OffersTable = "call_offers";
    public const string SettingsTable = "settings";

    public static void Configure(ModelBuilder modelBuilder)
    {
        var record = modelBuilder.Entity<CallRecordRow>();
        record.ToTable(RecordsTable);
        record.HasKey(r => r.CallId).HasName("pk_call_records");
        record.Property(r => r.CallId).HasColumnName("call_id").HasMaxLength(AuditDbContext.NameLength);
        record.Property(r => r.Platform).HasColumnName("platform").HasMaxLength(AuditDbContext.ShortLength);
        record.Property(r => r.ArrivedAt).HasColumnName("arrived_at");
        record.Property(r => r.EndedAt).HasColumnName("ended_at");
        record.Property(r => r.Outcome).HasColumnName("outcome").HasMaxLength(AuditDbContext.ShortLength);
        record.Property(r => r.QueueId).HasColumnName("queue_id").HasMaxLength(AuditDbContext.NameLength);
        record.Property(r => r.QueuedAt).HasColumnName("queued_at");
        record.Property(r => r.AnsweredAt).HasColumnName("answered_at");
        record.Property(r => r.WaitMs).HasColumnName("wait_ms");
        record.Property(r => r.AgentId).HasColumnName("agent_id").HasMaxLength(AuditDbContext.NameLength);
        record.Property(r => r.AgentName).HasColumnName("agent_name").HasMaxLength(AuditDbContext.NameLength);
        record.Property(r => r.TalkMs).HasColumnName("talk_ms");
        record.Property(r => r.HoldMs).HasColumnName("hold_ms");
        record.Property(r => r.WrapUpMs).HasColumnName("wrap_up_ms");
        record.Property(r => r.Transfers).HasColumnName("transfers");
        record.Property(r => r.Offers).HasColumnName("offers");
        record.Property(r => r.MissedOffers).HasColumnName("missed_offers");
        record.Property(r => r.Caller).HasColumnName("caller");
        record.Property(r => r.TransferredTo).HasColumnName("transferred_to");
        record.Property(r => r.EndReason).HasColumnName("end_reason");
        record.Property(r => r.Queues).HasColumnName("queues");
        record.Property(r => r.Actions).HasColumnName("actions");
        record.Property(r => r.RecordedAt).HasColumnName("recorded_at");
        // Reports read a day range in arrival order; the call id makes the order total (the keyset of the reads).
        record.HasIndex(r => new { r.ArrivedAt, r.CallId }).HasDatabaseName("ix_call_records_arrived_at");

        var visit = modelBuilder.Entity<CallQueueVisitRow>();
        visit.ToTable(VisitsTable);
        visit.HasKey(v => new { v.CallId, v.Seq }).HasName("pk_call_queue_visits");
        visit.Property(v => v.CallId).HasColumnName("call_id").HasMaxLength(AuditDbContext.NameLength);
        visit.Property(v => v.Seq).HasColumnName("seq");
        visit.Property(v => v.QueueId).HasColumnName("queue_id").HasMaxLength(AuditDbContext.NameLength);
        visit.Property(v => v.EnteredAt).HasColumnName("entered_at");
        visit.Property(v => v.LeftAt).HasColumnName("left_at");
        visit.Property(v => v.Outcome).HasColumnName("outcome").HasMaxLength(AuditDbContext.ShortLength);

        var offer = modelBuilder.Entity<CallOfferRow>();
        offer.ToTable(OffersTable);
        offer.HasKey(o => new { o.CallId, o.Seq }).HasName("pk_call_offers");
        offer.Property(o => o.CallId).HasColumnName("call_id").HasMaxLength(AuditDbContext.NameLength);
        offer.Property(o => o.Seq).HasColumnName("seq");
        offer.Property(o => o.AgentId).HasColumnName("agent_id").HasMaxLength(AuditDbContext.NameLength);
        offer.Property(o => o.AgentName).HasColumnName("agent_name").HasMaxLength(AuditDbContext.NameLength);
        offer.Property(o => o.OfferedAt).HasColumnName("offered_at");
        offer.Property(o => o.EndedAt).HasColumnName("ended_at");
        offer.Property(o => o.Outcome).HasColumnName("outcome").HasMaxLength(AuditDbContext.ShortLength);

        var setting = modelBuilder.Entity<SettingRow>();
        setting.ToTable(SettingsTable);
        setting.HasKey(s => s.Key).HasName("pk_settings");
        setting.Property(s => s.Key).HasColumnName("key").HasMaxLength(AuditDbContext.ShortLength);
        setting.Property(s => s.Value).HasColumnName("value");
        setting.Property(s => s.ChangedBy).HasColumnName("changed_by").HasMaxLength(AuditDbContext.NameLength);
        setting.Property(s => s.ChangedAt).HasColumnName("changed_at");
    }
}
