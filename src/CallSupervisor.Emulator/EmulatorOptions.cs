namespace CallSupervisor.Emulator;

/// <summary>
/// Configuration of the ACS + Graph emulator (configuration section <c>Emulator</c>). Every default gives a working,
/// zero-configuration emulator; <see cref="EmulatorOptionsValidator"/> checks the values before it starts.
/// </summary>
public sealed class EmulatorOptions
{
    public const string SectionName = "Emulator";

    /// <summary>Loopback http URL Kestrel listens on; port 0 picks a free port (read it from <see cref="EmulatorHost.BaseAddress"/>).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>Base64 HMAC access key; a random key per run when empty.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Seed of every random decision (caller kinds, durations, invitation outcomes, dropped callbacks).</summary>
    public int Seed { get; set; } = 42;

    /// <summary>The <c>iss</c> of callback JWTs and the issuer in the OpenID metadata.</summary>
    public string Issuer { get; set; } = "https://acscallautomation.communication.azure.com";

    /// <summary>The ACS resource's immutable id: the <c>aud</c> of callback JWTs and the resource part of ACS user ids.</summary>
    public string ResourceId { get; set; } = "5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e";

    /// <summary>Where the app listens; when set the emulator attaches to it at start (same as calling AttachApp).</summary>
    public Uri? AppBaseUrl { get; set; }

    /// <summary>Path (relative to the app) of the Event Grid webhook that receives IncomingCall.</summary>
    public string EventGridPath { get; set; } = "api/callbacks/incoming";

    /// <summary>Path (relative to the app) that receives Graph commsNotifications.</summary>
    public string GraphNotificationPath { get; set; } = "api/callbacks/graph";

    /// <summary>Bearer token the app must send to the Graph endpoints; random per run when empty.</summary>
    public string? GraphToken { get; set; }

    /// <summary>clientState carried by every Graph notification; random per run when empty.</summary>
    public string? GraphClientState { get; set; }

    /// <summary>Participants per page of GET …/participants; small by default so the app exercises nextLink.</summary>
    public int ParticipantsPageSize { get; set; } = 3;

    /// <summary>Retries of a failed callback post (app down, non-2xx) before it is given up and logged.</summary>
    public int CallbackRetryCount { get; set; } = 3;

    /// <summary>First retry delay; doubles with each retry.</summary>
    public TimeSpan CallbackRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Time limit of one callback post.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public SimulationOptions Simulation { get; set; } = new();

    public FaultOptions Faults { get; set; } = new();

    /// <summary>The development OpenID Connect provider (sign-in without Entra ID).</summary>
    public OidcOptions Oidc { get; set; } = new();
}
