using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Execution;

public enum ReceiptStatus
{
    /// <summary>ACS/Graph accepted the request; the confirmed state arrives later by callback.</summary>
    Accepted,

    /// <summary>Not sent: the action is not available now (the message says why).</summary>
    Refused,

    /// <summary>Not sent: the user's role does not allow the action (recorded in the audit trail).</summary>
    Forbidden,

    /// <summary>Sent, and ACS/Graph returned an error (see <see cref="ActionReceipt.Error"/>).</summary>
    Failed,
}

/// <summary>
/// The result of a supervisor action, with a message meant for the supervisor. <see cref="OperationContext"/> is
/// set once the action was marked, so its settlement can be followed on the call.
/// </summary>
public sealed record ActionReceipt(ReceiptStatus Status, string Message, TelephonyError? Error = null, string? OperationContext = null)
{
    public static ActionReceipt Accepted(string message, string operationContext) => new(ReceiptStatus.Accepted, message, null, operationContext);

    public static ActionReceipt Refused(string reason) => new(ReceiptStatus.Refused, reason);

    public static ActionReceipt Forbidden(string reason) => new(ReceiptStatus.Forbidden, reason);

    public static ActionReceipt Failed(string message, TelephonyError error, string operationContext) => new(ReceiptStatus.Failed, message, error, operationContext);
}
