using CallSupervisor.Web.Components;
using CallSupervisor.Web.Components.Controls;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace CallSupervisor.Web.Tests.Components;

public sealed class ThemeToggleTests : DashboardTestContext
{
    [Fact]
    public void Click_SwitchesBetweenLightAndDark()
    {
        var themes = Services.GetRequiredService<ThemeService>();
        themes.SetTheme(ThemeNames.Light);
        var cut = Render<ThemeToggle>();

        cut.Find("button[aria-label='Switch to dark theme']").Click();

        Assert.Equal(ThemeNames.Dark, themes.Theme);
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Switch to light theme']"));

        cut.Find("button").Click();
        Assert.Equal(ThemeNames.Light, themes.Theme);
    }

    [Theory]
    [InlineData("material-dark", "material-dark")]
    [InlineData("material", "material")]
    [InlineData(null, "material")]
    [InlineData("../../evil", "material")]
    public void Normalize_MapsUnknownValuesToLight(string? value, string expected) =>
        Assert.Equal(expected, ThemeNames.Normalize(value));
}
