namespace CallSupervisor.Audit.Data;

/// <summary>
/// One row of <c>call_records</c>: one ended call (Core's <see cref="Core.Figures.CallRecord"/>). Instants are UTC,
/// durations whole milliseconds, enums by name. <c>queues</c> (the queues visited, in order, joined by <c>&gt;</c>) and
/// <c>actions</c> (the supervisors' actions, JSON) are text so a person reading the table in SQL sees the call at once;
/// the visits and offers have tables of their own (<see cref="CallQueueVisitRow"/>, <see cref="CallOfferRow"/>).
/// </summary>
public sealed class CallRecordRow
{
    public required string CallId { get; set; }

    public required string Platform { get; set; }

    public DateTime ArrivedAt { get; set; }

    public DateTime EndedAt { get; set; }

    public required string Outcome { get; set; }

    public string? QueueId { get; set; }

    public DateTime? QueuedAt { get; set; }

    public DateTime? AnsweredAt { get; set; }

    /// <summary>Queued until answered or ended, in ms (kept for SQL readers; the record computes it).</summary>
    public long? WaitMs { get; set; }

    public string? AgentId { get; set; }

    public string? AgentName { get; set; }

    public long TalkMs { get; set; }

    public long HoldMs { get; set; }

    /// <summary>Null until the agent's wrap-up after the call is over.</summary>
    public long? WrapUpMs { get; set; }

    public int Transfers { get; set; }

    public int Offers { get; set; }

    public int MissedOffers { get; set; }

    public string? Caller { get; set; }

    public string? TransferredTo { get; set; }

    public string? EndReason { get; set; }

    public required string Queues { get; set; }

    public required string Actions { get; set; }

    /// <summary>When this instance wrote the row (the first writer's time: later writes of the call are ignored).</summary>
    public DateTime RecordedAt { get; set; }
}

/// <summary>One row of <c>call_queue_visits</c>: the caller's <see cref="Seq"/>-th stay in a queue.</summary>
public sealed class CallQueueVisitRow
{
    public required string CallId { get; set; }

    public int Seq { get; set; }

    public required string QueueId { get; set; }

    public DateTime EnteredAt { get; set; }

    public DateTime? LeftAt { get; set; }

    /// <summary>The <see cref="Core.Model.VisitOutcome"/> by name.</summary>
    public required string Outcome { get; set; }
}

/// <summary>One row of <c>call_offers</c>: the <see cref="Seq"/>-th offer of the call to an agent.</summary>
public sealed class CallOfferRow
{
    public required string CallId { get; set; }

    public int Seq { get; set; }

    public required string AgentId { get; set; }

    public string? AgentName { get; set; }

    public DateTime OfferedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The <see cref="Core.Identifiers.OfferOutcome"/> by name; null for an offer still ringing when the call ended.</summary>
    public string? Outcome { get; set; }
}

/// <summary>One row of <c>settings</c>: a value an administrator set in the app (JSON), by whom and when.</summary>
public sealed class SettingRow
{
    public required string Key { get; set; }

    public required string Value { get; set; }

    public required string ChangedBy { get; set; }

    public DateTime ChangedAt { get; set; }
}
