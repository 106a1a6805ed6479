using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Telephony.Graph;

/// <summary>
/// The Graph port of an ACS-only deployment (<c>Graph:Enabled=false</c>): no credential, HttpClient or token source
/// exists, and every request fails with <see cref="Code"/> instead of reaching Graph.
/// </summary>
internal sealed class DisabledGraphCallsPort : IGraphCallsPort
{
    public const string Code = "GraphDisabled";

    public Task<TelephonyResult<Unit>> CancelMediaProcessingAsync(CallId callId, string clientContext, CancellationToken cancellationToken) => Disabled<Unit>();

    public Task<TelephonyResult<CallDetails>> GetCallAsync(CallId callId, CancellationToken cancellationToken) => Disabled<CallDetails>();

    public Task<TelephonyResult<IReadOnlyList<ParticipantState>>> ListParticipantsAsync(CallId callId, CancellationToken cancellationToken) =>
        Disabled<IReadOnlyList<ParticipantState>>();

    private static Task<TelephonyResult<T>> Disabled<T>() =>
        Task.FromResult(TelephonyResult<T>.Fail(new TelephonyError(null, Code, "Graph is disabled (Graph:Enabled=false); Graph-hosted calls cannot be controlled.")));
}
