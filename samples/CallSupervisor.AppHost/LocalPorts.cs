namespace CallSupervisor.AppHost;

/// <summary>
/// The fixed loopback ports of the local deployment (section <c>Ports</c>, e.g. <c>--Ports:Balancer=9080</c>). Fixed,
/// not allocated, because the emulator, the instances and the balancer name each other in their settings and a
/// browser keeps the balancer's address between runs.
/// </summary>
internal sealed class LocalPorts
{
    public int Balancer { get; set; } = 8080;

    public int AppA { get; set; } = 5181;

    public int AppB { get; set; } = 5182;

    public int Emulator { get; set; } = 5190;

    public int Redis { get; set; } = 6390;

    public int Postgres { get; set; } = 5440;
}
