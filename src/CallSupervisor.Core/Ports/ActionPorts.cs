
namespace CallSupervisor.Core.Ports;

/// <summary>The telephony ports an action may call.</summary>
public sealed record ActionPorts(ICallAutomationPort Acs, IGraphCallsPort Graph);
