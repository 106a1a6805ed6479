using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Ports;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Store.Rules;

namespace CallSupervisor.Core.Commands;

/// <summary>
/// Runs supervisor commands: validate against the current state and mark the pending state in one atomic store
/// update (refusing without any HTTP; a second identical command is refused while the first is in flight), call
/// ACS or Graph, and on an error revert the pending state. Success means only that the request was accepted: the confirmed state
/// arrives by callback (ParticipantsUpdated isMuted, CancelAddParticipant*, media ended).
/// </summary>
public sealed class SupervisorCommandService(
    CallStore store,
    ICallAutomationPort callAutomation,
    IGraphCallsPort graphCalls,
    TimeProvider time,
    IReconcileRequests? reconcile = null)
{
    /// <summary>Prefixes of the operationContext / clientContext sent with each action, so callbacks and logs show
    /// that a supervisor caused them.</summary>
    public const string MuteContextPrefix = "supervisor-mute:";
    public const string CancelInvitationContextPrefix = "supervisor-cancel-invitation:";
    public const string CancelMediaContextPrefix = "supervisor-cancel-media:";

    public Task<CommandOutcome> ExecuteAsync(SupervisorCommand command, CancellationToken cancellationToken) => command switch
    {
        MuteParticipant mute => ExecuteAsync(mute, cancellationToken),
        CancelInvitation cancel => ExecuteAsync(cancel, cancellationToken),
        CancelMedia media => ExecuteAsync(media, cancellationToken),
        null => throw new ArgumentNullException(nameof(command)),
        _ => throw new ArgumentException($"Unknown command {command.GetType().Name}", nameof(command)),
    };

    public async Task<CommandOutcome> ExecuteAsync(MuteParticipant command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (MissingSupervisor(command) is { } refused)
        {
            return refused;
        }
        var request = NewRequest(command, MuteContextPrefix);
        var marked = store.MarkMutePending(command.CallId, command.ParticipantRawId, request);
        if (marked.Call is not { } call || call.Participants.GetValueOrDefault(command.ParticipantRawId) is not { } participant)
        {
            return CommandOutcome.Refused(marked.Availability.Reason ?? "The participant is not in the call");
        }
        var who = Describe.Who(call, participant.Identifier);
        return await SendAsync(
            command.CallId,
            ct => callAutomation.MuteAsync(command.CallId, participant.Identifier, request.OperationContext, ct),
            error => store.RevertMutePending(command.CallId, command.ParticipantRawId, request, error, time.GetUtcNow()),
            $"Mute of {who} sent; waiting for ACS to confirm",
            $"Mute of {who} failed",
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<CommandOutcome> ExecuteAsync(CancelInvitation command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (MissingSupervisor(command) is { } refused)
        {
            return refused;
        }
        var request = NewRequest(command, CancelInvitationContextPrefix);
        var marked = store.MarkInvitationCancelling(command.CallId, command.InvitationId, request);
        if (marked.Call is not { } call || call.Invitations.GetValueOrDefault(command.InvitationId) is not { } invitation)
        {
            return CommandOutcome.Refused(marked.Availability.Reason ?? "The invitation cannot be cancelled");
        }
        var who = Describe.Who(call, invitation.Target);
        return await SendAsync(
            command.CallId,
            ct => callAutomation.CancelAddParticipantAsync(command.CallId, command.InvitationId, request.OperationContext, ct),
            error => store.RevertInvitationCancelling(command.CallId, command.InvitationId, request, error, time.GetUtcNow()),
            $"Cancel of invitation to {who} sent; waiting for ACS to confirm",
            $"Cancel of invitation to {who} failed",
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<CommandOutcome> ExecuteAsync(CancelMedia command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (MissingSupervisor(command) is { } refused)
        {
            return refused;
        }
        var request = NewRequest(command, CancelMediaContextPrefix);
        var marked = store.MarkMediaCancelling(command.CallId, request);
        if (marked.Call is not { } call)
        {
            return CommandOutcome.Refused(marked.Availability.Reason ?? "No media operation is running");
        }
        var isGraph = call.Platform == CallPlatform.Graph;
        return await SendAsync(
            command.CallId,
            ct => isGraph
                ? graphCalls.CancelMediaProcessingAsync(command.CallId, request.OperationContext, ct)
                : callAutomation.CancelAllMediaOperationsAsync(command.CallId, ct),
            error => store.RevertMediaCancelling(command.CallId, request, error, time.GetUtcNow()),
            $"Cancel of media sent to {(isGraph ? "Graph" : "ACS")}; waiting for the media to stop",
            "Cancel of media failed",
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the request; on an error reverts the pending state. Ports return failures rather than throw, so an
    /// exception (cancellation, a bug) is rethrown — but only after the revert, so no action stays pending forever.
    /// A "call not found" answer means the board is behind ACS: the call is re-read at once.
    /// </summary>
    private async Task<CommandOutcome> SendAsync(
        CallId callId,
        Func<CancellationToken, Task<TelephonyResult<Unit>>> send,
        Action<TelephonyError> revert,
        string acceptedMessage,
        string failedMessage,
        CancellationToken cancellationToken)
    {
        TelephonyResult<Unit> result;
        try
        {
            result = await send(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            revert(new TelephonyError(null, ex is OperationCanceledException ? "RequestCancelled" : "RequestException", ex.Message));
            throw;
        }
        if (result.Error is { } error)
        {
            revert(error);
            if (CallNotFound.Is(error))
            {
                reconcile?.RequestReconcile(callId);
            }
            return CommandOutcome.Failed($"{failedMessage}: {Describe.Error(error)}", error);
        }
        return CommandOutcome.Accepted(acceptedMessage);
    }

    private static CommandOutcome? MissingSupervisor(SupervisorCommand command) =>
        string.IsNullOrWhiteSpace(command.Supervisor)
            ? CommandOutcome.Refused("A supervisor name is required for the audit trail")
            : null;

    // A fresh id per action: it makes the operationContext unique, which is what lets a failure revert exactly the
    // state this action marked.
    private SupervisorRequest NewRequest(SupervisorCommand command, string prefix) =>
        new(command.Supervisor, time.GetUtcNow(), prefix + Guid.NewGuid().ToString("N"));
}
