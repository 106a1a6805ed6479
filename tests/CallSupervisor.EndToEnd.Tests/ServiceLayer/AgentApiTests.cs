using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>The agent API on the real app: a demo agent signs in and sets their own state; supervisors see it.</summary>
[Collection(ServiceCollection.Name)]
public sealed class AgentApiTests(ServiceFixture fixture)
{
    [Fact]
    public async Task SetState_DemoAgentAwayThenAvailable_SupervisorSeesEachState()
    {
        using var agent = await ClientAsync(OidcSignIn.Agent);
        using var supervisor = await ClientAsync(OidcSignIn.Supervisor);
        var me = await agent.GetFromJsonAsync<JsonElement>("api/agents/me");
        Assert.Equal("ana", me.GetProperty("id").GetString());
        // The router gives an agent it has not heard of their first state; wait for it, so it cannot come after ours.
        await Eventually.UntilAsync(() => AgentAsync(supervisor, "ana"), a => a.GetProperty("since").ValueKind != JsonValueKind.Null, "ana's first state");

        using (var away = await agent.PutAsJsonAsync("api/agents/ana/state", new { state = "Away", reason = "Coffee" }))
        {
            Assert.Equal(HttpStatusCode.OK, away.StatusCode);
        }
        var seenAway = await Eventually.UntilAsync(() => AgentAsync(supervisor, "ana"), a => a.GetProperty("state").GetString() == "Away", "ana away on the supervisor's list");
        Assert.Equal("Coffee", seenAway.GetProperty("reason").GetString());

        using (var back = await agent.PutAsJsonAsync("api/agents/ana/state", new { state = "Available" }))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }
        await Eventually.UntilAsync(() => AgentAsync(supervisor, "ana"), a => a.GetProperty("state").GetString() == "Available", "ana available on the supervisor's list");
        // Her own sign-in may not set another agent's state.
        using var other = await agent.PutAsJsonAsync("api/agents/eli/state", new { state = "Away" });
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    private async Task<HttpClient> ClientAsync(string user)
    {
        var cookies = await fixture.SessionAsync(user);
#pragma warning disable CA2000 // The client owns and disposes its handler.
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };
#pragma warning restore CA2000
    }

    private static async Task<JsonElement> AgentAsync(HttpClient supervisor, string id) =>
        (await supervisor.GetFromJsonAsync<JsonElement>("api/agents")).EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
}
