using BenchmarkDotNet.Attributes;
using CallSupervisor.Benchmarks.Support;

namespace CallSupervisor.Benchmarks;

/// <summary>
/// Which event of the mix costs what: 5,000 events of one kind on a fresh 10,000-call store, each to a different
/// call. Events that need a predecessor (an end needs its start, an accept its invitation) get it in the untimed
/// setup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
[InvocationCount(1, 1)]
public class ApplyByKindBenchmarks
{
    private const int Calls = 10_000;
    private const int Events = 5_000;

    private CallStore _store = null!;
    private CallEvent[] _events = [];
    private long _versionBefore;

    public enum EventKind
    {
        Roster,
        MediaStarted,
        MediaEnded,
        InvitationRequested,
        InvitationAccepted,
    }

    [ParamsAllValues]
    public EventKind Kind { get; set; }

    [GlobalSetup]
    public void WarmUp() => JitWarmup.Ensure();

    [IterationSetup]
    public void SetUp()
    {
        var factory = new EventFactory(Calls);
        _store = StoreSeeder.Seed(factory);
        var before = new List<CallEvent>();
        var measured = new CallEvent[Events];
        for (var i = 0; i < Events; i++)
        {
            var call = factory.Target(i);
            var media = new MediaOperationId("play-1");
            var invitation = new InvitationId(Ids.Guid(call, 9));
            measured[i] = Kind switch
            {
                EventKind.Roster => factory.Roster(call),
                EventKind.MediaStarted => factory.MediaStarted(call, media),
                EventKind.MediaEnded => Preceded(before, factory.MediaStarted(call, media), factory.MediaEnded(call, media)),
                EventKind.InvitationRequested => factory.Invite(call, invitation, "add-1"),
                _ => Preceded(before, factory.Invite(call, invitation, "add-1"), factory.Accepted(call, "add-1")),
            };
        }
        StoreSeeder.ApplyAll(_store, before);
        _events = measured;
        _versionBefore = _store.Version;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public void Apply()
    {
        foreach (var callEvent in _events)
        {
            _store.Apply(callEvent);
        }
    }

    [IterationCleanup]
    public void Check() => StoreSeeder.CheckAllApplied(_store, _versionBefore, Events);

    private static CallEvent Preceded(List<CallEvent> before, CallEvent first, CallEvent measured)
    {
        before.Add(first);
        return measured;
    }
}
