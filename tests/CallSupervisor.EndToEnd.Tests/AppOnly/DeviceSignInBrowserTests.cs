using System.Text.RegularExpressions;
using CallSupervisor.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CallSupervisor.EndToEnd.Tests.AppOnly;

/// <summary>A screen's whole way in, in Chromium: the device address once, then a live board as the app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeviceSignInBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Browser_DeviceAddress_OpensTheLiveBoardAsTheWallboardApp()
    {
        var wallboard = AppOnlyFixture.Wallboard;
        var token = await AppOnlyFixture.TokenAsync(fixture.App.Emulator, wallboard.ClientId, wallboard.ClientSecret);
        var context = await fixture.NewContextAsync(user: null);

        await using var session = await PageSession.OpenAsync(context, "/account/device?returnUrl=%2Fagents&access_token=" + Uri.EscapeDataString(token));

        await Expect(session.Page).ToHaveURLAsync(new Regex("/agents$"));
        await Expect(session.Page.GetByTestId("user-name")).ToHaveTextAsync(wallboard.DisplayName);
        await Expect(session.Page.GetByTestId("user-role")).ToHaveTextAsync("Wallboard");
        await Expect(session.Connection("live")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Empty(session.ConsoleErrors);
    }
}
