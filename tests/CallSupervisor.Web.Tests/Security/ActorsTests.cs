using System.Security.Claims;
using CallSupervisor.Web.Security;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Web.Tests.Security;

public sealed class ActorsTests
{
    private const string ObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    [Fact]
    public void From_AppTokenWithName_IsTheAppByItsServicePrincipalAndName()
    {
        var actor = Actors.From(App(new Claim("name", "Wallboard, floor 3"), new Claim("azp", "board-client")));

        Assert.NotNull(actor);
        Assert.Equal(("sp-1", "Wallboard, floor 3"), (actor.Id, actor.Name));
        Assert.Equal(["Wallboard"], actor.Roles.ToArray());
        Assert.False(actor.CanAct);
        Assert.True(actor.CanObserve);
    }

    [Theory]
    [InlineData("app_displayname", "Lobby screen", "Lobby screen")]
    [InlineData("azp", "3c1f-client", "App 3c1f-client")]
    [InlineData("appid", "v1-client", "App v1-client")]
    public void From_AppTokenWithoutName_NamedByWhatEntraSends(string claim, string value, string expected) =>
        Assert.Equal(expected, Actors.From(App(new Claim(claim, value)))?.Name);

    [Theory]
    [InlineData("Bearer abc", null, "/api/agents", "Bearer")]
    [InlineData("bearer abc", null, "/", "Bearer")]
    [InlineData(null, "access_token=abc", "/hubs/calls", "Bearer")]
    [InlineData(null, "access_token=abc", "/agents", "Cookies")]
    [InlineData("Basic abc", null, "/hubs/calls", "Cookies")]
    [InlineData(null, null, "/hubs/calls/negotiate", "Cookies")]
    public void Select_BearerOnlyWhenTheRequestCarriesAToken(string? authorization, string? query, string path, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        if (query is not null)
        {
            context.Request.QueryString = new QueryString("?" + query);
        }

        Assert.Equal(expected, AppTokenSetup.Select(context, "Cookies"));
    }

    private static ClaimsPrincipal App(params Claim[] claims) => new(new ClaimsIdentity(
        [new Claim(ObjectId, "sp-1"), new Claim(ClaimTypes.Role, "Wallboard"), .. claims], "Bearer", ClaimTypes.Name, ClaimTypes.Role));
}
