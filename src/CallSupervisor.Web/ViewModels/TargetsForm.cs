using System.Collections.Immutable;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Settings;

namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// One row of the Targets page, in the units people set them in: seconds, percent, minutes. A queue row may follow the
/// default row (<see cref="UseDefault"/>) instead of having its own.
/// </summary>
public sealed class TargetsRow
{
    public string? QueueId { get; init; }

    public required string Name { get; init; }

    public bool UseDefault { get; set; }

    public double AnswerWithinSeconds { get; set; }

    public double ServiceLevelPercent { get; set; }

    public double AbandonmentPercent { get; set; }

    public double ShortAbandonSeconds { get; set; }

    public double QueueWaitSeconds { get; set; }

    public double RingingSeconds { get; set; }

    public double OnHoldSeconds { get; set; }

    public double CallLengthMinutes { get; set; }

    public static TargetsRow Of(string? queueId, string name, QueueTargets targets, bool useDefault) => new()
    {
        QueueId = queueId,
        Name = name,
        UseDefault = useDefault,
        AnswerWithinSeconds = targets.AnswerWithin.TotalSeconds,
        ServiceLevelPercent = Math.Round(targets.ServiceLevelGoal * 100, 1),
        AbandonmentPercent = Math.Round(targets.AbandonmentLimit * 100, 1),
        ShortAbandonSeconds = targets.ShortAbandon.TotalSeconds,
        QueueWaitSeconds = targets.QueueWait.TotalSeconds,
        RingingSeconds = targets.Ringing.TotalSeconds,
        OnHoldSeconds = targets.OnHold.TotalSeconds,
        CallLengthMinutes = targets.CallLength.TotalMinutes,
    };

    public QueueTargets ToTargets() => new()
    {
        AnswerWithin = TimeSpan.FromSeconds(AnswerWithinSeconds),
        ServiceLevelGoal = ServiceLevelPercent / 100,
        AbandonmentLimit = AbandonmentPercent / 100,
        ShortAbandon = TimeSpan.FromSeconds(ShortAbandonSeconds),
        QueueWait = TimeSpan.FromSeconds(QueueWaitSeconds),
        Ringing = TimeSpan.FromSeconds(RingingSeconds),
        OnHold = TimeSpan.FromSeconds(OnHoldSeconds),
        CallLength = TimeSpan.FromMinutes(CallLengthMinutes),
    };
}

/// <summary>The Targets page's editable copy of the targets: the default row, then one per queue of the directory.</summary>
public sealed class TargetsForm
{
    private TargetsForm(IReadOnlyList<TargetsRow> rows) => Rows = rows;

    public IReadOnlyList<TargetsRow> Rows { get; }

    public TargetsRow Default => Rows[0];

    public static TargetsForm Of(Targets targets, ContactCenterDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(directory);
        var queueIds = directory.Queues.Select(q => q.Id).Concat(targets.Queues.Keys.Where(k => directory.Queue(k) is null).Order(StringComparer.Ordinal));
        return new TargetsForm([
            TargetsRow.Of(null, "Default (every queue without its own)", targets.Default, useDefault: false),
            .. queueIds.Select(id => TargetsRow.Of(id, directory.Queue(id)?.Name ?? id, targets.For(id), useDefault: !targets.Queues.ContainsKey(id))),
        ]);
    }

    public Targets ToTargets() => new(
        Default.ToTargets(),
        Rows.Skip(1).Where(r => !r.UseDefault && r.QueueId is not null).ToImmutableDictionary(r => r.QueueId!, r => r.ToTargets(), StringComparer.Ordinal));
}
