using CallSupervisor.Core.Actions;
using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using CallSupervisor.Core.EventLog;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Execution;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Store;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Web.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Agents;

/// <summary>
/// The agent API: what an agent desktop or a Teams app calls to read and set an agent's own state, with the same
/// signed-in session as the rest of the app. A user with the <c>Agent</c> role reads and sets only the agent they are
/// (<see cref="ContactCenterDirectory.AgentForUser"/>); the roles that see the board read every agent, and a
/// Supervisor sets any agent's state. A state change is an <see cref="AgentStateChanged"/> in the event log, like
/// every change, and the answer comes once this instance has applied it.
/// </summary>
public static partial class AgentEndpoints
{
    public const string Path = "/api/agents";

    /// <summary>Longer reasons belong in a ticket, not on a wallboard.</summary>
    public const int MaxReasonLength = 200;

    // A state change is a few dozen bytes; nothing bigger is read.
    private const int MaxBodyBytes = 4096;

    private static readonly ImmutableDictionary<string, AgentPresence> States = new Dictionary<string, AgentPresence>(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(AgentPresence.Available)] = AgentPresence.Available,
        [nameof(AgentPresence.Away)] = AgentPresence.Away,
        [nameof(AgentPresence.Offline)] = AgentPresence.Offline,
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly string Allowed = string.Join(", ", States.Keys.Order(StringComparer.Ordinal));

    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var agents = endpoints.MapGroup(Path).RequireAuthorization(SupervisorPolicies.AgentApi);
        agents.MapGet("", List);
        agents.MapGet("/me", Me);
        agents.MapGet("/{id}", One);
        agents.MapPut("/{id}/state", SetStateAsync);
        return endpoints;
    }

    private static Ok<ImmutableArray<AgentView>> List(ClaimsPrincipal user, WorkflowOptions workflow, ICallsFeed board, TimeProvider time)
    {
        var snapshot = board.Current;
        var now = time.GetUtcNow();
        var directory = workflow.Directory;
        // The board's roles see every agent; an agent sees only themselves.
        var visible = SeesEveryAgent(user) ? directory.Agents
            : directory.AgentForUser(Actors.From(user)?.Id) is { } own ? [own]
            : ImmutableArray<AgentProfile>.Empty;
        return TypedResults.Ok(visible.Select(a => AgentView.From(a, snapshot.Agents.GetValueOrDefault(a.Id), now)).ToImmutableArray());
    }

    private static Results<Ok<AgentView>, ProblemHttpResult> Me(ClaimsPrincipal user, WorkflowOptions workflow, ICallsFeed board, TimeProvider time) =>
        workflow.Directory.AgentForUser(Actors.From(user)?.Id) is { } own
            ? TypedResults.Ok(AgentView.From(own, board.Current.Agents.GetValueOrDefault(own.Id), time.GetUtcNow()))
            : NotTied(user);

    private static Results<Ok<AgentView>, ProblemHttpResult> One(string id, ClaimsPrincipal user, WorkflowOptions workflow, ICallsFeed board, TimeProvider time)
    {
        if (workflow.Directory.Agent(id) is not { } profile)
        {
            return UnknownAgent(id);
        }
        if (!SeesEveryAgent(user) && !IsOwn(user, workflow.Directory, profile))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your agent",
                detail: $"An agent may read only their own state, not '{id}'.");
        }
        return TypedResults.Ok(AgentView.From(profile, board.Current.Agents.GetValueOrDefault(id), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<AgentStateResult>, ProblemHttpResult, ValidationProblem>> SetStateAsync(
        string id, HttpContext http, WorkflowOptions workflow, ICallsFeed board, IEventApplier applier, TimeProvider time,
        IOptionsMonitor<SecurityOptions> security, ILoggerFactory loggers, ActionExecutor executor)
    {
        var user = http.User;
        // Cross-site requests: the session cookie is SameSite=Lax (no cookie on another site's PUT) and only JSON is
        // read (another origin's page cannot send JSON without a CORS preflight this app never grants); a browser's
        // Origin from elsewhere is refused outright as well, as for the hubs.
        if (http.Request.Headers.Origin.ToString() is { Length: > 0 } origin && !HubOrigins.IsAllowed(origin, http.Request, security.CurrentValue))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
                detail: $"Requests from {origin} may not change an agent's state.");
        }
        if (workflow.Directory.Agent(id) is not { } profile)
        {
            return UnknownAgent(id);
        }
        var actor = Actors.From(user);
        var asSupervisor = user.IsInRole(SupervisorRoles.Supervisor);
        if (!asSupervisor && !(user.IsInRole(SupervisorRoles.Agent) && IsOwn(user, workflow.Directory, profile)))
        {
            var why = user.IsInRole(SupervisorRoles.Agent)
                ? $"An agent may set only their own state, not '{id}'."
                : "Only the agent themselves or a Supervisor may set an agent's state.";
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your agent", detail: why);
        }

        var (request, problem) = await ReadAsync(http).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        AgentPresence presence = default;
        if (request!.State is not { } state || !States.TryGetValue(state.Trim(), out presence))
        {
            errors["state"] = [$"'state' must be one of {Allowed}{(request.State is null ? "" : $", not '{request.State}'")}."];
        }
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (reason is { Length: > MaxReasonLength })
        {
            errors["reason"] = [$"'reason' must be at most {MaxReasonLength} characters (it has {reason.Length})."];
        }
        else if (reason is not null && reason.Any(char.IsControl))
        {
            errors["reason"] = ["'reason' must be one line of text, without control characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The state change is not valid");
        }

        if (asSupervisor && !IsOwn(user, workflow.Directory, profile) && actor is not null)
        {
            // A supervisor setting someone else's state is a supervisor action: audited, rate-limited, the same rules as
            // the Agents page's buttons.
            var arguments = ImmutableDictionary<string, string>.Empty.Add(SetAgentStateAction.StateArgument, presence.ToString());
            if (reason is not null)
            {
                arguments = arguments.Add(SetAgentStateAction.ReasonArgument, reason);
            }
            var receipt = await executor.ExecuteAsync(
                new ActionRequest(ActionKind.SetAgentState, AgentStateChanged.AgentsCallId, profile.Id, actor) { Arguments = arguments }, CancellationToken.None).ConfigureAwait(false);
            switch (receipt.Status)
            {
                case ReceiptStatus.Forbidden:
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: receipt.Message);
                case ReceiptStatus.Refused:
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not applied", detail: receipt.Message);
                case ReceiptStatus.Failed:
                    http.Response.Headers.RetryAfter = "5";
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not applied", detail: receipt.Message);
            }
            LogStateSet(loggers.CreateLogger(typeof(AgentEndpoints)), profile.Id, presence, reason, actor.Name, actor.Id, SupervisorRoles.Supervisor);
            return TypedResults.Ok(Explain(AgentView.From(profile, board.Current.Agents.GetValueOrDefault(profile.Id), time.GetUtcNow()), presence));
        }

        var role = asSupervisor ? SupervisorRoles.Supervisor : SupervisorRoles.Agent;
        var change = new AgentStateChanged("agent-api:" + Guid.NewGuid().ToString("N"), time.GetUtcNow(), profile.Id, presence, reason)
        {
            By = actor?.Name,
            ByUserId = actor?.Id,
        };
        try
        {
            // Appended to the log and applied here before the answer, so the answer is the state every instance shows.
            var (outcome, _) = await applier.ApplyAsync(change, http.RequestAborted).ConfigureAwait(false);
            if (!outcome.IsApplied)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not applied", detail: outcome.Reason ?? "The state change was not applied.");
            }
        }
        catch (EventLogUnavailableException)
        {
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Event log unavailable",
                detail: "The state was not changed: the event log cannot be written right now. Try again shortly.");
        }
        LogStateSet(loggers.CreateLogger(typeof(AgentEndpoints)), profile.Id, presence, reason, actor?.Name, actor?.Id, role);

        var view = AgentView.From(profile, board.Current.Agents.GetValueOrDefault(profile.Id), time.GetUtcNow());
        return TypedResults.Ok(Explain(view, presence));
    }

    /// <summary>
    /// What the change means now. Setting a state never takes an agent off a call (nor cancels a ringing offer): the
    /// call shows first, and the state set here is the one they have when it ends.
    /// </summary>
    private static AgentStateResult Explain(AgentView view, AgentPresence presence) => view.State switch
    {
        nameof(AgentState.OnCall) => new(view, false, $"{view.Name} is on a call: {presence} takes effect when the call and its wrap-up end."),
        nameof(AgentState.Offered) => new(view, false, $"{view.Name} is being offered a call: {presence} takes effect when the offer ends (after the call and its wrap-up, if they answer)."),
        _ => new(view, true, $"{view.Name} is {presence}."),
    };

    private static async Task<(AgentStateRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "JSON expected",
                detail: "Send the state as application/json: {\"state\":\"Available\"|\"Away\"|\"Offline\",\"reason\":\"…\"}."));
        }
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }
        try
        {
            var request = await http.Request.ReadFromJsonAsync<AgentStateRequest>(http.RequestAborted).ConfigureAwait(false);
            return request is null
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Body expected", detail: "The body must be a JSON object with 'state'."))
                : (request, null);
        }
        catch (JsonException ex)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unreadable JSON",
                detail: $"The body is not a state change: {ex.Message}"));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Body too large", detail: $"A state change is at most {MaxBodyBytes} bytes.");

    private static ProblemHttpResult UnknownAgent(string id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Unknown agent", detail: $"There is no agent '{id}' in Workflow:Agents.");

    private static ProblemHttpResult NotTied(ClaimsPrincipal user) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "Not an agent",
        detail: $"Your sign-in (object id {Actors.From(user)?.Id ?? "unknown"}) is not an agent: an administrator sets it as the UserId of one of Workflow:Agents.");

    private static bool SeesEveryAgent(ClaimsPrincipal user) => SupervisorRoles.All.Any(user.IsInRole);

    private static bool IsOwn(ClaimsPrincipal user, ContactCenterDirectory directory, AgentProfile profile) =>
        directory.AgentForUser(Actors.From(user)?.Id)?.Id == profile.Id;

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} set {Presence} (reason {Reason}) by {User} ({UserId}) as {Role}")]
    private static partial void LogStateSet(ILogger logger, string agentId, AgentPresence presence, string? reason, string? user, string? userId, string role);
}
