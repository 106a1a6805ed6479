using System.Globalization;
using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Core.Commands;

/// <summary>
/// Pure rules for the three supervisor actions, evaluated against a snapshot. The UI uses them to disable buttons
/// with a visible reason; the command service applies the same rules (atomically, in the store) before any HTTP.
/// </summary>
public static class ActionAvailability
{
    public const string CannotMuteKind = "ACS can only mute ACS users; phone/Teams participants cannot be muted";

    public static Availability CanMute(Call call, Participant participant)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(participant);
        if (NotConnected(call) is { } refused)
        {
            return refused;
        }
        if (call.Platform != CallPlatform.Acs)
        {
            return Availability.Refused("Mute is available only on ACS calls");
        }
        if (!participant.Identifier.CanBeMuted)
        {
            return Availability.Refused(CannotMuteKind);
        }
        if (participant.IsMuted)
        {
            return Availability.Refused("Already muted");
        }
        if (participant.PendingMute is { } pending)
        {
            return Availability.Refused($"{Requested(pending, "Mute")}; waiting for ACS to confirm");
        }
        return Availability.Ok;
    }

    public static Availability CanCancelInvitation(Call call, Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(invitation);
        if (!call.IsLive)
        {
            return Availability.Refused("The call has ended");
        }
        return invitation.Status switch
        {
            InvitationStatus.Pending => Availability.Ok,
            InvitationStatus.Cancelling => Availability.Refused($"{Requested(invitation.CancelRequest, "Cancel")}; waiting for ACS"),
            InvitationStatus.Accepted => Availability.Refused("The invitation was already accepted"),
            InvitationStatus.Cancelled => Availability.Refused("The invitation is already cancelled"),
            InvitationStatus.TimedOut => Availability.Refused("The invitation timed out"),
            _ => Availability.Refused("The invitation failed"),
        };
    }

    /// <summary>Graph-hosted calls are cancelled through Graph cancelMediaProcessing, ACS calls through ACS.</summary>
    public static Availability CanCancelMedia(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (NotConnected(call) is { } refused)
        {
            return refused;
        }
        if (call.MediaOperations.Values.Any(m => m.Status == MediaStatus.Running))
        {
            return Availability.Ok;
        }
        var cancelling = call.MediaOperations.Values.FirstOrDefault(m => m.Status == MediaStatus.Cancelling);
        return cancelling is not null
            ? Availability.Refused($"{Requested(cancelling.CancelRequest, "Cancel")}; waiting for the media to stop")
            : Availability.Refused("No media operation is running");
    }

    private static Availability? NotConnected(Call call) => call.State switch
    {
        CallState.Connected => null,
        CallState.Disconnected => Availability.Refused("The call has ended"),
        CallState.Unknown => Availability.Refused("The call's state is not known yet (waiting for reconciliation)"),
        _ => Availability.Refused($"The call is {call.State}"),
    };

    private static string Requested(SupervisorRequest? request, string action) =>
        string.IsNullOrEmpty(request?.Supervisor)
            ? $"{action} already requested"
            : $"{action} already requested by {request.Supervisor} at {request.RequestedAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
}
