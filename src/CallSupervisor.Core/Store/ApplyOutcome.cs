namespace CallSupervisor.Core.Store;

public enum ApplyStatus
{
    /// <summary>The event changed the state and was published.</summary>
    Applied,

    /// <summary>The event id was seen before; nothing changed.</summary>
    Duplicate,

    /// <summary>A newer fact is already known (e.g. a roster with a higher sequence number); nothing changed.</summary>
    Stale,

    /// <summary>The event does not apply (ended call, terminal invitation, no correlation); nothing changed.</summary>
    Ignored,
}

/// <summary>What <see cref="CallStore.ApplyAndRead"/> did with an event, with the reason when it did nothing.</summary>
public sealed record ApplyOutcome(ApplyStatus Status, string? Reason = null)
{
    public static ApplyOutcome Applied { get; } = new(ApplyStatus.Applied);

    public static ApplyOutcome Duplicate { get; } = new(ApplyStatus.Duplicate, "event id already applied");

    public static ApplyOutcome Stale(string reason) => new(ApplyStatus.Stale, reason);

    public static ApplyOutcome Ignored(string reason) => new(ApplyStatus.Ignored, reason);

    public bool IsApplied => Status == ApplyStatus.Applied;
}
