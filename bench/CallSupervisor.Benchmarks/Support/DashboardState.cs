namespace CallSupervisor.Benchmarks.Support;

/// <summary>
/// A busy dashboard: every call connected with caller and agent; every 10th call has a pending invitation, every
/// 4th a running prompt, every 3rd a finished one, and every 20th call has ended (still shown until pruned).
/// </summary>
public static class DashboardState
{
    public static CallsSnapshot Build(int calls) => BuildStore(calls).Store.Current;

    /// <summary>The same state, with the store and the event factory so a benchmark can apply further changes.</summary>
    public static (CallStore Store, EventFactory Events) BuildStore(int calls)
    {
        var events = new EventFactory(calls);
        var store = StoreSeeder.Seed(events);
        for (var call = 0; call < calls; call++)
        {
            if (call % 10 == 0)
            {
                StoreSeeder.ApplyAll(store, [events.Invite(call, new InvitationId(Ids.Guid(call, 7)), "add-pending")]);
            }
            if (call % 4 == 0)
            {
                StoreSeeder.ApplyAll(store, [events.MediaStarted(call, new MediaOperationId("play-running"))]);
            }
            if (call % 3 == 0)
            {
                var done = new MediaOperationId("play-done");
                StoreSeeder.ApplyAll(store, [events.MediaStarted(call, done), events.MediaEnded(call, done)]);
            }
            if (call % 20 == 19)
            {
                StoreSeeder.ApplyAll(store, [events.Disconnected(call)]);
            }
        }
        return (store, events);
    }
}
