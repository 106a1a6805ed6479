using System.Collections.Immutable;
using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Commands;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.Commands;

/// <summary>The pure availability rules the UI uses to disable buttons with a reason.</summary>
public sealed class ActionAvailabilityTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static Call ConnectedCall(CallPlatform platform = CallPlatform.Acs) =>
        Call.Placeholder(TestEvents.Call1, At) with { State = CallState.Connected, Platform = platform, NeedsReconcile = false };

    private static Participant Member(CommunicationIdentifier who, bool muted = false) => new(who, muted, false, At);

    [Fact]
    public void CanMute_UnmutedAcsUserOnConnectedAcsCall_IsAllowed()
    {
        var result = ActionAvailability.CanMute(ConnectedCall(), Member(TestEvents.Agent));

        Assert.True(result.Allowed);
        Assert.Null(result.Reason);
    }

    [Theory]
    [InlineData(IdentifierKind.PhoneNumber)]
    [InlineData(IdentifierKind.MicrosoftTeamsUser)]
    [InlineData(IdentifierKind.MicrosoftTeamsApp)]
    [InlineData(IdentifierKind.Unknown)]
    public void CanMute_NonAcsUser_IsRefusedWithReason(IdentifierKind kind)
    {
        var who = new CommunicationIdentifier(kind, "raw", "value");

        var result = ActionAvailability.CanMute(ConnectedCall(), Member(who));

        Assert.False(result.Allowed);
        Assert.Equal("ACS can only mute ACS users; phone/Teams participants cannot be muted", result.Reason);
    }

    [Fact]
    public void CanMute_AlreadyMuted_IsRefused()
    {
        var result = ActionAvailability.CanMute(ConnectedCall(), Member(TestEvents.Agent, muted: true));

        Assert.Equal(Availability.Refused("Already muted"), result);
    }

    [Fact]
    public void CanMute_MutePending_IsRefusedNamingWhoAskedAndWhen()
    {
        var participant = Member(TestEvents.Agent) with { PendingMute = new SupervisorRequest("alice", At.AddMinutes(5), "ctx") };

        var result = ActionAvailability.CanMute(ConnectedCall(), participant);

        Assert.False(result.Allowed);
        Assert.Equal("Mute already requested by alice at 09:05:00 UTC; waiting for ACS to confirm", result.Reason);
    }

    [Theory]
    [InlineData(CallState.Disconnected, "The call has ended")]
    [InlineData(CallState.Unknown, "The call's state is not known yet (waiting for reconciliation)")]
    [InlineData(CallState.Disconnecting, "The call is Disconnecting")]
    public void CanMute_CallNotConnected_IsRefused(CallState state, string reason)
    {
        var result = ActionAvailability.CanMute(ConnectedCall() with { State = state }, Member(TestEvents.Agent));

        Assert.Equal(Availability.Refused(reason), result);
    }

    [Fact]
    public void CanMute_GraphCall_IsRefused()
    {
        Assert.False(ActionAvailability.CanMute(ConnectedCall(CallPlatform.Graph), Member(TestEvents.Agent)).Allowed);
    }

    [Theory]
    [InlineData(InvitationStatus.Pending, true, null)]
    [InlineData(InvitationStatus.Cancelling, false, "Cancel already requested; waiting for ACS")]
    [InlineData(InvitationStatus.Accepted, false, "The invitation was already accepted")]
    [InlineData(InvitationStatus.Cancelled, false, "The invitation is already cancelled")]
    [InlineData(InvitationStatus.Failed, false, "The invitation failed")]
    [InlineData(InvitationStatus.TimedOut, false, "The invitation timed out")]
    public void CanCancelInvitation_ByStatus_AllowsOnlyPending(InvitationStatus status, bool allowed, string? reason)
    {
        var invitation = new Invitation(new InvitationId("inv-1"), TestEvents.Caller, "add-1", At, TimeSpan.FromSeconds(30), status);

        var result = ActionAvailability.CanCancelInvitation(ConnectedCall(), invitation);

        Assert.Equal(new Availability(allowed, reason), result);
    }

    [Fact]
    public void CanCancelInvitation_CallEnded_IsRefused()
    {
        var invitation = new Invitation(new InvitationId("inv-1"), TestEvents.Caller, "add-1", At, TimeSpan.FromSeconds(30), InvitationStatus.Pending);

        var result = ActionAvailability.CanCancelInvitation(ConnectedCall() with { State = CallState.Disconnected }, invitation);

        Assert.Equal(Availability.Refused("The call has ended"), result);
    }

    [Theory]
    [InlineData(CallPlatform.Acs)]
    [InlineData(CallPlatform.Graph)]
    public void CanCancelMedia_RunningMedia_IsAllowedOnBothPlatforms(CallPlatform platform)
    {
        var call = WithMedia(ConnectedCall(platform), MediaStatus.Completed, MediaStatus.Running);

        Assert.True(ActionAvailability.CanCancelMedia(call).Allowed);
    }

    [Fact]
    public void CanCancelMedia_NothingRunning_IsRefused()
    {
        var call = WithMedia(ConnectedCall(), MediaStatus.Completed, MediaStatus.Failed);

        Assert.Equal(Availability.Refused("No media operation is running"), ActionAvailability.CanCancelMedia(call));
    }

    [Fact]
    public void CanCancelMedia_OnlyCancellingMedia_IsRefusedAsAlreadyRequested()
    {
        var call = WithMedia(ConnectedCall(), MediaStatus.Cancelling);

        var result = ActionAvailability.CanCancelMedia(call);

        Assert.False(result.Allowed);
        Assert.StartsWith("Cancel already requested", result.Reason);
    }

    [Fact]
    public void CanCancelMedia_CallEnded_IsRefused()
    {
        var call = WithMedia(ConnectedCall() with { State = CallState.Disconnected }, MediaStatus.Running);

        Assert.Equal(Availability.Refused("The call has ended"), ActionAvailability.CanCancelMedia(call));
    }

    private static Call WithMedia(Call call, params MediaStatus[] statuses) => call with
    {
        MediaOperations = statuses
            .Select((status, i) => new MediaOperation(new MediaOperationId($"op-{i}"), MediaKind.Play, null, At, status))
            .ToImmutableDictionary(m => m.Id),
    };
}
