using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Delivery;
using CallSupervisor.Emulator.Engine;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallSupervisor.Emulator.Tests.Infrastructure;

/// <summary>
/// The ACS engine in process on a manual clock: callers' patience and agents' ring and talk times (seconds to minutes)
/// run by advancing the clock, and the events it would post are recorded instead of sent. Deterministic: no HTTP,
/// no real timers.
/// </summary>
internal sealed class ContactCenterHarness : IDisposable
{
    public const string CallbackUri = "http://127.0.0.1:9/api/callbacks/acs";
    public const string Ana = "8:acs:emulator_agent-ana";
    public const string Ben = "8:acs:emulator_agent-ben";

    private readonly Scheduler _scheduler;

    private ContactCenterHarness(EmulatorOptions options)
    {
        Options = options;
        var random = new SeededRandom(options.Seed);
        _scheduler = new Scheduler(Clock, NullLogger.Instance);
        Engine = new AcsCallEngine(
            options, random, new People(random, new SeededRandom(options.Seed + 2), options.ResourceId), _scheduler, Sink,
            new EventFactory(Clock, options.ResourceId), () => new Uri("http://127.0.0.1:9/"), NullLogger.Instance,
            new AgentDesk(options.Simulation), new SeededRandom(options.Seed + 4));
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public RecordingSink Sink { get; } = new();

    public AcsCallEngine Engine { get; }

    public EmulatorOptions Options { get; }

    public static ContactCenterHarness Create(Action<SimulationOptions>? configure = null)
    {
        var options = new EmulatorOptions();
        options.Simulation.Enabled = false;
        options.Simulation.ConnectDelay = TimeSpan.FromMilliseconds(100);
        options.Simulation.EventDelay = TimeSpan.FromMilliseconds(100);
        configure?.Invoke(options.Simulation);
        return new ContactCenterHarness(options);
    }

    /// <summary>Starts a call, answers it as the app does and advances until CallConnected.</summary>
    public AcsCall StartConnected(CallScenario scenario)
    {
        var call = Engine.Start("scenario", scenario);
        var answer = Engine.Answer(new AnswerCallRequest(call.IncomingCallContext, CallbackUri, "answer"));
        Assert.Equal(200, answer.StatusCode);
        Advance(Options.Simulation.ConnectDelay);
        Assert.Single(Events(call, "CallConnected"));
        return call;
    }

    /// <summary>A generated contact-center caller (Poisson or burst arrival): it draws its plan from the options.</summary>
    public static CallScenario Caller { get; } = new() { Simulated = true, ContactCenterCaller = true };

    public AcsCall StartSimulatedCaller() => StartConnected(Caller);

    public void Advance(TimeSpan by) => Clock.Advance(by);

    /// <summary>Offers the call to <paramref name="agentRawId"/> as the app does (participants:add, 20 s invitation timeout).</summary>
    public void Offer(AcsCall call, string agentRawId, string operationContext)
    {
        var result = Engine.AddParticipant(call.CallConnectionId, new AddParticipantRequest(
            Identifiers.FromRawId(agentRawId), 20, operationContext, null, null, null));
        Assert.Equal(202, result.StatusCode);
    }

    public IReadOnlyList<JsonObject> Events(AcsCall call, string type) => Sink.Events(call.CallConnectionId, type);

    /// <summary>Starts a call as the generator does, and answers it as the app does (connected after the connect delay).</summary>
    public AcsCall Arrive(CallScenario scenario)
    {
        var call = Engine.Start("generated", scenario);
        Assert.Equal(200, Engine.Answer(new AnswerCallRequest(call.IncomingCallContext, CallbackUri, "answer")).StatusCode);
        return call;
    }

    public Scheduler Scheduler => _scheduler;

    public void Dispose() => _scheduler.Dispose();
}

/// <summary>Records what the engine would post, and reads the CloudEvents' data back.</summary>
internal sealed class RecordingSink : IDeliverySink
{
    private readonly Lock _gate = new();
    private readonly List<Delivery.Delivery> _deliveries = [];

    public void Enqueue(Delivery.Delivery delivery)
    {
        lock (_gate)
        {
            _deliveries.Add(delivery);
        }
    }

    /// <summary>Every event recorded from position <paramref name="from"/> on, in order: (call id, type without prefix, data).</summary>
    public IReadOnlyList<(string CallId, string Type, JsonObject Data)> Since(int from)
    {
        lock (_gate)
        {
            return [.. _deliveries.Skip(from).Where(d => d.Kind == DeliveryKind.Acs).Select(d => (
                d.OrderingKey, d.EventType["Microsoft.Communication.".Length..], (JsonObject)JsonNode.Parse(d.Body)!.AsArray()[0]!["data"]!))];
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _deliveries.Count;
            }
        }
    }

    public IReadOnlyList<JsonObject> Events(string callConnectionId, string type)
    {
        lock (_gate)
        {
            return [.. _deliveries
                .Where(d => d.Kind == DeliveryKind.Acs && d.OrderingKey == callConnectionId && d.EventType == "Microsoft.Communication." + type)
                .Select(d => (JsonObject)JsonNode.Parse(d.Body)!.AsArray()[0]!["data"]!)];
        }
    }
}
