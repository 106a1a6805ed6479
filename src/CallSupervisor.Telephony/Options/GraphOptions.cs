namespace CallSupervisor.Telephony.Options;

/// <summary>
/// Configuration of the Microsoft Graph calls adapter (section <c>Graph</c>). Authenticate with
/// <see cref="TenantId"/>/<see cref="ClientId"/>/<see cref="ClientSecret"/> (client credentials) or, against the
/// emulator, with <see cref="StaticBearerToken"/>.
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    public const string Scope = "https://graph.microsoft.com/.default";

    /// <summary>
    /// False for deployments without Graph-hosted calls: nothing of Graph is constructed, requests fail with code
    /// GraphDisabled and the notification endpoint does not exist.
    /// </summary>
    public bool Enabled { get; set; } = true;

    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0/";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>A fixed bearer token for the emulator; never for real Graph.</summary>
    public string? StaticBearerToken { get; set; }

    /// <summary>
    /// The secret the bot registered as clientState; Graph echoes it in every notification, which is how a
    /// notification is authenticated. At most 128 characters.
    /// </summary>
    public string? ClientState { get; set; }

    public RetryOptions Retry { get; set; } = new();

    /// <summary><see cref="BaseUrl"/> with a trailing slash, so relative paths append instead of replacing the last segment.</summary>
    public Uri BaseUri => new(BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/", UriKind.Absolute);
}
