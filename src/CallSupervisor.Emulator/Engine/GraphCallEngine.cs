using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Delivery;
using CallSupervisor.Emulator.Http;
using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CallSupervisor.Emulator.Engine;

/// <summary>
/// Graph-hosted (Teams bot) calls: the emulator drives them entirely and reports them as commsNotifications
/// (establishing → established → participants → a running playPrompt, then a recording → terminated). The app's only
/// action on them is cancelMediaProcessing; it re-reads them with GET call and GET participants.
/// </summary>
internal sealed partial class GraphCallEngine(
    EmulatorOptions options, SeededRandom random, People people, Scheduler scheduler, IDeliverySink sink, string clientState,
    Func<Uri> graphBase, ILogger logger) : CallEngine<GraphCall>
{
    private const string BotAppId = "2f1a6c1e-5d1b-4c55-9a43-6b7f1f0c9e21";

    private SimulationOptions Sim => options.Simulation;

    public GraphCall Start(string scenarioId, CallScenario scenario)
    {
        var caller = people.Caller(scenario, Sim.PhoneCallerShare, people.TeamsUser);
        var call = new GraphCall(scenarioId, scenario, caller, people.CallerName(scenario));
        lock (_gate)
        {
            _calls.Add(call.Id, call);
            Notify(call, GraphNotifications.CallState(call, clientState, BotAppId));
        }
        scheduler.Schedule(Sim.ConnectDelay, () => Establish(call));
        LogStarted(call.Id);
        return call;
    }

    /// <summary>POST communications/calls/{id}/cancelMediaProcessing: 200 commsOperation, then each running operation fails with 8508.</summary>
    public ApiResult CancelMediaProcessing(string callId, string? clientContext)
    {
        var operationId = Guid.NewGuid().ToString();
        lock (_gate)
        {
            if (!_calls.TryGetValue(callId, out var call) || call.State == GraphCallState.Terminated)
            {
                return GraphErrors.NotFound(callId);
            }
            call.MediaStopped = true;
            var running = call.Operations.Where(o => o.Status == GraphOperationStatus.Running).ToList();
            foreach (var operation in running)
            {
                operation.Status = GraphOperationStatus.Failed;
            }
            scheduler.Schedule(Sim.EventDelay, () =>
            {
                lock (_gate)
                {
                    foreach (var operation in running.Where(_ => call.State != GraphCallState.Terminated))
                    {
                        Notify(call, GraphNotifications.Operation(call, operation, clientState));
                    }
                }
            });
        }
        var body = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.commsOperation",
            ["id"] = operationId,
            ["status"] = "completed",
            ["clientContext"] = clientContext,
        };
        var location = new Uri(graphBase(), $"communications/calls/{callId}/operations/{operationId}").ToString();
        return new ApiResult(StatusCodes.Status200OK, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()),
            new Dictionary<string, string> { ["Location"] = location });
    }

    /// <summary>GET communications/calls/{id}: the call resource; 404 itemNotFound once it has ended.</summary>
    public ApiResult GetCall(string callId)
    {
        lock (_gate)
        {
            return Live(callId) is { } call
                ? Ok(WithContext(GraphNotifications.Call(call, BotAppId), "$metadata#communications/calls/$entity"))
                : GraphErrors.NotFound(callId);
        }
    }

    /// <summary>GET communications/calls/{id}/participants: the whole roster in one page.</summary>
    public ApiResult ListParticipants(string callId)
    {
        lock (_gate)
        {
            return Live(callId) is { } call
                ? Ok(WithContext(new JsonObject { ["value"] = GraphNotifications.ParticipantList(call) }, $"$metadata#communications/calls('{callId}')/participants"))
                : GraphErrors.NotFound(callId);
        }
    }

    private GraphCall? Live(string callId) =>
        _calls.TryGetValue(callId, out var call) && call.State != GraphCallState.Terminated ? call : null;

    private JsonObject WithContext(JsonObject body, string context)
    {
        var withContext = new JsonObject { ["@odata.context"] = new Uri(graphBase(), context).ToString() };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            withContext[name] = value;
        }
        return withContext;
    }

    private static ApiResult Ok(JsonObject body) => new(StatusCodes.Status200OK, System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));

    private void Establish(GraphCall call)
    {
        lock (_gate)
        {
            if (call.State != GraphCallState.Establishing)
            {
                return;
            }
            call.State = GraphCallState.Established;
            Notify(call, GraphNotifications.CallState(call, clientState, BotAppId));
            call.Participants.Add(new GraphParticipant(call.Caller, call.CallerName));
            call.Participants.Add(new GraphParticipant(Identifiers.TeamsApp(BotAppId), "Call supervisor bot"));
            Notify(call, GraphNotifications.Participants(call, clientState));
            StartNextOperation(call);
        }
        if (PlannedDuration(call.Scenario, random, Sim) is { } duration)
        {
            scheduler.Schedule(duration, () =>
            {
                lock (_gate)
                {
                    End(call);
                }
            });
        }
        foreach (var joiner in call.Scenario.Participants ?? [])
        {
            var identity = people.FromScenario(joiner.Kind, joiner.Value);
            scheduler.Schedule(TimeSpan.FromSeconds(joiner.JoinAfterSeconds ?? 0), () => Join(call, identity));
        }
        if (call.Scenario.Simulated && Sim.RandomParticipants)
        {
            ScheduleRosterChange(call);
        }
    }

    /// <summary>Under the lock: the bot plays a prompt, then records; each runs for the media duration unless canceled.</summary>
    private void StartNextOperation(GraphCall call)
    {
        if (call.MediaStopped || call.State != GraphCallState.Established || call.OperationsStarted >= 2)
        {
            return;
        }
        var isPrompt = call.OperationsStarted == 0;
        call.OperationsStarted++;
        var duration = call.Scenario.MediaDurationSeconds is { } s ? TimeSpan.FromSeconds(s) : random.Between(Sim.MediaDurationMin, Sim.MediaDurationMax);
        var operation = isPrompt
            ? new GraphMediaOperation("#microsoft.graph.playPromptOperation", "playPrompt", duration)
            : new GraphMediaOperation("#microsoft.graph.recordOperation", "record", duration);
        call.Operations.Add(operation);
        Notify(call, GraphNotifications.Operation(call, operation, clientState));
        scheduler.Schedule(duration, () =>
        {
            lock (_gate)
            {
                if (operation.Status != GraphOperationStatus.Running || call.State != GraphCallState.Established)
                {
                    return;
                }
                operation.Status = GraphOperationStatus.Completed;
                Notify(call, GraphNotifications.Operation(call, operation, clientState));
                StartNextOperation(call);
            }
        });
    }

    private void Join(GraphCall call, IdentifierModel identity)
    {
        lock (_gate)
        {
            if (call.State != GraphCallState.Established || call.Participants.Exists(p => Identifiers.SameAs(p.Identity, identity)))
            {
                return;
            }
            call.Participants.Add(new GraphParticipant(identity, people.Name()));
            Notify(call, GraphNotifications.Participants(call, clientState));
        }
    }

    private void ScheduleRosterChange(GraphCall call) =>
        scheduler.Schedule(random.Between(Sim.ParticipantChangeIntervalMin, Sim.ParticipantChangeIntervalMax), () =>
        {
            var joinWanted = random.Chance(0.6);
            var joiner = people.TeamsUser();
            var leaverIndex = random.Next(0, 1000);
            lock (_gate)
            {
                if (call.State != GraphCallState.Established)
                {
                    return;
                }
                // The caller and the bot (the first two) stay.
                var leavers = call.Participants.Skip(2).ToList();
                if ((joinWanted || leavers.Count == 0) && call.Participants.Count < Sim.MaxParticipantsPerCall)
                {
                    call.Participants.Add(new GraphParticipant(joiner, people.Name()));
                }
                else if (leavers.Count > 0)
                {
                    call.Participants.Remove(leavers[leaverIndex % leavers.Count]);
                }
                else
                {
                    ScheduleRosterChange(call);
                    return;
                }
                Notify(call, GraphNotifications.Participants(call, clientState));
            }
            ScheduleRosterChange(call);
        });

    /// <summary>Under the lock: the call is terminated.</summary>
    protected override void End(GraphCall call)
    {
        if (call.State == GraphCallState.Terminated)
        {
            return;
        }
        call.State = GraphCallState.Terminated;
        Notify(call, GraphNotifications.CallState(call, clientState, BotAppId));
        Retire(call.Id, call);
    }

    private void Notify(GraphCall call, JsonObject notification) => sink.Enqueue(EventFactory.Graph(call.Id, notification));

    protected override CallSnapshot ToSnapshot(GraphCall call) => new(
        call.ScenarioId, "graph", call.Id, call.Id, call.CorrelationId, AcsCallEngine.Name(call.State), null, call.Caller,
        call.Participants.Select(p => new CallParticipantModel(p.Identity, p.IsMuted, false)).ToList(),
        [],
        call.Operations.Select(o => new MediaSnapshot(o.Id, o.Kind, o.ClientContext, AcsCallEngine.Name(o.Status), o.Duration.TotalSeconds)).ToList(),
        0);

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph call {CallId} started")]
    private partial void LogStarted(string callId);
}
