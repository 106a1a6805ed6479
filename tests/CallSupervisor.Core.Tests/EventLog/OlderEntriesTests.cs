using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Tests.Store;

namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>
/// Entries and checkpoints written before a member was added still read: a member added later is optional in the
/// JSON (its default when absent), so an upgrade never makes the event log unreadable.
/// </summary>
public sealed class OlderEntriesTests
{
    [Fact]
    public void Deserialize_MediaStartedWrittenBeforeLooped_ReadsNotLooped()
    {
        const string json = """{"type":"mediaOperationStarted","eventId":"e1","callId":"call-1","occurredAt":"2026-01-01T09:00:00+00:00","operationId":"play-1","kind":"Play","description":"Hold music"}""";

        var started = Assert.IsType<MediaOperationStarted>(EventJson.Deserialize(json));

        Assert.False(started.Looped);
    }

    [Fact]
    public void Deserialize_MediaEndedAndQueuedWithoutTheirNewerMembers_Read()
    {
        Assert.Null(Assert.IsType<MediaOperationEnded>(EventJson.Deserialize(
            """{"type":"mediaOperationEnded","eventId":"e2","callId":"call-1","occurredAt":"2026-01-01T09:00:00+00:00","operationId":"play-1","kind":"Play","outcome":"Completed"}""")).Tones);
        Assert.False(Assert.IsType<CallQueued>(EventJson.Deserialize(
            """{"type":"callQueued","eventId":"e3","callId":"call-1","occurredAt":"2026-01-01T09:00:00+00:00","queueId":"sales"}""")).Overflowed);
    }

    [Fact]
    public void Deserialize_CheckpointWrittenBeforeQueuesAgentsAndLoopedMedia_Reads()
    {
        var store = new CallStore(TimeProvider.System, new CallStoreOptions(TimeSpan.Zero));
        var events = new TestEvents();
        store.Apply(events.Connected());
        store.Apply(events.MediaStarted());
        var current = CheckpointJson.Serialize(store.Export());
        // What a build before the contact center wrote: none of the members added since.
        var older = Without(System.Text.Json.Nodes.JsonNode.Parse(current)!, "looped", "offers", "missedOffers", "agents").ToJsonString();

        var restored = CheckpointJson.Deserialize(older);

        Assert.False(restored.Snapshot.Find(TestEvents.Call1)!.MediaOperations.Values.Single().Looped);
    }

    [Fact]
    public void Deserialize_CheckpointWrittenBeforeSupervisorsInCalls_ReadsNoneAndRoutes()
    {
        var store = new CallStore(TimeProvider.System, new CallStoreOptions(TimeSpan.Zero));
        store.Apply(new TestEvents().Connected());
        var older = Without(System.Text.Json.Nodes.JsonNode.Parse(CheckpointJson.Serialize(store.Export()))!, "supervisors").ToJsonString();

        var restored = CheckpointJson.Deserialize(older);

        Assert.Empty(restored.Snapshot.Find(TestEvents.Call1)!.Supervisors);
        // The router walks every call's supervisors: a restored board must not stop it.
        Assert.Empty(CallSupervisor.Core.Routing.Router.Decide(restored.Snapshot, CallSupervisor.Core.Routing.ContactCenterDirectory.Empty, new CallSupervisor.Core.Routing.RoutingOptions(), DateTimeOffset.UtcNow).OfType<CallSupervisor.Core.Routing.MuteListener>());
    }

    private static System.Text.Json.Nodes.JsonNode Without(System.Text.Json.Nodes.JsonNode node, params string[] names)
    {
        if (node is System.Text.Json.Nodes.JsonObject obj)
        {
            foreach (var name in names)
            {
                obj.Remove(name);
            }
            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                {
                    Without(child, names);
                }
            }
        }
        else if (node is System.Text.Json.Nodes.JsonArray array)
        {
            foreach (var child in array.Where(c => c is not null))
            {
                Without(child!, names);
            }
        }
        return node;
    }
}
