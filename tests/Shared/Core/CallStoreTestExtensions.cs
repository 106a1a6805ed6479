namespace CallSupervisor;

/// <summary>
/// Applying to the store directly, as tests and benchmarks do; in the app only the event log's replica applies (and
/// reads the call back with <see cref="CallStore.ApplyAndRead"/>). In the root namespace so every test finds it.
/// </summary>
internal static class CallStoreTestExtensions
{
    public static ApplyOutcome Apply(this CallStore store, CallEvent callEvent) => store.ApplyAndRead(callEvent).Outcome;
}
