using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.Engine;

/// <summary>
/// resultInformation values of the emulated events, from the ACS Call Automation troubleshooting codes and the
/// play/recognize event code tables (e.g. 400/8508 "Action failed, the operation was canceled.").
/// </summary>
internal static class Results
{
    public static ResultInformationModel Disconnected { get; } = new(200, 7000, "The conversation has ended.");

    public static ResultInformationModel AddSucceeded { get; } = new(200, 0, "Add participant operation completed successfully.");

    public static ResultInformationModel Declined { get; } = new(603, 8538, "Add participant failed: the callee declined the call.");

    /// <summary>
    /// The invitee's device is already ringing for, or on, another call: SIP 486 "Busy Here", with the subcode ACS's
    /// troubleshooting table gives a busy callee (560486: 560000 + the SIP code).
    /// </summary>
    public static ResultInformationModel Busy { get; } = new(486, 560486, "Add participant failed: the callee is busy.");

    public static ResultInformationModel InvitationTimedOut { get; } = new(408, 8541, "Add participant failed: the callee did not answer before the invitation timeout.");

    public static ResultInformationModel CancelSucceeded { get; } = new(200, 0, "Cancel add participant operation completed successfully.");

    public static ResultInformationModel RemoveSucceeded { get; } = new(200, 0, "Remove participant operation completed successfully.");

    public static ResultInformationModel TransferAccepted { get; } = new(200, 7015, "The transfer operation completed successfully.");

    public static ResultInformationModel TransferDeclined { get; } = new(603, 560603, "Transfer failed: the transfer target declined the call.");

    public static ResultInformationModel TransferBusy { get; } = new(486, 560486, "Transfer failed: the transfer target is busy.");

    public static ResultInformationModel TransferTimedOut { get; } = new(408, 560408, "Transfer failed: the transfer target did not answer.");

    /// <summary>The transferee hung up or was removed while the target rang: SIP 487 "Request Terminated".</summary>
    public static ResultInformationModel TransfereeLeft(string? rawId) =>
        new(487, 560487, $"Transfer failed: the transferee '{rawId}' left the call before the transfer target answered.");

    /// <summary>The participant left between the 200 and the moment the hold would take effect.</summary>
    public static ResultInformationModel HoldFailedNotInCall(string? rawId) =>
        new(404, 8522, $"Hold failed: participant '{rawId}' is no longer in the call.");

    /// <summary>The participant left between the 202 and the moment the removal would take effect.</summary>
    public static ResultInformationModel RemoveFailedNotInCall(string? rawId) =>
        new(404, 8522, $"Remove participant failed: participant '{rawId}' is no longer in the call.");

    public static ResultInformationModel PlayStarted { get; } = new(200, 0, "Action started.");

    public static ResultInformationModel PlayCompleted { get; } = new(200, 0, "Action completed successfully.");

    public static ResultInformationModel RecognizeCompleted { get; } = new(200, 8531, "Action completed, max digits received.");

    public static ResultInformationModel OperationCanceled { get; } = new(400, 8508, "Action failed, the operation was canceled.");

    public static ResultInformationModel CancelFailed(string status) =>
        new(400, 8522, $"Cancel add participant failed: the invitation is no longer pending (it was {status}).");
}
