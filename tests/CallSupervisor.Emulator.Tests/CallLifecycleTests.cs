using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CallSupervisor.Emulator.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CallSupervisor.Emulator.Tests;

public sealed class CallLifecycleTests
{
    [Fact]
    public async Task AttachApp_AppEchoesCode_SubscriptionValidatedBeforeIncomingCall()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        await ctx.StartCallAsync(new { platform = "acs" });
        await ctx.App.EventGrid.WaitUntilAsync(events => events.Count >= 2);

        var events = ctx.App.EventGrid.Items;
        Assert.Equal("Microsoft.EventGrid.SubscriptionValidationEvent", (string?)events[0]["eventType"]);
        Assert.Equal("Microsoft.Communication.IncomingCall", (string?)events[1]["eventType"]);
        var state = await ctx.Admin.GetFromJsonAsync<JsonObject>("emulator/calls");
        Assert.True((bool)state!["subscriptionValidated"]!);
    }

    [Fact]
    public async Task Answer_IncomingCall_SendsCallConnectedAndParticipantsUpdatedWithValidJwt()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        var callId = await ctx.StartCallAsync(new { platform = "acs", caller = new { kind = "phoneNumber", value = "+14255550123" } });
        var connected = await ctx.App.Acs.WaitForAsync(e => e.Type == "CallConnected");
        var roster = await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated");

        var answer = ctx.App.Answers.Items.Single();
        Assert.Equal(200, answer.Status);
        Assert.Equal(callId, (string?)answer.Json["callConnectionId"]);
        Assert.Equal("+14255550123", (string?)answer.Json["source"]!["phoneNumber"]!["value"]);
        Assert.Equal(callId, connected.CallConnectionId);
        Assert.StartsWith("answer:", (string?)connected.Data["operationContext"], StringComparison.Ordinal);
        Assert.Equal("1.0", (string?)connected.Envelope["specversion"]);
        Assert.Equal($"calling/callConnections/{callId}", (string?)connected.Envelope["source"]);
        Assert.Equal(1, (int)roster.Data["sequenceNumber"]!);
        Assert.Equal("4:+14255550123", (string?)roster.Data["participants"]![0]!["identifier"]!["rawId"]);

        var validation = await ValidateAsync(ctx.Emulator, connected.Authorization);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var token = (JsonWebToken)validation.SecurityToken;
        Assert.Equal(TimeSpan.FromMinutes(5), token.ValidTo - token.ValidFrom);
    }

    [Fact]
    public async Task Answer_UnknownContext_Returns400()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();

        var response = await ctx.Client.PostAsync("calling/callConnections:answer?" + AcsTestClient.ApiVersion,
            new { incomingCallContext = "not-a-context", callbackUri = ctx.App.CallbackUri.ToString() });

        Assert.Equal(400, response.Status);
        Assert.Equal("8523", (string?)response.Json["error"]!["code"]);
    }

    [Fact]
    public async Task HangUp_ConnectedCall_Returns204ThenCallDisconnectedAndLater404()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var hangUp = await ctx.Client.DeleteAsync(EmulatorTestContext.CallPath(callId));
        await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected" && e.CallConnectionId == callId);
        var get = await ctx.Client.GetAsync(EmulatorTestContext.CallPath(callId));
        var mute = await ctx.Client.PostAsync(EmulatorTestContext.CallPath(callId, "/participants:mute"),
            new { targetParticipants = new[] { RequestBodies.AcsUser("8:acs:x_y") } });

        Assert.Equal(204, hangUp.Status);
        Assert.Equal(404, get.Status);
        Assert.Equal("8522", (string?)get.Json["error"]!["code"]);
        Assert.Equal(404, mute.Status);
    }

    [Fact]
    public async Task GetCall_Connected_ReturnsCallConnectionProperties()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        var response = await ctx.Client.GetAsync(EmulatorTestContext.CallPath(callId));

        Assert.Equal(200, response.Status);
        Assert.Equal("connected", (string?)response.Json["callConnectionState"]);
        Assert.Equal(ctx.App.CallbackUri.ToString(), (string?)response.Json["callbackUri"]);
        Assert.Equal("phoneNumber", (string?)response.Json["targets"]![0]!["kind"]);
    }

    [Fact]
    public async Task ListParticipants_MoreThanOnePage_NextLinkReturnsTheRest()
    {
        await using var ctx = await EmulatorTestContext.StartAsync(o => o.ParticipantsPageSize = 2);
        var callId = await ctx.StartCallAsync(new
        {
            platform = "acs",
            participants = new object[] { new { kind = "communicationUser" }, new { kind = "microsoftTeamsUser" }, new { kind = "phoneNumber" } },
        });
        await ctx.App.Acs.WaitForAsync(e => e.Type == "ParticipantsUpdated" && e.Data["participants"]!.AsArray().Count == 4);

        var first = await ctx.Client.GetAsync(EmulatorTestContext.CallPath(callId, "/participants"));
        var nextLink = (string?)first.Json["nextLink"];
        var second = await ctx.Client.GetAsync(nextLink!);

        Assert.Equal(2, first.Json["value"]!.AsArray().Count);
        Assert.StartsWith(ctx.Emulator.BaseAddress.ToString(), nextLink, StringComparison.Ordinal);
        Assert.Equal(200, second.Status);
        Assert.Equal(2, second.Json["value"]!.AsArray().Count);
        Assert.Null(second.Json["nextLink"]);
    }

    [Fact]
    public async Task AdminEnd_ConnectedCall_SendsCallDisconnected()
    {
        await using var ctx = await EmulatorTestContext.StartAsync();
        var callId = await ctx.StartConnectedCallAsync(new { platform = "acs" });

        using var response = await ctx.Admin.PostAsync($"emulator/calls/{callId}/end", null);
        var disconnected = await ctx.App.Acs.WaitForAsync(e => e.Type == "CallDisconnected");

        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal(callId, disconnected.CallConnectionId);
        Assert.Equal("disconnected", (string?)(await ctx.CallStateAsync(callId))["state"]);
    }

    private static async Task<TokenValidationResult> ValidateAsync(EmulatorHost emulator, string authorization)
    {
        Assert.StartsWith("Bearer ", authorization, StringComparison.Ordinal);
        using var http = new HttpClient();
        var metadata = await http.GetFromJsonAsync<JsonObject>(emulator.OpenIdMetadataAddress);
        Assert.Equal(emulator.Issuer, (string?)metadata!["issuer"]);
        var jwks = new JsonWebKeySet(await http.GetStringAsync((string)metadata["jwks_uri"]!));
        return await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = emulator.Issuer,
            ValidAudience = emulator.ResourceId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            RequireExpirationTime = true,
        });
    }
}
