using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Workflow;

/// <summary>One request the workflow made and how it went; the host logs failures.</summary>
public sealed record WorkflowStep(CallId? CallId, string Operation, TelephonyError? Error)
{
    public bool Succeeded => Error is null;
}
