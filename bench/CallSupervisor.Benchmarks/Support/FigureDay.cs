namespace CallSupervisor.Benchmarks.Support;

/// <summary>
/// A contact center late in its day, for the figures' benchmarks: 200 agents in 3 queues, a day of traffic (every
/// 15-minute interval from midnight UTC: 30 answered calls, each with a hold, and 5 abandoned callers), then the board
/// of <see cref="ContactCenterFactory.Board"/> at 23:50: 1,000 callers queued and 160 agents on a call. So the ledger
/// holds 96 intervals × 3 queues, a day of agent-state tallies and the last 75 minutes of ended visits. Built by
/// applying events to a store; <c>day: false</c> leaves out the day's traffic (the same board, an empty ledger),
/// <c>board: false</c> the board (every agent free at the end of the day).
/// </summary>
public sealed class FigureDay
{
    public const int Agents = 200;
    public const int Callers = 1_000;
    public const int AnsweredPerInterval = 30;
    public const int AbandonedPerInterval = 5;

    public static readonly DateTimeOffset Midnight = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public FigureDay(bool day = true, bool routing = true, bool board = true)
    {
        Factory = new ContactCenterFactory(Agents, Midnight);
        Store = StoreSeeder.NewStore();
        var ignored = 0;
        void Apply(IEnumerable<CallEvent> events)
        {
            foreach (var e in events)
            {
                ignored += Store.Apply(e).IsApplied ? 0 : 1;
            }
        }
        if (routing)
        {
            Apply(Factory.SignIn());
        }
        var n = 0;
        for (var interval = 0; day && interval < 96; interval++)
        {
            Factory.MoveTo(Midnight + (interval * IntervalClock.Width) + TimeSpan.FromMinutes(1));
            Apply(Factory.Lifecycles(n, AnsweredPerInterval, AnsweredPerInterval, routing, holds: true));
            Apply(Factory.Abandons(n, AbandonedPerInterval, routing));
            n += AnsweredPerInterval;
        }
        NextCall = n;
        Factory.MoveTo(Midnight + TimeSpan.FromHours(23) + TimeSpan.FromMinutes(50));
        if (board)
        {
            Apply(Factory.Board(Callers, routing));
        }
        // Re-signing in agents who are already available is not a change: those are the ones left out.
        IgnoredWhileSeeding = ignored;
    }

    public ContactCenterFactory Factory { get; }

    public CallStore Store { get; }

    /// <summary>The first call number the day did not use.</summary>
    public int NextCall { get; }

    public int IgnoredWhileSeeding { get; }

    public StoreCheckpoint Checkpoint() => Store.Export();

    /// <summary>A store starting where this one is (from its checkpoint).</summary>
    public CallStore Fork(StoreCheckpoint checkpoint) =>
        new(TimeProvider.System, new CallStoreOptions(TimeSpan.Zero), checkpoint: checkpoint);
}
