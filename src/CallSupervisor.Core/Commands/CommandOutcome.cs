using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Commands;

public enum CommandStatus
{
    /// <summary>ACS/Graph accepted the request; the confirmed state arrives later by callback.</summary>
    Accepted,

    /// <summary>Not sent: the action is not available now (the message says why).</summary>
    Refused,

    /// <summary>Not sent: the user's role does not allow the action (recorded in the audit trail).</summary>
    Forbidden,

    /// <summary>Sent, and ACS/Graph returned an error (see <see cref="CommandOutcome.Error"/>).</summary>
    Failed,
}

/// <summary>
/// The result of a supervisor action, with a message meant for the supervisor. <see cref="OperationContext"/> is
/// set once the action was marked, so its settlement can be followed on the call.
/// </summary>
public sealed record CommandOutcome(CommandStatus Status, string Message, TelephonyError? Error = null, string? OperationContext = null)
{
    public static CommandOutcome Accepted(string message, string operationContext) => new(CommandStatus.Accepted, message, null, operationContext);

    public static CommandOutcome Refused(string reason) => new(CommandStatus.Refused, reason);

    public static CommandOutcome Forbidden(string reason) => new(CommandStatus.Forbidden, reason);

    public static CommandOutcome Failed(string message, TelephonyError error, string operationContext) => new(CommandStatus.Failed, message, error, operationContext);
}
