using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallSupervisor.Client;

/// <summary>How <see cref="CallsHubClient.ConnectAsync"/> connects.</summary>
public sealed class CallsHubClientOptions
{
    /// <summary>
    /// Configures the underlying HTTP connection: cookies, headers, an access-token provider, transports,
    /// a WebSocket factory. Called once per client; the settings apply to every reconnect too.
    /// </summary>
    public Action<HttpConnectionOptions>? ConfigureConnection { get; init; }

    /// <summary>
    /// Signs the client in without a person: returns an app-only access token (client credentials, an app with the
    /// <c>Wallboard</c> or <c>Observer</c> app role) for the app's API, or null to send none. Called before every
    /// connection and reconnection, so return a fresh token — e.g. from MSAL's <c>AcquireTokenForClient</c>, which
    /// serves a cached one until shortly before it expires. Sent as <c>Authorization: Bearer</c> (SignalR's
    /// <see cref="HttpConnectionOptions.AccessTokenProvider"/>). Without it the client needs a signed-in session's
    /// cookies (<see cref="ConfigureConnection"/>).
    /// </summary>
    public Func<Task<string?>>? AccessTokenProvider { get; init; }

    /// <summary>
    /// Reconnect after the connection is lost (default true). Each new connection starts with a fresh snapshot
    /// that replaces the board. A client whose connection is closed for good (reconnect off, or retries given up)
    /// stays closed: its waits fail at once; connect a new client.
    /// </summary>
    public bool AutomaticReconnect { get; init; } = true;

    /// <summary>
    /// When and how often to retry a lost connection; null uses SignalR's default (after 0, 2, 10 and 30 s, then
    /// give up). Only used when <see cref="AutomaticReconnect"/> is true.
    /// </summary>
    public IRetryPolicy? ReconnectPolicy { get; init; }

    /// <summary>
    /// How long <see cref="CallsHubClient.ConnectAsync"/> waits for the first snapshot once connected (default
    /// 30 s); a server that accepts the connection but never sends one fails the connect with a <see cref="TimeoutException"/>.
    /// </summary>
    public TimeSpan SnapshotTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether <see cref="CallsHubClient.ConnectAsync"/> waits for the whole snapshot (the default) or returns with
    /// its first part (<see cref="CallBoard.IsPartial"/>: the totals and the first live calls), the rest following
    /// on the board — for a wallboard of a busy center that should show something at once.
    /// </summary>
    public bool WaitForWholeSnapshot { get; init; } = true;

    /// <summary>
    /// The hub protocol: JSON (the default, what a browser script reads) or MessagePack, about half the bytes for the
    /// same board and cheaper to parse — for a wallboard on a slow link or a client of a busy center.
    /// </summary>
    public CallsHubProtocol Protocol { get; init; } = CallsHubProtocol.Json;
}

/// <summary>The wire protocols the calls hub speaks.</summary>
public enum CallsHubProtocol
{
    Json,
    MessagePack,
}
