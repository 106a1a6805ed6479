using CallSupervisor.Core.Commands;
using CallSupervisor.Core.Store;
using CallSupervisor.Web.ViewModels;
using Radzen;

namespace CallSupervisor.Web.Calls;

/// <summary>
/// The dashboard's side of a supervisor action (scoped to a circuit): asks for confirmation where an action
/// cannot be undone (cancel invitation, cancel media; mute does not ask), runs the validated command, and tells
/// the supervisor the outcome — refusals as warnings with their reason, ACS/Graph failures as errors with the
/// service's code and message. The confirmed state itself arrives through the store.
/// </summary>
public sealed class SupervisorActions(
    SupervisorCommandService commands,
    DialogService dialogs,
    NotificationService notifications,
    SupervisorIdentity identity)
{
    public async Task<CommandOutcome> MuteAsync(Call call, Participant participant)
    {
        var outcome = await commands.ExecuteAsync(new MuteParticipant(call.CallId, participant.RawId, identity.Name), CancellationToken.None);
        Notify(outcome, $"Mute {IdentifierText.Display(participant.Identifier)}");
        return outcome;
    }

    /// <summary>Null when the supervisor did not confirm.</summary>
    public async Task<CommandOutcome?> CancelInvitationAsync(Call call, Invitation invitation)
    {
        var target = IdentifierText.Display(invitation.Target);
        var confirmed = await dialogs.Confirm(
            $"Stop ringing {target}? The invitation will be withdrawn.",
            "Cancel invitation",
            new ConfirmOptions { OkButtonText = "Cancel invitation", CancelButtonText = "Keep ringing" });
        if (confirmed != true)
        {
            return null;
        }
        var outcome = await commands.ExecuteAsync(new CancelInvitation(call.CallId, invitation.InvitationId, identity.Name), CancellationToken.None);
        Notify(outcome, $"Cancel invitation to {target}");
        return outcome;
    }

    /// <summary>Null when the supervisor did not confirm.</summary>
    public async Task<CommandOutcome?> CancelMediaAsync(Call call)
    {
        var running = call.MediaOperations.Values.Count(m => m.Status == Core.Calls.MediaStatus.Running);
        var confirmed = await dialogs.Confirm(
            $"Stop {running} running media operation(s) on the call with {IdentifierText.Display(call.Caller)}?",
            "Cancel media",
            new ConfirmOptions { OkButtonText = "Cancel media", CancelButtonText = "Keep playing" });
        if (confirmed != true)
        {
            return null;
        }
        var outcome = await commands.ExecuteAsync(new CancelMedia(call.CallId, identity.Name), CancellationToken.None);
        Notify(outcome, "Cancel media");
        return outcome;
    }

    private void Notify(CommandOutcome outcome, string action)
    {
        var message = outcome.Status switch
        {
            CommandStatus.Accepted => new NotificationMessage { Severity = NotificationSeverity.Info, Summary = action, Detail = outcome.Message, Duration = 3000 },
            CommandStatus.Refused => new NotificationMessage { Severity = NotificationSeverity.Warning, Summary = action + " not sent", Detail = outcome.Message, Duration = 6000 },
            _ => new NotificationMessage
            {
                Severity = NotificationSeverity.Error,
                Summary = action + " failed",
                Detail = outcome.Error is { } e ? $"{e.Code}: {e.Message}" : outcome.Message,
                Duration = 10000,
            },
        };
        notifications.Notify(message);
    }
}
