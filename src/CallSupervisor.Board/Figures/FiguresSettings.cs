using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Board.Figures;

/// <summary>
/// Settings of the day's figures (section <c>Figures</c>): the centre's time zone, whose midnight starts the day, and
/// the targets every queue starts with until an administrator sets its own on the Targets page.
/// </summary>
public sealed class FiguresSettings
{
    public const string SectionName = "Figures";

    /// <summary>An IANA (<c>Europe/Lisbon</c>) or Windows time zone id; UTC when empty.</summary>
    public string? TimeZone { get; set; }

    public TimeSpan AnswerWithin { get; set; } = QueueTargets.Default.AnswerWithin;

    /// <summary>Percent, e.g. 80.</summary>
    public double ServiceLevelGoal { get; set; } = QueueTargets.Default.ServiceLevelGoal * 100;

    /// <summary>Percent, e.g. 5.</summary>
    public double AbandonmentLimit { get; set; } = QueueTargets.Default.AbandonmentLimit * 100;

    public TimeSpan ShortAbandon { get; set; } = QueueTargets.Default.ShortAbandon;

    public TimeSpan QueueWait { get; set; } = QueueTargets.Default.QueueWait;

    public TimeSpan Ringing { get; set; } = QueueTargets.Default.Ringing;

    public TimeSpan OnHold { get; set; } = QueueTargets.Default.OnHold;

    public TimeSpan CallLength { get; set; } = QueueTargets.Default.CallLength;

    public QueueTargets Defaults => new()
    {
        AnswerWithin = AnswerWithin,
        ServiceLevelGoal = ServiceLevelGoal / 100,
        AbandonmentLimit = AbandonmentLimit / 100,
        ShortAbandon = ShortAbandon,
        QueueWait = QueueWait,
        Ringing = Ringing,
        OnHold = OnHold,
        CallLength = CallLength,
    };

    /// <summary>The zone, or null when <see cref="TimeZone"/> names none this machine knows.</summary>
    public TimeZoneInfo? Zone => string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Utc
        : TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone.Trim(), out var zone) ? zone : null;

    public FigureOptions Options => new(Zone ?? TimeZoneInfo.Utc) { Defaults = new Targets(Defaults, System.Collections.Immutable.ImmutableDictionary<string, QueueTargets>.Empty) };
}
