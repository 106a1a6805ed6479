using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>The telephony ports an action may call.</summary>
public sealed record ActionPorts(ICallAutomationPort Acs, IGraphCallsPort Graph);
