using Microsoft.AspNetCore.Components.Server.Circuits;

namespace CallSupervisor.Web.Hosting;

/// <summary>Counts open dashboard circuits (connected supervisors' browsers) for the operations page.</summary>
internal sealed class CircuitCounter(OperationsMonitor monitor) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        monitor.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        monitor.CircuitClosed();
        return Task.CompletedTask;
    }
}
