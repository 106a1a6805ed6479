using CallSupervisor.Client;
using CallSupervisor.Contracts;

namespace CallSupervisor.EndToEnd.Tests;

/// <summary>The tests' names for <see cref="CallsHubClient.ExecuteAsync"/> with the kinds they use most.</summary>
internal static class HubActions
{
    public static Task<CommandResultDto> MuteAsync(this CallsHubClient hub, string callId, string participantRawId) =>
        hub.ExecuteAsync("Mute", callId, participantRawId);

    public static Task<CommandResultDto> CancelInvitationAsync(this CallsHubClient hub, string callId, string invitationId) =>
        hub.ExecuteAsync("CancelInvitation", callId, invitationId);

    public static Task<CommandResultDto> CancelMediaAsync(this CallsHubClient hub, string callId) =>
        hub.ExecuteAsync("CancelMedia", callId);

    /// <summary>Whether an action of <paramref name="kind"/> on <paramref name="target"/> is in flight on the call.</summary>
    public static bool IsPending(this CallDto call, string kind, string target) =>
        call.PendingActions.Any(p => p.Kind == kind && p.Target == target);
}
