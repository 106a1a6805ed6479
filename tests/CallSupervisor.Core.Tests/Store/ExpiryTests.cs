using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Commands;
using CallSupervisor.Core.Tests.Commands;

namespace CallSupervisor.Core.Tests.Store;

public sealed class ExpiryTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly TestEvents _events = new();

    private (Core.Store.CallStore Store, SupervisorCommandService Commands) Setup()
    {
        var store = StoreTestKit.NewStore(_time).WithConnectedCall(_events);
        return (store, new SupervisorCommandService(store, new FakeCallAutomationPort(), new FakeGraphCallsPort(), _time));
    }

    [Fact]
    public async Task ExpireUnconfirmedRequests_OldPendingMute_IsReleasedWithAWarning()
    {
        var (store, commands) = Setup();
        await commands.ExecuteAsync(new MuteParticipant(TestEvents.Call1, TestEvents.Agent.RawId, "alice"), CancellationToken.None);
        Assert.True(store.Participant(TestEvents.Agent).IsMutePending);
        _time.Advance(TimeSpan.FromSeconds(31));

        var expired = store.ExpireUnconfirmedRequests(_time.GetUtcNow() - TimeSpan.FromSeconds(30), _time.GetUtcNow());

        Assert.Equal(1, expired);
        Assert.False(store.Participant(TestEvents.Agent).IsMutePending);
        Assert.Contains("not confirmed", store.Current.Activity[0].Text, StringComparison.Ordinal);
        Assert.True(ActionAvailability.CanMute(store.Call1(), store.Participant(TestEvents.Agent)).Allowed);
    }

    [Fact]
    public async Task ExpireUnconfirmedRequests_RecentRequests_AreKept()
    {
        var (store, commands) = Setup();
        store.Apply(_events.Invite());
        store.Apply(_events.MediaStarted());
        await commands.ExecuteAsync(new CancelInvitation(TestEvents.Call1, new InvitationId("inv-1"), "alice"), CancellationToken.None);
        await commands.ExecuteAsync(new CancelMedia(TestEvents.Call1, "alice"), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));

        var expired = store.ExpireUnconfirmedRequests(_time.GetUtcNow() - TimeSpan.FromSeconds(30), _time.GetUtcNow());

        Assert.Equal(0, expired);
        Assert.Equal(InvitationStatus.Cancelling, store.Invitation().Status);
        Assert.Equal(MediaStatus.Cancelling, store.Media().Status);
    }

    [Fact]
    public async Task ExpireUnconfirmedRequests_OldCancels_ReturnToPendingAndRunning()
    {
        var (store, commands) = Setup();
        store.Apply(_events.Invite());
        store.Apply(_events.MediaStarted());
        await commands.ExecuteAsync(new CancelInvitation(TestEvents.Call1, new InvitationId("inv-1"), "alice"), CancellationToken.None);
        await commands.ExecuteAsync(new CancelMedia(TestEvents.Call1, "alice"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));

        var expired = store.ExpireUnconfirmedRequests(_time.GetUtcNow() - TimeSpan.FromSeconds(30), _time.GetUtcNow());

        Assert.Equal(2, expired);
        Assert.Equal(InvitationStatus.Pending, store.Invitation().Status);
        Assert.Equal(MediaStatus.Running, store.Media().Status);
    }
}
