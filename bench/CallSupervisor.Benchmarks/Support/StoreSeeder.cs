namespace CallSupervisor.Benchmarks.Support;

/// <summary>Builds stores in a known state. Every seeding event must be Applied, or the benchmark would measure
/// something else than it says.</summary>
public static class StoreSeeder
{
    /// <summary>No batch window: a subscriber gets each change as soon as it can read it.</summary>
    public static CallStore NewStore() => new(TimeProvider.System, new CallStoreOptions(TimeSpan.Zero));

    /// <summary>A store holding every call of <paramref name="events"/>: connected, with a roster of caller and agent.</summary>
    public static CallStore Seed(EventFactory events)
    {
        var store = NewStore();
        for (var call = 0; call < events.Calls; call++)
        {
            ApplyAll(store, [events.Connected(call), events.Roster(call)]);
        }
        return store;
    }

    /// <summary>After a timed burst: every one of its events must have been Applied (and published), or the figure is
    /// not the one it claims to be.</summary>
    public static void CheckAllApplied(CallStore store, long versionBefore, int events)
    {
        if (store.Version - versionBefore != events)
        {
            throw new InvalidOperationException($"{store.Version - versionBefore} of {events} events were applied");
        }
    }

    public static void ApplyAll(CallStore store, IEnumerable<CallEvent> events)
    {
        foreach (var callEvent in events)
        {
            var outcome = store.Apply(callEvent);
            if (!outcome.IsApplied)
            {
                throw new InvalidOperationException($"{callEvent.GetType().Name} was {outcome.Status}: {outcome.Reason}");
            }
        }
    }
}
