using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Actions;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>
/// Notices resolve with the action: confirmed ones go away by themselves, anything else stays; the confirmation
/// dialog offers the safe choice first.
/// </summary>
public sealed class NotificationsAndDialogTests : DashboardTestContext
{
    // Whether a notice stays or goes is in the snackbar's options, which MudBlazor keeps internal to its state.
    private ActionRunner Runner => Services.GetRequiredService<ActionRunner>();

    [Fact]
    public async Task Mute_ParticipantLeavesBeforeTheMuteTookEffect_TheNoticeSaysSoAndStays()
    {
        Store.WithConnectedCall(Events);
        await Runner.RunAsync(SupervisorActions.Mute, Call1, TestEvents.Agent.RawId);

        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller)));

        await WaitForSnackbarsAsync(shown => shown.Count == 1 && shown[0].Severity == Severity.Warning);
        Assert.Equal(true, Snackbars.Single().Options().RequireInteraction);
        Assert.Contains("left before the mute took effect", Snackbars.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mute_Confirmed_TheNoticeGoesAwayByItself()
    {
        Store.WithConnectedCall(Events);
        await Runner.RunAsync(SupervisorActions.Mute, Call1, TestEvents.Agent.RawId);
        Assert.Equal(true, Snackbars.Single().Options().RequireInteraction);

        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller), TestEvents.In(TestEvents.Agent, muted: true)));

        await WaitForSnackbarsAsync(shown => shown.Count == 1 && shown[0].Severity == Severity.Success);
        Assert.NotEqual(true, Snackbars.Single().Options().RequireInteraction);
        Assert.Equal(SnackbarActionNotifier.ConfirmedVisibleMs, Snackbars.Single().Options().VisibleStateDuration);
    }

    [Fact]
    public async Task Cancel_CallEnds_TheNoticeSaysTheCallEnded()
    {
        Store.WithConnectedCall(Events);
        Store.Apply(Events.Invite(target: TestEvents.Agent2));
        await Runner.RunAsync(SupervisorActions.CancelInvitation, Call1, "inv-1");

        Store.Apply(Events.Disconnected());

        await WaitForSnackbarsAsync(shown => shown.Count == 1 && (shown[0].Message ?? "").Contains("call ended", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refused_TheNoticeSaysWhyAndStays()
    {
        Store.WithConnectedCall(Events);

        await Runner.RunAsync(SupervisorActions.CancelMedia, Call1, "");

        var notice = Assert.Single(Snackbars);
        Assert.Equal(Severity.Warning, notice.Severity);
        Assert.Contains("No media operation is running", notice.Message, StringComparison.Ordinal);
        Assert.Equal(true, notice.Options().RequireInteraction);
    }

    [Fact]
    public async Task ConfirmDialog_SafeChoiceFirstAndFocused_DestructiveSecond()
    {
        var provider = Render<MudDialogProvider>();
        var confirm = new DialogConfirmService(Services.GetRequiredService<IDialogService>());
        var question = new Confirmation("Cancel invitation", "Stop ringing Agent Ana?", "Cancel invitation", "Keep ringing");

        var answer = confirm.ConfirmAsync(question);

        provider.WaitForAssertion(() => Assert.Equal(2, provider.FindAll(".mud-dialog-actions button").Count));
        var buttons = provider.FindAll(".mud-dialog-actions button");
        Assert.Equal("Keep ringing", buttons[0].TextContent.Trim());
        Assert.Equal("Cancel invitation", buttons[1].TextContent.Trim());
        Assert.Contains("Stop ringing Agent Ana?", provider.Markup, StringComparison.Ordinal);
        buttons[0].Click();
        Assert.False(await answer);
    }

    [Fact]
    public async Task ConfirmDialog_Destructive_ReturnsTrue()
    {
        var provider = Render<MudDialogProvider>();
        var confirm = new DialogConfirmService(Services.GetRequiredService<IDialogService>());

        var answer = confirm.ConfirmAsync(new Confirmation("Cancel all media", "Stop all?", "Cancel all media", "Keep playing"));

        provider.WaitForAssertion(() => Assert.Equal(2, provider.FindAll(".mud-dialog-actions button").Count));
        provider.Find("[data-testid=confirm-destructive]").Click();
        Assert.True(await answer);
    }
}

internal static class SnackbarOptionsReader
{
    public static SnackbarOptions Options(this Snackbar snackbar)
    {
        var state = typeof(Snackbar).GetProperty("State", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public)!.GetValue(snackbar)!;
        return (SnackbarOptions)state.GetType().GetProperty("Options")!.GetValue(state)!;
    }
}
