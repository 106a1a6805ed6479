namespace CallSupervisor.Core.Execution;

/// <summary>
/// How many actions one user may ask for per <see cref="Window"/>, from the dashboard and the hub together. Well above
/// what a person clicks; it stops a script from filling the audit trail (each attempt, refused ones included, is a row).
/// </summary>
public sealed record ActionLimits(int PerUser, TimeSpan Window)
{
    public static ActionLimits Default { get; } = new(30, TimeSpan.FromSeconds(10));
}

/// <summary>What the executor reports to operators beyond its outcomes (the app logs it; Core has no logger).</summary>
public interface IActionLog
{
    /// <summary>A refusal could not be written to the audit trail; the refusal was still returned.</summary>
    void RefusalNotAudited(ActionRequest command, string reason, Exception exception);

    /// <summary>A user's burst over the limit ended: <paramref name="refused"/> actions were refused for it.</summary>
    void RateLimited(Actor actor, int refused, DateTimeOffset from, DateTimeOffset to);
}
