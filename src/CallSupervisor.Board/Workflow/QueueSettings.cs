namespace CallSupervisor.Board.Workflow;

/// <summary>
/// One queue of <c>Workflow:Queues</c>: its id, the name supervisors see, the menu key that leads to it, its priority
/// (higher first when an agent serves several), and an optional wait limit after which callers move to
/// <see cref="OverflowQueue"/>.
/// </summary>
public sealed class QueueSettings
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>One key of the DTMF menu (0–9, * or #).</summary>
    public string? MenuDigit { get; set; }

    public int Priority { get; set; }

    public TimeSpan? MaxWait { get; set; }

    public string? OverflowQueue { get; set; }
}
