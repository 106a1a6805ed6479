using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>
/// Records Graph requests; cancelMediaProcessing answers with <see cref="Result"/>, the reads with
/// <see cref="Calls"/>/<see cref="Rosters"/> (unknown calls get Graph's 404 itemNotFound).
/// </summary>
internal sealed class FakeGraphCallsPort : IGraphCallsPort
{
    public List<string> Requests { get; } = [];

    public TelephonyResult<Unit> Result { get; set; } = TelephonyResult<Unit>.Ok(Unit.Value);

    public Dictionary<CallId, TelephonyResult<CallDetails>> Calls { get; } = [];

    public Dictionary<CallId, IReadOnlyList<ParticipantState>> Rosters { get; } = [];

    public Task<TelephonyResult<Unit>> CancelMediaProcessingAsync(CallId callId, string clientContext, CancellationToken cancellationToken)
    {
        Record($"cancelMediaProcessing {callId} {clientContext}");
        return Task.FromResult(Result);
    }

    public Task<TelephonyResult<CallDetails>> GetCallAsync(CallId callId, CancellationToken cancellationToken)
    {
        Record($"getGraphCall {callId}");
        lock (Requests)
        {
            return Task.FromResult(Calls.TryGetValue(callId, out var call) ? call : TelephonyResult<CallDetails>.Fail(NotFound));
        }
    }

    public Task<TelephonyResult<IReadOnlyList<ParticipantState>>> ListParticipantsAsync(CallId callId, CancellationToken cancellationToken)
    {
        Record($"listGraphParticipants {callId}");
        lock (Requests)
        {
            return Task.FromResult(Rosters.TryGetValue(callId, out var roster)
                ? TelephonyResult<IReadOnlyList<ParticipantState>>.Ok(roster)
                : TelephonyResult<IReadOnlyList<ParticipantState>>.Fail(NotFound));
        }
    }

    private static TelephonyError NotFound => new(404, "itemNotFound", "Unknown call.");

    private void Record(string request)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }
    }
}
