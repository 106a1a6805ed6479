using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Workflow;

namespace CallSupervisor.Web.Figures;

/// <summary>
/// The day's figures computed once for every page, wallboard and hub push of this instance, at most every
/// <see cref="Freshness"/> (and again when the clock has moved a second, so waits keep ticking). A page renders each
/// batch of the board as it comes; its figures may be up to that much behind the batch. Computing them per page and
/// per batch cost a core's third per page at 1,000 waiting callers (docs/performance.md, "Figures and the wallboard").
/// </summary>
public sealed class SharedDayFigures(FigureOptions options, WorkflowOptions workflow, TimeSpan? freshness = null)
{
    /// <summary>How long figures computed for one board serve a newer one (<c>Dashboard:FiguresFreshness</c>).</summary>
    public TimeSpan Freshness { get; } = freshness ?? TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(900);

    private readonly Lock _gate = new();
    private Computed? _last;

    private sealed record Computed(CallsSnapshot Snapshot, DateTimeOffset At, TodayFigures Figures);

    /// <summary>How many times the figures were computed (the rest were shared).</summary>
    public long Computations { get; private set; }

    /// <summary>
    /// The figures of <paramref name="snapshot"/> (or of a board at most <see cref="Freshness"/> older) at
    /// <paramref name="now"/>. <paramref name="exact"/>: of this board, not an older one (a hub push, which is sent
    /// once per change). A page that got an older board's figures gets this board's at its next second's tick.
    /// </summary>
    public TodayFigures For(CallsSnapshot snapshot, DateTimeOffset now, bool exact = false)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var freshness = exact ? TimeSpan.Zero : Freshness;
        if (Reusable(_last, snapshot, now, freshness) is { } shared)
        {
            return shared;
        }
        lock (_gate)
        {
            // Another page may have computed them while this one waited.
            if (Reusable(_last, snapshot, now, freshness) is { } justComputed)
            {
                return justComputed;
            }
            var figures = DayFigures.Today(snapshot, workflow.Directory, options.TargetsOf(snapshot), options.Zone, now);
            _last = new Computed(snapshot, now, figures);
            Computations++;
            return figures;
        }
    }

    private static TodayFigures? Reusable(Computed? last, CallsSnapshot snapshot, DateTimeOffset now, TimeSpan freshness) =>
        last is not null && now >= last.At && now - last.At < (ReferenceEquals(last.Snapshot, snapshot) ? Tick : freshness)
            ? last.Figures
            : null;
}
