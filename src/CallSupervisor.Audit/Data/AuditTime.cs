namespace CallSupervisor.Audit.Data;

/// <summary>
/// Instants as stored: UTC, to the microsecond. PostgreSQL keeps microseconds, so SQLite is given the same
/// precision: a row reads back alike on both, and a filter bound cut the same way matches the rows it should.
/// </summary>
internal static class AuditTime
{
    public static DateTime Utc(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }
}
