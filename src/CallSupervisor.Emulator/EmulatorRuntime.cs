using CallSupervisor.Emulator.Delivery;
using CallSupervisor.Emulator.Engine;
using CallSupervisor.Emulator.Faults;
using CallSupervisor.Emulator.Oidc;
using CallSupervisor.Emulator.Security;
using CallSupervisor.Emulator.State;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Emulator;

/// <summary>
/// Everything behind the HTTP surface, wired once per emulator: engines, callback delivery, faults, the random call
/// generator. <see cref="EmulatorHost"/> owns it and disposes it.
/// </summary>
internal sealed class EmulatorRuntime : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CallbackDispatcher _dispatcher;
    private readonly Scheduler _scheduler;
    private readonly SeededRandom _random;
    private readonly EmulatorOptions _options;
    private readonly CallGenerator _generator;
    private int _scenarioCount;

    public EmulatorRuntime(EmulatorOptions options, EmulatorSecrets secrets, Func<Uri> baseAddress, ILoggerFactory loggers, TimeProvider timeProvider)
    {
        _options = options;
        Secrets = secrets;
        _random = new SeededRandom(options.Seed);
        _scheduler = new Scheduler(timeProvider, loggers.CreateLogger("CallSupervisor.Emulator.Scheduler"));
        Tokens = new CallbackTokenIssuer(options.Issuer, options.ResourceId, timeProvider);
        Faults = new FaultState(FaultSettings.From(options.Faults), options.Seed);
        Hmac = new HmacVerifier(secrets.AccessKey, timeProvider);
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = options.CallbackTimeout,
        };
        var events = new EventFactory(timeProvider, options.ResourceId);
        var deliveryLogger = loggers.CreateLogger("CallSupervisor.Emulator.Callbacks");
        _dispatcher = new CallbackDispatcher(
            new CallbackPoster(_http, Tokens, options, timeProvider, deliveryLogger), Faults, events, options, timeProvider, deliveryLogger);
        // Names draw from a generator of their own (seed + 2), so naming people does not change the simulation's decisions.
        var people = new People(_random, new SeededRandom(unchecked(options.Seed + 2)), options.ResourceId);
        // Callers' plans and arrival times draw from streams of their own (seed + 4, seed + 3): the n-th caller and the
        // arrival times stay the same whatever the app does in between.
        Acs = new AcsCallEngine(options, _random, people, _scheduler, _dispatcher, events, baseAddress,
            loggers.CreateLogger("CallSupervisor.Emulator.Acs"), new AgentDesk(options.Simulation), new SeededRandom(unchecked(options.Seed + 4)));
        Graph = new GraphCallEngine(options, _random, people, _scheduler, _dispatcher, secrets.GraphClientState,
            () => new Uri(baseAddress(), "graph/v1.0/"), loggers.CreateLogger("CallSupervisor.Emulator.Graph"));
        _generator = new CallGenerator(
            options.Simulation, new SeededRandom(unchecked(options.Seed + 3)), _scheduler, () => Acs.ActiveCount + Graph.ActiveCount,
            (platform, contactCenter) => StartScenario(new CallScenario(platform) { Simulated = true, ContactCenterCaller = contactCenter }),
            Acs.Desk.CountTurnedAway);
        Oidc = options.Oidc.Enabled ? new OidcProvider(options.Oidc, baseAddress, timeProvider) : null;
    }

    public EmulatorSecrets Secrets { get; }

    public CallbackTokenIssuer Tokens { get; }

    public FaultState Faults { get; }

    public HmacVerifier Hmac { get; }

    public AcsCallEngine Acs { get; }

    public GraphCallEngine Graph { get; }

    /// <summary>The development OpenID Connect provider; null when Emulator:Oidc:Enabled is false.</summary>
    public OidcProvider? Oidc { get; }

    public Scheduler Scheduler => _scheduler;

    public Uri? AppBaseAddress => _dispatcher.AppBaseAddress;

    /// <summary>Attaches the app once; the random generator starts with it. False when already attached elsewhere.</summary>
    public bool TryAttach(Uri appBaseAddress)
    {
        var first = _dispatcher.AppBaseAddress is null;
        if (!_dispatcher.Attach(appBaseAddress))
        {
            return false;
        }
        if (first && _options.Simulation.Enabled)
        {
            _generator.Start();
        }
        return true;
    }

    public ScenarioStarted StartScenario(CallScenario scenario)
    {
        var scenarioId = "scenario-" + Interlocked.Increment(ref _scenarioCount).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (scenario.Platform == CallPlatform.Graph)
        {
            var graphCall = Graph.Start(scenarioId, scenario);
            return new ScenarioStarted(scenarioId, "graph", graphCall.Id, graphCall.Id, graphCall.CorrelationId, string.Empty);
        }
        var call = Acs.Start(scenarioId, scenario);
        return new ScenarioStarted(scenarioId, "acs", call.CallConnectionId, call.ServerCallId, call.CorrelationId, call.IncomingCallContext);
    }

    /// <summary>Admin: <paramref name="count"/> contact-center callers arrive at once (past the concurrent-call cap), so a queue builds up.</summary>
    public IReadOnlyList<ScenarioStarted> Burst(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => StartScenario(new CallScenario(CallPlatform.Acs) { Simulated = true, ContactCenterCaller = true }))];

    public ContactCenterStats Stats() => Acs.Desk.Stats();

    public bool EndCall(string callId) => Acs.EndFromFarSide(callId) || Graph.EndFromFarSide(callId);

    public EmulatorSnapshot Snapshot() => new(
        _dispatcher.AppBaseAddress is not null, _dispatcher.AppBaseAddress?.ToString(), _dispatcher.SubscriptionValidated,
        _dispatcher.Counters, Faults.Current, [.. Acs.Snapshot(), .. Graph.Snapshot()]);

    public async ValueTask DisposeAsync()
    {
        _scheduler.Dispose();
        await _dispatcher.DisposeAsync();
        _http.Dispose();
        Tokens.Dispose();
        Oidc?.Dispose();
    }
}

/// <summary>The per-run secrets: the HMAC access key, the Graph bearer token and the Graph clientState.</summary>
internal sealed record EmulatorSecrets(string AccessKey, string GraphToken, string GraphClientState)
{
    public static EmulatorSecrets From(EmulatorOptions options) => new(
        options.AccessKey is { Length: > 0 } key ? key : Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        options.GraphToken is { Length: > 0 } token ? token : "emulator-graph-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
        options.GraphClientState is { Length: > 0 } state ? state : Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
}
