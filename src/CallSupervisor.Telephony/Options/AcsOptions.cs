
namespace CallSupervisor.Telephony.Options;

/// <summary>
/// Configuration of the ACS Call Automation adapter (section <c>Acs</c>). Authenticate either with
/// <see cref="ConnectionString"/> (HMAC with the access key) or with <see cref="Endpoint"/> plus
/// <see cref="UseManagedIdentity"/> (Entra bearer tokens from DefaultAzureCredential).
/// </summary>
public sealed class AcsOptions
{
    public const string SectionName = "Acs";

    /// <summary>The Entra scope of ACS data-plane tokens (double slash included: the resource URI ends with '/').</summary>
    public const string EntraScope = "https://communication.azure.com//.default";

    /// <summary>Path the app serves ACS callbacks on, appended to <see cref="CallbackBaseUrl"/>.</summary>
    public const string CallbackPath = "api/callbacks/acs";

    /// <summary><c>endpoint=https://…;accesskey=…</c> from the ACS resource's Keys blade (or the emulator).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The ACS resource endpoint, used with <see cref="UseManagedIdentity"/>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Use Entra tokens (DefaultAzureCredential: managed identity, workload identity, developer sign-in).</summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The REST api-version sent on every request.</summary>
    public string ApiVersion { get; set; } = "2024-09-15";

    /// <summary>Absolute URL the app is reachable at; callbacks go to <c>{CallbackBaseUrl}/api/callbacks/acs</c>.</summary>
    public string? CallbackBaseUrl { get; set; }

    /// <summary>
    /// E.164 number (an ACS number of the resource) sent as sourceCallerIdNumber when a phone number is invited;
    /// ACS rejects PSTN invitations without one.
    /// </summary>
    public string? SourceCallerIdNumber { get; set; }

    /// <summary>Default ring time of an invitation (AddParticipant), 1 s to 180 s (the contract maximum).</summary>
    public TimeSpan InvitationTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public RetryOptions Retry { get; set; } = new();

    public AcsCallbackAuthOptions CallbackAuth { get; set; } = new();

    /// <summary>The endpoint requests go to (from the connection string, or <see cref="Endpoint"/>), ending with '/'.</summary>
    internal Uri ResolveEndpoint()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return AcsConnectionString.Parse(ConnectionString).Endpoint;
        }

        var endpoint = Endpoint ?? throw new InvalidOperationException("Acs:Endpoint is not set.");
        return new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/", UriKind.Absolute);
    }

    /// <summary>The callback URI for answer requests, or null when <see cref="CallbackBaseUrl"/> is not a valid absolute URL.</summary>
    public Uri? CallbackUri =>
        Uri.TryCreate(CallbackBaseUrl, UriKind.Absolute, out var baseUri)
            ? new Uri(baseUri.AbsoluteUri.TrimEnd('/') + "/" + CallbackPath)
            : null;
}

/// <summary>How ACS callbacks (<c>Authorization: Bearer &lt;jwt&gt;</c>) are authenticated (section <c>Acs:CallbackAuth</c>).</summary>
public sealed class AcsCallbackAuthOptions
{
    /// <summary>Off only for local experiments: then every callback is accepted.</summary>
    public bool Enabled { get; set; } = true;

    public string Issuer { get; set; } = "https://acscallautomation.communication.azure.com";

    /// <summary>The ACS resource's immutable id (Azure portal, resource JSON view).</summary>
    public string? Audience { get; set; }

    public string MetadataAddress { get; set; } = "https://acscallautomation.communication.azure.com/calling/.well-known/acsopenidconfiguration";

    /// <summary>False only for an emulator serving its metadata over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerance for clock differences when checking the token lifetime (ACS tokens live 5 minutes).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Retry of transient HTTP failures (408, 429, 500, 502, 503, 504, network errors, attempt timeouts).</summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt; 0 disables retrying.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubled on each retry (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Upper bound of one backoff delay. A Retry-After longer than this is not waited for: the 429/503 is returned
    /// to the supervisor instead of freezing the action.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of a single attempt (the HttpClient itself has no timeout; this one is retried).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
