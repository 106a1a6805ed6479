using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Tests.Commands;

/// <summary>Records cancelMediaProcessing requests and answers with <see cref="Result"/>.</summary>
internal sealed class FakeGraphCallsPort : IGraphCallsPort
{
    public List<string> Requests { get; } = [];

    public TelephonyResult<Unit> Result { get; set; } = TelephonyResult<Unit>.Ok(Unit.Value);

    public Task<TelephonyResult<Unit>> CancelMediaProcessingAsync(CallId callId, string clientContext, CancellationToken cancellationToken)
    {
        Requests.Add($"cancelMediaProcessing {callId} {clientContext}");
        return Task.FromResult(Result);
    }
}
