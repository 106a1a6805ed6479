using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallSupervisor.Core.EventLog;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Agents;

public sealed class AgentEndpointTests
{
    private const string Ana = "Ana Lima";
    private const string Eli = "Eli Haddad";

    [Fact]
    public async Task List_Supervisor_EveryAgentWithStateAndQueues()
    {
        await using var app = AgentApiApp.Create("Sam Supervisor", SupervisorRoles.Supervisor);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/agents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var agents = await response.Content.ReadFromJsonAsync<JsonElement>();
        var ana = agents.EnumerateArray().Single(a => a.GetProperty("id").GetString() == "ana");
        Assert.Equal(["ana", "eli"], agents.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        Assert.Equal("Ana Lima", ana.GetProperty("name").GetString());
        Assert.Equal("Offline", ana.GetProperty("state").GetString());
        Assert.Equal("sales", ana.GetProperty("queues")[0].GetString());
        Assert.Equal(0, ana.GetProperty("handledToday").GetInt32());
    }

    [Fact]
    public async Task List_Observer_EveryAgent()
    {
        await using var app = AgentApiApp.Create("Olivia Observer", SupervisorRoles.Observer);
        using var client = app.CreateClient();

        var agents = await client.GetFromJsonAsync<JsonElement>("/api/agents");

        Assert.Contains(agents.EnumerateArray(), a => a.GetProperty("id").GetString() == "ana");
        Assert.Contains(agents.EnumerateArray(), a => a.GetProperty("id").GetString() == "eli");
    }

    [Fact]
    public async Task List_Agent_OnlyThemselves()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        var agents = await client.GetFromJsonAsync<JsonElement>("/api/agents");

        Assert.Equal(["ana"], agents.EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Me_Agent_TheirOwnAgent()
    {
        await using var app = AgentApiApp.Create(Eli, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        var me = await client.GetFromJsonAsync<JsonElement>("/api/agents/me");

        Assert.Equal("eli", me.GetProperty("id").GetString());
        Assert.Equal("8:acs:agent-eli", me.GetProperty("identity").GetString());
    }

    [Fact]
    public async Task Me_UserNotTiedToAnAgent_404ProblemWithTheirObjectId()
    {
        await using var app = AgentApiApp.Create("Nora Nobody", SupervisorRoles.Agent);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/agents/me");

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("oid-Nora Nobody", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("UserId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_Supervisor_TheAgent()
    {
        await using var app = AgentApiApp.Create("Sam Supervisor", SupervisorRoles.Supervisor);
        using var client = app.CreateClient();

        var eli = await client.GetFromJsonAsync<JsonElement>("/api/agents/eli");

        Assert.Equal("Eli Haddad", eli.GetProperty("name").GetString());
        Assert.Equal("support", eli.GetProperty("queues")[0].GetString());
    }

    [Fact]
    public async Task One_UnknownAgent_404Problem()
    {
        await using var app = AgentApiApp.Create("Sam Supervisor", SupervisorRoles.Supervisor);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/agents/zed");

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Unknown agent", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task One_AnotherAgentAsAgent_403Problem()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/agents/eli");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task SetState_OwnAgentAway_AppliedWithReasonAndWho()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/agents/ana/state", new { state = "Away", reason = "Lunch" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("effectiveNow").GetBoolean());
        Assert.Equal("Away", result.GetProperty("agent").GetProperty("state").GetString());
        Assert.Equal("Lunch", result.GetProperty("agent").GetProperty("reason").GetString());
        // Applied from the log before the answer: the board has it already.
        var agent = app.Services.GetRequiredService<CallStore>().Current.Agents["ana"];
        Assert.Equal(AgentState.Away, agent.State);
        Assert.Equal("Lunch", agent.Reason);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/agents/me");
        Assert.Equal("Away", me.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, me.GetProperty("since").ValueKind);
    }

    [Fact]
    public async Task SetState_AwayThenAvailable_AvailableWithoutTheReason()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        (await client.PutAsJsonAsync("/api/agents/ana/state", new { state = "Away", reason = "Break" })).Dispose();
        using var response = await client.PutAsJsonAsync("/api/agents/ana/state", new { state = "available" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var agent = app.Services.GetRequiredService<CallStore>().Current.Agents["ana"];
        Assert.Equal(AgentState.Available, agent.State);
        Assert.Null(agent.Reason);
    }

    [Fact]
    public async Task SetState_SupervisorSetsAnotherAgent_AppliedAndLogsWho()
    {
        await using var app = AgentApiApp.Create("Sam Supervisor", SupervisorRoles.Supervisor);
        using var client = app.CreateClient();
        var log = app.Services.GetRequiredService<IEventLog>();

        using var response = await client.PutAsJsonAsync("/api/agents/eli/state", new { state = "Offline", reason = "Sent home" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AgentState.Offline, app.Services.GetRequiredService<CallStore>().Current.Agents["eli"].State);
        var change = await LastAgentChangeAsync(log);
        Assert.Equal("Sam Supervisor", change.By);
        Assert.Equal("oid-Sam Supervisor", change.ByUserId);
        Assert.Equal("eli", change.AgentId);
        // A supervisor's change of someone else is a supervisor action: in the audit trail, confirmed.
        // Its status is written behind the answer: wait for it.
        var queries = app.Services.GetRequiredService<CallSupervisor.Audit.Queries.IAuditQueries>();
        var rows = await CallSupervisor.Testing.Eventually.UntilAsync(
            () => queries.ReadAllAsync(new CallSupervisor.Audit.Queries.AuditFilter { Action = ActionKind.SetAgentState }, CancellationToken.None).ToListAsync().AsTask(),
            r => r.Count == 1 && r[0].Status == CallSupervisor.Core.Audit.AuditStatus.Confirmed, "the confirmed audit row");
        var row = Assert.Single(rows);
        Assert.Equal("eli", row.Target);
        Assert.Equal(CallSupervisor.Core.Audit.AuditStatus.Confirmed, row.Status);
        Assert.Contains("Offline (Sent home)", row.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetState_UnknownAgent_404Problem()
    {
        await using var app = AgentApiApp.Create("Sam Supervisor", SupervisorRoles.Supervisor);
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/agents/zed/state", new { state = "Away" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Unknown agent", problem.GetProperty("title").GetString());
        Assert.Contains("'zed'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"state\":\"Busy\"}")]
    [InlineData("{\"state\":\"1\"}")]
    [InlineData("{\"state\":\"OnCall\"}")]
    [InlineData("{\"reason\":\"no state\"}")]
    public async Task SetState_BadState_400NamingTheAllowedValues(string body)
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        using var response = await client.PutAsync("/api/agents/ana/state", Json(body));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var error = problem.GetProperty("errors").GetProperty("state")[0].GetString();
        Assert.Contains("Available, Away, Offline", error, StringComparison.Ordinal);
        Assert.False(app.Services.GetRequiredService<CallStore>().Current.Agents.ContainsKey("ana"));
    }

    [Fact]
    public async Task SetState_ReasonTooLong_400()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/agents/ana/state", new { state = "Away", reason = new string('x', 201) });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("200", problem.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetState_ReasonWithLineBreak_400()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/agents/ana/state", new { state = "Away", reason = "a\nb" });

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("{\"state\":")]
    [InlineData("{\"state\":42}")]
    [InlineData("null")]
    [InlineData("")]
    public async Task SetState_UnreadableBody_400Problem(string body)
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        using var response = await client.PutAsync("/api/agents/ana/state", Json(body));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SetState_NotJson_415Problem()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        // A form or text/plain post is what another site could send without a preflight.
        using var response = await client.PutAsync("/api/agents/ana/state", new StringContent("{\"state\":\"Away\"}", Encoding.UTF8, "text/plain"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.False(app.Services.GetRequiredService<CallStore>().Current.Agents.ContainsKey("ana"));
    }

    [Fact]
    public async Task SetState_BodyTooLarge_413Problem()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/agents/ana/state", new { state = "Away", reason = new string('x', 10_000) });

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task SetState_FromAnotherSite_403Problem()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/agents/ana/state") { Content = Json("{\"state\":\"Away\"}") };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.False(app.Services.GetRequiredService<CallStore>().Current.Agents.ContainsKey("ana"));
    }

    [Fact]
    public async Task SetState_AnotherAgentAsAgent_403Problem()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/agents/eli/state", new { state = "Away" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("own", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(app.Services.GetRequiredService<CallStore>().Current.Agents.ContainsKey("eli"));
    }

    [Fact]
    public async Task SetState_Observer_403Problem()
    {
        await using var app = AgentApiApp.Create("Olivia Observer", SupervisorRoles.Observer);
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/agents/ana/state", new { state = "Away" });

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Api_NoRole_403Problem()
    {
        await using var app = AgentApiApp.Create(Ana);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/agents/me");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Api_Anonymous_401Problem()
    {
        await using var app = AgentApiApp.Create(null);
        using var client = app.CreateClient();

        using var response = await client.PutAsJsonAsync("/api/agents/ana/state", new { state = "Away" });

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Board_AgentRoleOnly_Forbidden()
    {
        // The Agent role is for the agent API only: not the board's pages or hub.
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/hubs/calls/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SetState_AwayWhileOnACall_StaysOnTheCallAndSaysWhenItTakesEffect()
    {
        await using var app = AgentApiApp.Create(Ana, SupervisorRoles.Agent);
        using var client = app.CreateClient();
        await PutAnaOnACallAsync(app.Services.GetRequiredService<IEventApplier>());

        using var response = await client.PutAsJsonAsync("/api/agents/ana/state", new { state = "Away", reason = "Training" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(result.GetProperty("effectiveNow").GetBoolean());
        Assert.Contains("on a call", result.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("OnCall", result.GetProperty("agent").GetProperty("state").GetString());
        Assert.Equal("Away", result.GetProperty("agent").GetProperty("presence").GetString());
        Assert.Equal("call-1", result.GetProperty("agent").GetProperty("callId").GetString());
    }

    private static async Task PutAnaOnACallAsync(IEventApplier applier)
    {
        var call = new CallId("call-1");
        var at = DateTimeOffset.UtcNow;
        var ana = CommunicationIdentifier.AcsUser("8:acs:agent-ana");
        CallEvent[] events =
        [
            new CallConnected("e1", call, at, CallPlatform.Acs, "server-1", "corr-1", CommunicationIdentifier.Phone("+14255550100"), null),
            new CallQueued("e2", call, at, "sales"),
            new OfferPlanned("e3", call, at, "ana", ana, "offer:1") { AgentName = "Ana Lima" },
            new InvitationRequested("e4", call, at, new InvitationId("inv-1"), ana, "offer:1", TimeSpan.FromSeconds(30)),
            new AddParticipantSucceeded("e5", call, at, "offer:1", ana),
        ];
        foreach (var e in events)
        {
            await applier.ApplyAsync(e, CancellationToken.None);
        }
    }

    private static async Task<AgentStateChanged> LastAgentChangeAsync(IEventLog log)
    {
        // The log's reader waits for more at its end: read up to the last position there is now.
        var end = await log.LastPositionAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        AgentStateChanged? last = null;
        await foreach (var entry in log.ReadAsync(null, timeout.Token))
        {
            if (entry.Event is AgentStateChanged change)
            {
                last = change;
            }
            if (entry.Position == end)
            {
                break;
            }
        }
        return last ?? throw new InvalidOperationException("no AgentStateChanged in the log");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
