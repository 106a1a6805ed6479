namespace CallSupervisor.Emulator;

/// <summary>
/// The development OpenID Connect provider (section <c>Emulator:Oidc</c>): an Entra ID–shaped authority at
/// <c>{emulator}/{TenantId}/v2.0</c> that signs in one of a few demo users picked on a page, without a password.
/// Development only: plain http on loopback, fixed users, no session of its own.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>
    /// The app roles a demo user or daemon app can hold (the app registration's app roles): <c>Observer</c>,
    /// <c>Supervisor</c>, <c>Auditor</c>, <c>Administrator</c>, <c>Agent</c> for the agent API, and <c>Wallboard</c>
    /// for an unattended screen or script.
    /// </summary>
    public static IReadOnlyList<string> AppRoles { get; } = ["Observer", "Supervisor", "Auditor", "Administrator", "Agent", "Wallboard"];

    /// <summary>Serve the provider's endpoints.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The tenant id in the authority and the <c>tid</c> claim. A fixed GUID, as Entra tenant ids are, so code that
    /// reads <c>tid</c> as a GUID works unchanged; <c>common</c>, <c>organizations</c> and <c>consumers</c> are refused
    /// (Identity.Web treats them as multi-tenant authorities).
    /// </summary>
    public string TenantId { get; set; } = "4f3c9e1a-7b2d-4c8e-9f60-5a1d2e3b4c5f";

    /// <summary>The one client the provider knows (Identity.Web's <c>ClientId</c>; the <c>aud</c> of its tokens).</summary>
    public string ClientId { get; set; } = "callsupervisor-dev";

    /// <summary>The client's secret (at least 16 characters); random per start when empty (read it from <see cref="EmulatorHost.OidcClientSecret"/>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Redirect URIs accepted besides loopback ones (absolute http(s), compared exactly). Any http(s) URL on
    /// <c>localhost</c> or a loopback IP is always accepted, on any port and path, as for a native app's loopback redirect.
    /// </summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>
    /// The demo users offered on the sign-in page. Empty means the four of <see cref="CreateDemoUsers"/>: the list
    /// starts empty because configuration binding appends to a list, so configured users replace the defaults
    /// instead of joining them.
    /// </summary>
    public List<OidcUserOptions> Users { get; set; } = [];

    /// <summary>
    /// Daemon apps that get app-only tokens by the client credentials grant (<c>scope={ClientId}/.default</c> or
    /// <c>api://{ClientId}/.default</c>). None by default; the Development configuration adds a wallboard.
    /// </summary>
    public List<OidcAppOptions> Apps { get; set; } = [];

    /// <summary>The object id of the demo agent Ana Lima (agent <c>ana</c> in the Development directory).</summary>
    public const string AnaLimaId = "4a5b6c16-7e3c-4ba5-9b60-3c1e5b4f7005";

    /// <summary>The object id of the demo agent Eli Haddad (agent <c>eli</c> in the Development directory).</summary>
    public const string EliHaddadId = "5b4a6d07-8f2b-4cb6-8c71-2b0f4a5e8006";

    /// <summary>
    /// The default demo users: one per board role, a manager with three (Supervisor, Auditor, Administrator), and two agents of the Development directory
    /// (its <c>Workflow:Agents</c> ties <c>ana</c> and <c>eli</c> to these object ids by <c>UserId</c>).
    /// </summary>
    public static List<OidcUserOptions> CreateDemoUsers() =>
    [
        new() { Id = new Guid("0c9f1d52-3a7e-4b61-9d2c-7e5a1f0b3c01"), Name = "Olivia Observer", Username = "olivia.observer@callsupervisor.test", Roles = ["Observer"] },
        new() { Id = new Guid("1d8e2c43-4b6f-4a72-8e3d-6f4b2e1c4d02"), Name = "Sam Supervisor", Username = "sam.supervisor@callsupervisor.test", Roles = ["Supervisor"] },
        new() { Id = new Guid("2e7d3b34-5c5e-4983-9f4e-5e3c3d2d5e03"), Name = "Ada Auditor", Username = "ada.auditor@callsupervisor.test", Roles = ["Auditor"] },
        new() { Id = new Guid("3f6c4a25-6d4d-4a94-8a5f-4d2d4c3e6f04"), Name = "Max Manager", Username = "max.manager@callsupervisor.test", Roles = ["Supervisor", "Auditor", "Administrator"] },
        new() { Id = new Guid(AnaLimaId), Name = "Ana Lima", Username = "ana.lima@callsupervisor.test", Roles = ["Agent"] },
        new() { Id = new Guid(EliHaddadId), Name = "Eli Haddad", Username = "eli.haddad@callsupervisor.test", Roles = ["Agent"] },
    ];
}
