using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Ports;

/// <summary>Microsoft Graph cloud communications, for Graph-hosted (Teams bot) calls.</summary>
public interface IGraphCallsPort
{
    /// <summary>
    /// POST /communications/calls/{id}/cancelMediaProcessing. Graph answers 200 with a commsOperation; each
    /// cancelled operation then arrives as a notification with status failed and subcode 8508.
    /// </summary>
    Task<TelephonyResult<Unit>> CancelMediaProcessingAsync(CallId callId, string clientContext, CancellationToken cancellationToken);

    /// <summary>GET /communications/calls/{id}: the call as Graph knows it (404 once it is gone).</summary>
    Task<TelephonyResult<CallDetails>> GetCallAsync(CallId callId, CancellationToken cancellationToken);

    /// <summary>GET /communications/calls/{id}/participants, following @odata.nextLink until the list is complete.</summary>
    Task<TelephonyResult<IReadOnlyList<CallSupervisor.Core.Ports.ParticipantState>>> ListParticipantsAsync(CallId callId, CancellationToken cancellationToken);
}
