using System.Collections.Immutable;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.Actions;

/// <summary>Each action's availability rule with its reason (what the UI shows on a disabled button), and its words.</summary>
public sealed class SupervisorActionTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    private static Call ConnectedCall(CallPlatform platform = CallPlatform.Acs) =>
        Call.Placeholder(TestEvents.Call1, At) with { State = CallState.Connected, Platform = platform, NeedsReconcile = false, Caller = TestEvents.Caller };

    private static Call With(Call call, params Participant[] participants) =>
        call with { Participants = participants.ToImmutableDictionary(p => p.RawId) };

    private static Participant Member(CommunicationIdentifier who, bool muted = false) => new(who, muted, false, At);

    private static Call Pending(Call call, ActionKind kind, string target) =>
        call with { PendingActions = call.PendingActions.Add("ctx", new PendingAction(kind, target, new SupervisorRequest("alice", At.AddMinutes(5), "ctx"))) };

    [Fact]
    public void Mute_UnmutedAcsUserOnConnectedAcsCall_IsAllowed()
    {
        var result = SupervisorActions.Mute.Check(With(ConnectedCall(), Member(TestEvents.Agent)), TestEvents.Agent.RawId);

        Assert.Equal(Availability.Ok, result);
    }

    [Theory]
    [InlineData(IdentifierKind.PhoneNumber)]
    [InlineData(IdentifierKind.MicrosoftTeamsUser)]
    [InlineData(IdentifierKind.MicrosoftTeamsApp)]
    [InlineData(IdentifierKind.Unknown)]
    public void Mute_NonAcsUser_IsRefusedWithReason(IdentifierKind kind)
    {
        var who = new CommunicationIdentifier(kind, "raw", "value");

        var result = SupervisorActions.Mute.Check(With(ConnectedCall(), Member(who)), "raw");

        Assert.Equal(Availability.Refused("ACS can only mute ACS users; phone/Teams participants cannot be muted"), result);
    }

    [Fact]
    public void Mute_AlreadyMuted_IsRefused()
    {
        Assert.Equal(Availability.Refused("Already muted"), SupervisorActions.Mute.Check(With(ConnectedCall(), Member(TestEvents.Agent, muted: true)), TestEvents.Agent.RawId));
    }

    [Fact]
    public void Mute_ParticipantNotInTheCall_IsRefused()
    {
        Assert.Equal(Availability.Refused("The participant is not in the call"), SupervisorActions.Mute.Check(ConnectedCall(), TestEvents.Agent.RawId));
    }

    [Fact]
    public void Mute_Pending_IsRefusedNamingWhoAskedAndWhen()
    {
        var call = Pending(With(ConnectedCall(), Member(TestEvents.Agent)), ActionKind.Mute, TestEvents.Agent.RawId);

        var result = SupervisorActions.Mute.Check(call, TestEvents.Agent.RawId);

        Assert.Equal(Availability.Refused("Mute already requested by alice at 09:05:00 UTC; waiting for ACS to confirm"), result);
    }

    [Fact]
    public void Mute_PendingOnAnotherParticipant_IsAllowed()
    {
        var call = Pending(With(ConnectedCall(), Member(TestEvents.Agent), Member(TestEvents.Agent2)), ActionKind.Mute, TestEvents.Agent2.RawId);

        Assert.True(SupervisorActions.Mute.Check(call, TestEvents.Agent.RawId).Allowed);
    }

    [Theory]
    [InlineData(CallState.Disconnected, "The call has ended")]
    [InlineData(CallState.Unknown, "The call's state is not known yet (waiting for reconciliation)")]
    [InlineData(CallState.Disconnecting, "The call is Disconnecting")]
    public void Mute_CallNotConnected_IsRefused(CallState state, string reason)
    {
        var result = SupervisorActions.Mute.Check(With(ConnectedCall() with { State = state }, Member(TestEvents.Agent)), TestEvents.Agent.RawId);

        Assert.Equal(Availability.Refused(reason), result);
    }

    [Fact]
    public void Mute_GraphCall_IsRefused()
    {
        Assert.False(SupervisorActions.Mute.Check(With(ConnectedCall(CallPlatform.Graph), Member(TestEvents.Agent)), TestEvents.Agent.RawId).Allowed);
    }

    [Theory]
    [InlineData(InvitationStatus.Pending, true, null)]
    [InlineData(InvitationStatus.Accepted, false, "The invitation was already accepted")]
    [InlineData(InvitationStatus.Cancelled, false, "The invitation is already cancelled")]
    [InlineData(InvitationStatus.Failed, false, "The invitation failed")]
    [InlineData(InvitationStatus.TimedOut, false, "The invitation timed out")]
    public void CancelInvitation_ByStatus_AllowsOnlyPending(InvitationStatus status, bool allowed, string? reason)
    {
        var result = SupervisorActions.CancelInvitation.Check(WithInvitation(ConnectedCall(), status), "inv-1");

        Assert.Equal(new Availability(allowed, reason), result);
    }

    [Fact]
    public void CancelInvitation_Pending_IsRefusedAsAlreadyRequested()
    {
        var call = Pending(WithInvitation(ConnectedCall(), InvitationStatus.Pending), ActionKind.CancelInvitation, "inv-1");

        Assert.Equal(Availability.Refused("Cancel invite already requested by alice at 09:05:00 UTC; waiting for ACS"), SupervisorActions.CancelInvitation.Check(call, "inv-1"));
    }

    [Fact]
    public void CancelInvitation_CallEnded_IsRefused()
    {
        var call = WithInvitation(ConnectedCall() with { State = CallState.Disconnected }, InvitationStatus.Pending);

        Assert.Equal(Availability.Refused("The call has ended"), SupervisorActions.CancelInvitation.Check(call, "inv-1"));
    }

    [Fact]
    public void CancelInvitation_UnknownInvitation_IsRefused()
    {
        Assert.Equal(Availability.Refused("The invitation is not known"), SupervisorActions.CancelInvitation.Check(ConnectedCall(), "nope"));
    }

    [Fact]
    public void CancelInvitation_Confirmation_FocusesKeepingItRinging()
    {
        var question = SupervisorActions.CancelInvitation.Confirmation(WithInvitation(ConnectedCall(), InvitationStatus.Pending), "inv-1");

        Assert.Equal("Keep ringing", question.SafeLabel);
        Assert.Equal("Cancel invitation", question.ConfirmLabel);
        Assert.Contains("Stop ringing", question.Question, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CallPlatform.Acs)]
    [InlineData(CallPlatform.Graph)]
    public void CancelMedia_RunningMedia_IsAllowedOnBothPlatforms(CallPlatform platform)
    {
        var call = WithMedia(ConnectedCall(platform), MediaStatus.Completed, MediaStatus.Running);

        Assert.True(SupervisorActions.CancelMedia.Check(call, "").Allowed);
    }

    [Fact]
    public void CancelMedia_NothingRunning_IsRefused()
    {
        var call = WithMedia(ConnectedCall(), MediaStatus.Completed, MediaStatus.Failed);

        Assert.Equal(Availability.Refused("No media operation is running"), SupervisorActions.CancelMedia.Check(call, ""));
    }

    [Fact]
    public void CancelMedia_AlreadyRequested_IsRefused()
    {
        var call = Pending(WithMedia(ConnectedCall(), MediaStatus.Running), ActionKind.CancelMedia, "");

        var result = SupervisorActions.CancelMedia.Check(call, "");

        Assert.False(result.Allowed);
        Assert.Equal("Cancel all media already requested by alice at 09:05:00 UTC; waiting for the media to stop", result.Reason);
    }

    [Fact]
    public void CancelMedia_LabelAndConfirmation_SayEveryOperationStops()
    {
        var call = WithMedia(ConnectedCall(), MediaStatus.Running, MediaStatus.Running);

        var question = SupervisorActions.CancelMedia.Confirmation(call, "");

        Assert.Equal("Cancel all media", SupervisorActions.CancelMedia.Label);
        Assert.Contains("Stop all 2 running", question.Question, StringComparison.Ordinal);
        Assert.Equal("Keep playing", question.SafeLabel);
    }

    [Fact]
    public void CancelMedia_CallEnded_IsRefused()
    {
        var call = WithMedia(ConnectedCall() with { State = CallState.Disconnected }, MediaStatus.Running);

        Assert.Equal(Availability.Refused("The call has ended"), SupervisorActions.CancelMedia.Check(call, ""));
    }

    [Fact]
    public void Mute_AsksNoConfirmation()
    {
        Assert.Null(SupervisorActions.Mute.Confirmation(ConnectedCall(), TestEvents.Agent.RawId));
    }

    [Fact]
    public void ContextPrefixes_AreDistinctPerAction()
    {
        Assert.Equal(SupervisorActions.All.Count, SupervisorActions.All.Select(a => a.ContextPrefix).Distinct().Count());
        Assert.All(SupervisorActions.All, a => Assert.Same(a, SupervisorActions.For(a.Kind)));
    }

    private static Call WithInvitation(Call call, InvitationStatus status) => call with
    {
        Invitations = ImmutableDictionary<InvitationId, Invitation>.Empty.Add(
            new InvitationId("inv-1"), new Invitation(new InvitationId("inv-1"), TestEvents.Agent2, "add-1", At, TimeSpan.FromSeconds(30), status)),
    };

    private static Call WithMedia(Call call, params MediaStatus[] statuses) => call with
    {
        MediaOperations = statuses
            .Select((status, i) => new MediaOperation(new MediaOperationId($"op-{i}"), MediaKind.Play, null, At, status))
            .ToImmutableDictionary(m => m.Id),
    };
}
