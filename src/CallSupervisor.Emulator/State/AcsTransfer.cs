using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.State;

/// <summary>
/// A :transferToParticipant: the target rings like an invitee; when it answers, it takes the transferee's place in the
/// call. The statuses are an invitation's: canceled means the transferee left while the target rang.
/// </summary>
internal sealed class AcsTransfer(
    IdentifierModel target, IdentifierModel transferee, string? operationContext, Uri callbackUri, InvitationBehavior behavior)
{
    public string TransferId { get; } = Guid.NewGuid().ToString();

    public IdentifierModel Target { get; } = target;

    public IdentifierModel Transferee { get; } = transferee;

    public string? OperationContext { get; } = operationContext;

    public Uri CallbackUri { get; } = callbackUri;

    public InvitationBehavior Behavior { get; } = behavior;

    public InvitationStatus Status { get; set; } = InvitationStatus.Ringing;
}
