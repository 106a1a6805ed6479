using System.Net.Http.Headers;
using CallSupervisor.Emulator.Tests.Infrastructure;

namespace CallSupervisor.Emulator.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Rest_MissingHmac_Returns401WithErrorBody()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(attach: false);

        var response = await ctx.Client.SendAsync(HttpMethod.Get, EmulatorTestContext.CallPath("nope"), null, sign: false);

        Assert.Equal(401, response.Status);
        Assert.Equal("Denied", (string?)response.Json["error"]!["code"]);
        Assert.Contains("Authorization", (string?)response.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_SignedWithWrongKey_Returns401()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(attach: false);
        using var wrong = new AcsTestClient(ctx.Emulator.BaseAddress, Convert.ToBase64String(new byte[32]));

        var response = await wrong.GetAsync(EmulatorTestContext.CallPath("nope"));

        Assert.Equal(401, response.Status);
        Assert.Contains("signature", (string?)response.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_BodyChangedAfterSigning_Returns401()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(attach: false);

        var response = await ctx.Client.PostAsync("calling/callConnections:answer?" + AcsTestClient.ApiVersion, new { incomingCallContext = "x" },
            r => r.Content = new StringContent("""{"incomingCallContext":"tampered"}""", new MediaTypeHeaderValue("application/json")));

        Assert.Equal(401, response.Status);
        Assert.Contains("x-ms-content-sha256", (string?)response.Json["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rest_StaleDate_Returns401()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(attach: false);

        var response = await ctx.Client.SendAsync(HttpMethod.Get, EmulatorTestContext.CallPath("nope"), null, r =>
        {
            r.Headers.Remove("x-ms-date");
            r.Headers.Add("x-ms-date", DateTimeOffset.UtcNow.AddMinutes(-10).ToString("R"));
        });

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task Rest_MissingApiVersion_Returns400()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(attach: false);

        var response = await ctx.Client.GetAsync("calling/callConnections/some-call");

        Assert.Equal(400, response.Status);
        Assert.Equal("MissingApiVersionParameter", (string?)response.Json["error"]!["code"]);
    }

    [Fact]
    public async Task Rest_OtherApiVersion_Returns400()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(attach: false);

        var response = await ctx.Client.GetAsync("calling/callConnections/some-call?api-version=2025-05-15");

        Assert.Equal(400, response.Status);
        Assert.Equal("UnsupportedApiVersion", (string?)response.Json["error"]!["code"]);
    }

    [Fact]
    public async Task Graph_MissingOrWrongToken_Returns401GraphError()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(attach: false);
        using var http = new HttpClient { BaseAddress = ctx.Emulator.GraphBaseAddress };
        var path = "communications/calls/any/cancelMediaProcessing";

        using var missing = await http.PostAsync(path, new StringContent("{}"));
        using var wrong = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}") };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        using var wrongResponse = await http.SendAsync(wrong);

        Assert.Equal(401, (int)missing.StatusCode);
        Assert.Equal(401, (int)wrongResponse.StatusCode);
        Assert.Contains("InvalidAuthenticationToken", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
