namespace CallSupervisor.Web.Hosting;

/// <summary>Settings of how the process gives memory back (section <c>Memory</c>).</summary>
public sealed class MemoryOptions
{
    public const string SectionName = "Memory";

    /// <summary>
    /// How often the process checks whether a busy spell is over (<see cref="IdleMemoryTrim"/>); zero turns the
    /// check off. The garbage collector only gives memory back when it collects, and an idle process allocates next
    /// to nothing, so without the check the memory a burst took stays with the process until the next burst.
    /// </summary>
    public TimeSpan IdleTrimInterval { get; set; } = TimeSpan.FromSeconds(30);
}
