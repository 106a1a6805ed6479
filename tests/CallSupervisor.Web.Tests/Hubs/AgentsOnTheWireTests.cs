using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Hubs;

namespace CallSupervisor.Web.Tests.Hubs;

/// <summary>What the hub sends of the contact center: each call's queue, offer and agent, and the agents.</summary>
public sealed class AgentsOnTheWireTests
{
    private static readonly CallId A = new("call-a");
    private readonly TestEvents _events = new();
    private readonly CallStore _store = StoreTestKit.NewStore();

    private FeedBatch<CallsSnapshot, CallChange> Batch(params CallChange[] changes) => new(9, _store.Current, [.. changes]);

    [Fact]
    public void ToChangedDto_AgentsChanged_EveryAgentSentAndNoCallRemoved()
    {
        _store.Presence(_events, "ana", AgentPresence.Available);

        var dto = Batch(CallChange.Agents).ToChangedDto(TestDirectory.Center, _events.Now);

        Assert.Empty(dto.Removed);
        Assert.Empty(dto.Changed);
        Assert.Equal(["ana", "ben", "cleo"], dto.Agents!.Select(a => a.AgentId));
        Assert.Equal(["Available", "Offline", "Offline"], dto.Agents!.Select(a => a.State));
        Assert.Equal("Ana Lima", dto.Agents![0].Name);
        Assert.Equal(["sales", "support"], dto.Agents![0].Queues);
    }

    [Fact]
    public void ToDto_SupervisorListening_TheCallListsLeaveAndTheSupervisor()
    {
        _store.WithAgentInCall(_events);
        _store.SamListening(_events);

        var call = _store.Current.Find(TestEvents.Call1)!.ToDto(TestDirectory.Center);

        Assert.Contains("Leave", call.Actions);
        Assert.Equal("Listening", Assert.Single(call.Supervisors).Mode);
        Assert.DoesNotContain("Leave", StoreWithoutSupervisors().Actions);
    }

    private CallSupervisor.Contracts.CallDto StoreWithoutSupervisors()
    {
        var store = StoreTestKit.NewStore();
        store.WithAgentInCall(new TestEvents());
        return store.Current.Find(TestEvents.Call1)!.ToDto(TestDirectory.Center);
    }

    [Fact]
    public void ToChangedDto_OnlyCallsChanged_AgentsNull()
    {
        _store.Queued(_events, A, "sales");

        var dto = Batch(new CallChange(A, CallChangeKind.Updated)).ToChangedDto(TestDirectory.Center, _events.Now);

        Assert.Null(dto.Agents);
        Assert.Equal("call-a", Assert.Single(dto.Changed).CallId);
        Assert.Equal(1, dto.Counts.CallsWaiting);
    }

    [Fact]
    public void ToDto_QueuedAndOffered_CarriesQueueAndOffer()
    {
        _store.Queued(_events, A, "sales");
        var queuedAt = _events.Now;
        _store.Offered(_events, A, "ana", TestEvents.Agent, "Ana Lima", "offer-1");

        var dto = _store.Current.Find(A)!.ToDto(TestDirectory.Center);

        Assert.Equal(("sales", "Sales", queuedAt), (dto.QueueId, dto.QueueName, dto.QueuedAt));
        Assert.Equal("ana", dto.Offer!.AgentId);
        Assert.Equal("Ana Lima", dto.Offer.AgentName);
        Assert.Equal(_events.Now, dto.Offer.RingingSince);
        Assert.Null(dto.AgentId);
    }

    [Fact]
    public void ToDto_Answered_CarriesTheAgent()
    {
        _store.Queued(_events, A, "sales");
        _store.Offered(_events, A, "ana", TestEvents.Agent, "Ana Lima", "offer-1");
        _store.Answered(_events, A, "offer-1");

        var dto = _store.Current.Find(A)!.ToDto(TestDirectory.Center);

        Assert.Equal(("ana", "Ana Lima", (DateTimeOffset?)_events.Now), (dto.AgentId, dto.AgentName, dto.AnsweredAt));
        Assert.Null(dto.Offer);
        Assert.Null(dto.AgentLeftAt);
    }

    [Fact]
    public void ToDtoParts_EveryPartCarriesTheAgents()
    {
        _store.Queued(_events, A, "sales");
        _store.Queued(_events, new CallId("call-b"), "support");

        var parts = _store.Current.ToDtoParts(3, partSize: 1, TestDirectory.Center, _events.Now).ToList();

        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Equal(3, p.Agents!.Count));
    }
}
