using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Model;

/// <summary>
/// One agent as the log tells it: their own presence (available, away, offline) and what the calls say — offered a
/// call, on a call, wrapping up after one. Immutable: the store replaces it on every change. Counters are for the
/// day of <see cref="Day"/> (UTC) and start again with the first change of a new day.
/// </summary>
public sealed record Agent(string AgentId, AgentPresence Presence, string? Reason, DateTimeOffset PresenceSince)
{
    /// <summary>The call offered to the agent (ringing or about to), if any.</summary>
    public CallId? OfferCallId { get; init; }

    public DateTimeOffset? OfferSince { get; init; }

    /// <summary>The call the agent is on, if any.</summary>
    public CallId? CallId { get; init; }

    public DateTimeOffset? CallSince { get; init; }

    /// <summary>Set when a call ended for the agent; cleared when the agent is available again.</summary>
    public DateTimeOffset? WrapUpSince { get; init; }

    /// <summary>
    /// Since when the agent has been free to take a call: the router offers the longest-idle agent first. Null
    /// while the agent is not available.
    /// </summary>
    public DateTimeOffset? IdleSince { get; init; }

    /// <summary>Offers declined or not answered in a row (an answered offer or coming back available resets it).</summary>
    public int MissedInARow { get; init; }

    public int MissedToday { get; init; }

    public int HandledToday { get; init; }

    public DateOnly Day { get; init; }

    /// <summary>Talk + hold + wrap-up of the calls handled today (wrap-ups that ended).</summary>
    public TimeSpan HandleTimeToday { get; init; }

    /// <summary>Time in each state today, spans that ended (the current state's runs from <see cref="StateSince"/>).</summary>
    /// <remarks>Null in a checkpoint written before it was kept: read as none.</remarks>
    public AgentTime TimeToday
    {
        get;
        init => field = value ?? AgentTime.Zero;
    } = AgentTime.Zero;

    /// <summary>The call the agent wraps up (or wrapped up last): where its wrap-up time is counted when it ends.</summary>
    public WrapUpOf? WrapUpOf { get; init; }

    /// <summary>What the board shows: a call says more than the agent's own presence.</summary>
    public AgentState State =>
        CallId is not null ? AgentState.OnCall
        : OfferCallId is not null ? AgentState.Offered
        : WrapUpSince is not null ? AgentState.WrapUp
        : Presence switch
        {
            AgentPresence.Available => AgentState.Available,
            AgentPresence.Away => AgentState.Away,
            _ => AgentState.Offline,
        };

    /// <summary>Since when the agent has been in <see cref="State"/>.</summary>
    public DateTimeOffset StateSince => State switch
    {
        AgentState.OnCall => CallSince ?? PresenceSince,
        AgentState.Offered => OfferSince ?? PresenceSince,
        AgentState.WrapUp => WrapUpSince ?? PresenceSince,
        AgentState.Available => IdleSince ?? PresenceSince,
        _ => PresenceSince,
    };

    /// <summary>Free for an offer now: available, and not offered, on or wrapping up a call.</summary>
    public bool CanTakeOffer => State == AgentState.Available;

    /// <summary>An agent the log has said nothing about yet.</summary>
    public static Agent Unknown(string agentId, DateTimeOffset at, TimeZoneInfo? zone = null) =>
        new(agentId, AgentPresence.Offline, null, at) { Day = IntervalClock.Day(at, zone ?? TimeZoneInfo.Utc) };

    /// <summary>
    /// This agent with the day's counters started again if <paramref name="at"/> is on a later day (in
    /// <paramref name="zone"/>, the centre's; UTC when not given).
    /// </summary>
    public Agent On(DateTimeOffset at, TimeZoneInfo? zone = null)
    {
        var day = IntervalClock.Day(at, zone ?? TimeZoneInfo.Utc);
        return day > Day
            ? this with { Day = day, MissedToday = 0, HandledToday = 0, HandleTimeToday = TimeSpan.Zero, TimeToday = AgentTime.Zero }
            : this;
    }
}

/// <summary>
/// The call an agent wraps up: its id, and the queue and interval its handling counts in — null when the wrap-up does not
/// count for the call (outside the queues, or the agent is not the one who answered it: a call's wrap-up is its answering
/// agent's).
/// </summary>
public sealed record WrapUpOf(CallId CallId, string? QueueId, DateTimeOffset? Interval);
