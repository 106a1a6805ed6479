using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Figures;

/// <summary>
/// Where ended calls are kept for reports (the audit trail's database). Written by every instance from what its
/// store applied, so adding must keep the first record of a call and ignore the rest: a replay after a restart, or
/// another instance writing the same call, counts it once.
/// </summary>
public interface ICallRecordStore
{
    /// <summary>Keeps the records of calls not kept yet; records of calls already kept are left as they are.</summary>
    Task AddAsync(IReadOnlyList<CallRecord> records, CancellationToken cancellationToken);

    /// <summary>Sets the wrap-up of kept calls that have none yet (the agent's wrap-up ends after the call).</summary>
    Task SetWrapUpAsync(IReadOnlyList<WrapUpEnded> wrapUps, CancellationToken cancellationToken);

    /// <summary>The calls that arrived in [<paramref name="from"/>, <paramref name="until"/>), oldest first, streamed.</summary>
    IAsyncEnumerable<CallRecord> ReadAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>The answering agent's wrap-up after <paramref name="CallId"/> lasted <paramref name="WrapUp"/>.</summary>
public sealed record WrapUpEnded(CallId CallId, TimeSpan WrapUp);
