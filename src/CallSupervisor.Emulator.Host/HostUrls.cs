namespace CallSupervisor.Emulator.Host;

/// <summary>The conventional top-level <c>--urls</c> switch; it wins over Emulator:Urls so the usual ASP.NET habit works.</summary>
internal sealed class HostUrls
{
    public string? Urls { get; set; }
}
