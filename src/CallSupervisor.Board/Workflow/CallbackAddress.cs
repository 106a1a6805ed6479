namespace CallSupervisor.Board.Workflow;

/// <summary>
/// Where ACS should send this app's callbacks: the configured public base URL (behind a proxy or tunnel for
/// real ACS), or else the address the server actually listens on (the embedded emulator's case, where the
/// port is only known after start). The host supplies <paramref name="listeningAddress"/> (asked each time: the port is known only once the server listens).
/// </summary>
public sealed class CallbackAddress(Func<Uri> listeningAddress, Uri? configuredBaseUrl)
{
    public const string AcsPath = "api/callbacks/acs";
    public const string IncomingPath = "api/callbacks/incoming";
    public const string GraphPath = "api/callbacks/graph";

    public Uri BaseUrl => configuredBaseUrl ?? listeningAddress();

    // Appended, not resolved: a base with a path (https://host/supervisor) must keep it.
    public Uri AcsCallbackUri => new(BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + AcsPath);
}
