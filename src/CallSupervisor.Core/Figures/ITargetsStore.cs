using CallSupervisor.Core.Settings;
namespace CallSupervisor.Core.Figures;

/// <summary>
/// Where the targets an administrator set are kept (the audit trail's database), so they outlive the event log's
/// retention and a fresh log. The event log carries each change to every instance (<see cref="Events.TargetsChanged"/>).
/// </summary>
public interface ITargetsStore
{
    /// <summary>The targets saved last, or null when none were ever saved (the configured defaults apply).</summary>
    Task<Targets?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the saved targets.</summary>
    Task SaveAsync(Targets targets, string changedBy, DateTimeOffset at, CancellationToken cancellationToken);
}
