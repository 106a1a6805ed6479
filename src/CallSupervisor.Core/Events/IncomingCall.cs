using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Events;

/// <summary>
/// An Event Grid <c>Microsoft.Communication.IncomingCall</c>: a call waiting to be answered. It has no
/// callConnectionId yet; answering it (with the app's callback URI) creates the call connection.
/// </summary>
public sealed record IncomingCall(
    string EventId, DateTimeOffset OccurredAt, string IncomingCallContext,
    CommunicationIdentifier From, CommunicationIdentifier To,
    string? ServerCallId, string? CorrelationId, string? CallerDisplayName);
