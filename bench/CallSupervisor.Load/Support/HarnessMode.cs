namespace CallSupervisor.Load.Support;

/// <summary>How the whole run goes: <c>--smoke</c> keeps the harness working in about half a minute; its figures are not quoted.</summary>
public static class HarnessMode
{
    public static bool Smoke { get; set; }
}
