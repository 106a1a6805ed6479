using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CallSupervisor.Web.Hosting;

/// <summary>Counts open dashboard circuits (connected supervisors' browsers) on <c>callsupervisor.circuit.active</c>.</summary>
internal sealed class CircuitCounter(CallSupervisor.Core.Diagnostics.CallSupervisorMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}
