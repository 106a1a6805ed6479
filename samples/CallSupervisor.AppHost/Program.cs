// Local development in one command: `dotnet run --project samples/CallSupervisor.AppHost`.
// Two CallSupervisor instances share Redis (event log, checkpoints, data-protection keys) and PostgreSQL (audit trail)
// behind the YARP balancer, as docs/deployment.md describes; the standalone ACS/Graph emulator plays ACS, Graph and the
// sign-in provider for both and posts its callbacks through the balancer. Redis and PostgreSQL run as local
// executables (Debian's redis-server and postgresql): no container engine is needed. The Aspire dashboard shows every
// resource's console, and the instances' traces, metrics and logs (their OTLP endpoint is set by the AppHost).
using System.Security.Cryptography;
using CallSupervisor.AppHost;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);
var ports = builder.Configuration.GetSection("Ports").Get<LocalPorts>() ?? new LocalPorts();
var state = LocalState.Folder(builder.Configuration["StateFolder"]);

var redis = builder.AddExecutable("redis", "redis-server", state,
        "--port", ports.Redis.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
    .WithEndpoint(name: "tcp", port: ports.Redis, isProxied: false)
    .WithTcpHealthCheck(builder, ports.Redis);

var postgres = LocalPostgres.Add(builder, state, ports.Postgres);

// The secrets the emulator and the instances share, new at every start (nothing here is a real credential).
var accessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
var eventGridKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
var graphToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
var graphClientState = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
var oidcSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
var emulatorUrl = $"http://127.0.0.1:{ports.Emulator}/";
var balancerUrl = $"http://localhost:{ports.Balancer}/";

var emulator = builder.AddProject<Projects.CallSupervisor_Emulator_Host>("emulator", launchProfileName: null)
    .WithHttpEndpoint(port: ports.Emulator, isProxied: false)
    .WithArgs("--urls", emulatorUrl.TrimEnd('/'))
    .WithEnvironment("Emulator__AppBaseUrl", balancerUrl.Replace("localhost", "127.0.0.1", StringComparison.Ordinal))
    .WithEnvironment("Emulator__AccessKey", accessKey)
    .WithEnvironment("Emulator__EventGridPath", "api/callbacks/incoming?key=" + eventGridKey)
    .WithEnvironment("Emulator__GraphToken", graphToken)
    .WithEnvironment("Emulator__GraphClientState", graphClientState)
    .WithEnvironment("Emulator__Oidc__ClientSecret", oidcSecret)
    // The demo traffic of `dotnet run` in Development: simulated callers, agents and their breaks.
    .WithEnvironment("Emulator__Simulation__Enabled", "true")
    .WithEnvironment("Emulator__Simulation__AgentBreaks", "true");

var instances = new List<IResourceBuilder<ProjectResource>>();
foreach (var (name, port) in new[] { ("app-a", ports.AppA), ("app-b", ports.AppB) })
{
    var folder = Directory.CreateDirectory(Path.Combine(state, name)).FullName;
    var app = builder.AddProject<Projects.CallSupervisor_Web>(name, launchProfileName: null)
        .WithHttpEndpoint(port: port, isProxied: false)
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
        .WithEnvironment("HOME", folder)
        // Scale-out (docs/deployment.md, "Settings of each instance"): the shared Redis and PostgreSQL, the public
        // URL for callbacks, and trust in the balancer's forwarded headers.
        .WithEnvironment("Redis__ConnectionString", "127.0.0.1:" + ports.Redis)
        .WithEnvironment("Audit__Provider", "PostgreSql")
        .WithEnvironment("ConnectionStrings__Audit", "Host=127.0.0.1;Username=postgres;Database=callsupervisor;Port=" + ports.Postgres)
        .WithEnvironment("Security__KnownProxies__0", "127.0.0.1")
        .WithEnvironment("Security__KnownProxies__1", "::1")
        .WithEnvironment("Security__KeyPath", Path.Combine(folder, "keys"))
        .WithEnvironment("EventLog__SqlitePath", Path.Combine(folder, "journal.db"))
        // The emulator, not an embedded one per instance: both instances see the same calls and act on them.
        .WithEnvironment("Acs__ConnectionString", $"endpoint={emulatorUrl};accesskey={accessKey}")
        .WithEnvironment("Acs__CallbackBaseUrl", balancerUrl)
        .WithEnvironment("Acs__CallbackAuth__Issuer", "https://acscallautomation.communication.azure.com")
        .WithEnvironment("Acs__CallbackAuth__Audience", "5e2a9b1c-7d4f-4c3a-9e8b-1f6d2c0a4b7e")
        .WithEnvironment("Acs__CallbackAuth__MetadataAddress", emulatorUrl + "calling/.well-known/acsopenidconfiguration")
        .WithEnvironment("Acs__CallbackAuth__RequireHttpsMetadata", "false")
        .WithEnvironment("Calls__EventGridKey", eventGridKey)
        .WithEnvironment("Graph__BaseUrl", emulatorUrl + "graph/v1.0/")
        .WithEnvironment("Graph__StaticBearerToken", graphToken)
        .WithEnvironment("Graph__ClientState", graphClientState)
        .WithEnvironment("AzureAd__Instance", emulatorUrl)
        .WithEnvironment("AzureAd__TenantId", "4f3c9e1a-7b2d-4c8e-9f60-5a1d2e3b4c5f")
        .WithEnvironment("AzureAd__ClientId", "callsupervisor-dev")
        .WithEnvironment("AzureAd__ClientSecret", oidcSecret)
        .WithEnvironment("Security__LocalSignIn", "true")
        // Traces, metrics and logs to the dashboard (OTEL_EXPORTER_OTLP_ENDPOINT and the service name).
        .WithOtlpExporter()
        .WaitFor(redis)
        .WaitFor(postgres)
        .WaitFor(emulator);
    instances.Add(app);
}

var balancer = builder.AddProject<Projects.CallSupervisor_LoadBalancer>("balancer", launchProfileName: null)
    .WithHttpEndpoint(port: ports.Balancer, isProxied: false)
    .WithEnvironment("LoadBalancer__Destinations__0", "http://127.0.0.1:" + ports.AppA + "/")
    .WithEnvironment("LoadBalancer__Destinations__1", "http://127.0.0.1:" + ports.AppB + "/");
foreach (var app in instances)
{
    balancer.WaitFor(app);
}

builder.Build().Run();
