using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Routing;

/// <summary>Something the router decided; the board's runtime carries it out through the event log and ACS.</summary>
public abstract record RoutingDecision;

/// <summary>Offer the queued call to the agent.</summary>
public sealed record OfferCall(CallId CallId, AgentProfile Agent, string QueueId) : RoutingDecision;

/// <summary>Send a planned offer's request again (ACS never confirmed it, e.g. the app restarted in between).</summary>
public sealed record ResendOffer(CallId CallId, Offer Offer) : RoutingDecision;

/// <summary>Set an agent's presence (signed in at start, away after missed offers, wrap-up over).</summary>
public sealed record SetPresence(string AgentId, AgentPresence Presence, string Reason) : RoutingDecision;

/// <summary>Put a caller in a queue: the menu's choice, or the default queue when the menu gave none.</summary>
public sealed record QueueCaller(CallId CallId, string QueueId) : RoutingDecision;

/// <summary>The agent joined: stop the hold music and the menu still running on the call.</summary>
public sealed record StopMedia(CallId CallId) : RoutingDecision;

/// <summary>Move a caller whose wait passed the queue's limit to the overflow queue.</summary>
public sealed record Overflow(CallId CallId, string FromQueue, string ToQueue) : RoutingDecision;

/// <summary>A supervisor listening in joined unmuted: mute them on the server (ACS users only).</summary>
public sealed record MuteListener(CallId CallId, CommunicationIdentifier Endpoint) : RoutingDecision;
