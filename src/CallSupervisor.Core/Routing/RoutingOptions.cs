using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Routing;

/// <summary>
/// How the router treats agents: after <see cref="MissedOffersToAway"/> declined or unanswered offers in a row an
/// agent is set away ("redirection on no answer"); after a call an agent wraps up for <see cref="WrapUp"/>; an offer
/// planned but not confirmed by ACS after <see cref="ResendAfter"/> is sent again (same request, same
/// Repeatability-Request-ID); agents the log has not heard of start as <see cref="InitialPresence"/>.
/// </summary>
public sealed record RoutingOptions(
    int MissedOffersToAway = 2,
    TimeSpan? WrapUpTime = null,
    TimeSpan? OfferTimeout = null,
    TimeSpan? ResendAfterTime = null,
    AgentPresence InitialPresence = AgentPresence.Available,
    TimeSpan? MenuGraceTime = null)
{
    /// <summary>
    /// A connected caller neither in a queue nor in a running menu after this long goes to the default queue (the
    /// menu's result was lost, or the app restarted between the menu and the queue).
    /// </summary>
    public TimeSpan MenuGrace => MenuGraceTime ?? TimeSpan.FromSeconds(30);

    public TimeSpan WrapUp => WrapUpTime ?? TimeSpan.FromSeconds(10);

    /// <summary>How long an offer rings before ACS gives up (the invitation timeout).</summary>
    public TimeSpan Offer => OfferTimeout ?? TimeSpan.FromSeconds(20);

    public TimeSpan ResendAfter => ResendAfterTime ?? TimeSpan.FromSeconds(15);
}
