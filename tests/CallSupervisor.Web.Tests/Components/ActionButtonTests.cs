using CallSupervisor.Web.Components.Controls;

namespace CallSupervisor.Web.Tests.Components;

public sealed class ActionButtonTests : DashboardTestContext
{
    private IRenderedComponent<ActionButton> RenderButton(bool enabled = true, bool pending = false, string? reason = null, Func<Task>? onClick = null) =>
        Render<ActionButton>(p => p
            .Add(b => b.Text, "Do it")
            .Add(b => b.BusyText, "Doing…")
            .Add(b => b.AriaLabel, "Do it now")
            .Add(b => b.Enabled, enabled)
            .Add(b => b.Pending, pending)
            .Add(b => b.Reason, reason)
            .Add(b => b.OnClick, onClick ?? (() => Task.CompletedTask)));

    [Fact]
    public void Enabled_HasAccessibleNameAndNoReason()
    {
        var cut = RenderButton();

        var button = cut.Find("button[aria-label='Do it now']");
        Assert.False(button.HasAttribute("disabled"));
        Assert.Empty(cut.FindAll(".cs-reason"));
        Assert.Equal("enabled", cut.Find(".cs-action").GetAttribute("data-state"));
    }

    [Fact]
    public void Disabled_ShowsReasonAsVisibleText_AndIgnoresClicks()
    {
        var clicks = 0;
        var cut = RenderButton(enabled: false, reason: "Not today", onClick: () => { clicks++; return Task.CompletedTask; });

        Assert.True(cut.Find("button").HasAttribute("disabled"));
        Assert.Equal("Not today", cut.Find(".cs-reason").TextContent);
        Assert.Equal("Not today", cut.Find("button").GetAttribute("title"));
        Assert.Equal(0, clicks);
    }

    [Fact]
    public void Pending_ShowsBusyTextAndIsDisabled()
    {
        var cut = RenderButton(pending: true, reason: "hidden while busy");

        Assert.Contains("Doing…", cut.Find("button").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("button").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll(".cs-reason"));
        Assert.Equal("pending", cut.Find(".cs-action").GetAttribute("data-state"));
    }

    [Fact]
    public void InFlight_SecondClickIsNotFired()
    {
        var release = new TaskCompletionSource();
        var clicks = 0;
        var cut = RenderButton(onClick: () => { clicks++; return release.Task; });

        cut.Find("button").Click();
        Assert.Equal("in-flight", cut.Find(".cs-action").GetAttribute("data-state"));
        Assert.True(cut.Find("button").HasAttribute("disabled"));
        release.SetResult();

        cut.WaitForAssertion(() => Assert.Equal("enabled", cut.Find(".cs-action").GetAttribute("data-state")));
        Assert.Equal(1, clicks);
    }
}
