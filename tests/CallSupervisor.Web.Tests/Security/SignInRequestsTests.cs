using CallSupervisor.Web.Security;
using Microsoft.AspNetCore.Http;

namespace CallSupervisor.Web.Tests.Security;

public sealed class SignInRequestsTests
{
    // The sign-in rate limit counts these: a device sign-in is guessable by brute force like any other.
    [Theory]
    [InlineData("/account/sign-in", true)]
    [InlineData("/signin-oidc", true)]
    [InlineData("/account/device", true)]
    [InlineData("/account/DEVICE", true)]
    [InlineData("/account/sign-out", false)]
    [InlineData("/hubs/calls", false)]
    public void IsSignIn_CountsEveryWayIn(string path, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;

        Assert.Equal(expected, AccountEndpoints.IsSignIn(context.Request));
    }
}
