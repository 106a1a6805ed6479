using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Web.Actions;
using CallSupervisor.Web.Components.Controls;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CallSupervisor.Web.Tests.Components;

/// <summary>
/// Which of the new actions the call detail offers where (only those that could apply there), the supervisors'
/// chips and the note about what ACS cannot do, and the confirmations of what cannot be undone.
/// </summary>
public sealed class CallDetailActionsTests : DashboardTestContext
{
    private IRenderedComponent<CallDetail> Detail() =>
        Render<CallDetail>(p => p.Add(d => d.Call, Call1).Add(d => d.Now, Time.GetUtcNow()));

    private static List<string?> CallActions(IRenderedComponent<CallDetail> cut) =>
        [.. cut.FindAll(".cs-call-actions [data-action]").Select(a => a.GetAttribute("data-action"))];

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<CallDetail> cut, string kind) =>
        cut.Find($"ul[aria-label='Participants'] li[data-kind='{kind}']");

    private static List<string?> Actions(AngleSharp.Dom.IElement row) =>
        [.. row.QuerySelectorAll("[data-action]").Select(a => a.GetAttribute("data-action"))];

    [Fact]
    public void Recording_EachStateOffersItsActionsInOnePlaceAndSaysWhere()
    {
        Store.WithConnectedCall(Events);
        List<string?> RecordingActions(IRenderedComponent<CallDetail> cut) =>
            [.. cut.FindAll("[data-testid='recording-section'] [data-action]").Select(a => a.GetAttribute("data-action"))];

        var none = Detail();
        Assert.Equal(["StartRecording"], RecordingActions(none));
        Assert.Contains("Not recorded", none.Find("[data-testid='recording-state']").TextContent, StringComparison.Ordinal);

        Store.Apply(new RecordingChanged(Events.NextId(), TestEvents.Call1, Time.GetUtcNow(), "rec-1", RecordingState.Active));
        var active = Detail();
        Assert.Equal(["PauseRecording", "StopRecording"], RecordingActions(active));
        Assert.Contains("Recording since", active.Find("[data-testid='recording-state']").TextContent, StringComparison.Ordinal);
        Assert.Contains("mud-button-outlined-error", active.Find("[data-action='StopRecording'] button").ClassName, StringComparison.Ordinal);

        Store.Apply(new RecordingChanged(Events.NextId(), TestEvents.Call1, Time.GetUtcNow(), "rec-1", RecordingState.Inactive));
        var paused = Detail();
        Assert.Equal(["ResumeRecording", "StopRecording"], RecordingActions(paused));
        Assert.Contains("Paused since", paused.Find("[data-testid='recording-state']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void CallWithItsAgent_TransferAndHangUpButNoAssignOrLeave()
    {
        Store.WithAgentInCall(Events);

        Assert.Equal(["Listen", "Join", "Transfer", "HangUp"], CallActions(Detail()));
    }

    [Fact]
    public void QueuedCaller_AssignAndTakeTheCall_NoTransfer()
    {
        Store.Queued(Events, TestEvents.Call1, "sales");
        Store.Apply(Events.Roster(1, TestEvents.In(TestEvents.Caller)));

        Assert.Equal(["Listen", "Join", "Assign", "TakeCall", "HangUp"], CallActions(Detail()));
    }

    [Fact]
    public void StrandedCaller_AgentLeft_AssignAndTakeTheCallOffered()
    {
        Store.WithAgentInCall(Events);
        Store.AgentLeft(Events);

        var cut = Detail();

        Assert.Equal(["Listen", "Join", "Assign", "TakeCall", "HangUp"], CallActions(cut));
        Assert.Equal("enabled", cut.Find(".cs-call-actions [data-action='Assign']").GetAttribute("data-state"));
    }

    [Fact]
    public void GraphCall_NoneOfTheAcsOnlyActions()
    {
        Store.WithConnectedCall(Events, CallPlatform.Graph);

        var cut = Detail();

        Assert.Empty(CallActions(cut));
        Assert.Empty(cut.FindAll("ul[aria-label='Participants'] [data-action='Hold'], ul[aria-label='Participants'] [data-action='Remove']"));
    }

    [Fact]
    public void ParticipantNotOnHold_HoldAndRemove_NoResume()
    {
        Store.WithAgentInCall(Events);

        var caller = Row(Detail(), "PhoneNumber");

        Assert.Equal(["Hold", "Remove"], Actions(caller));
    }

    [Fact]
    public void ParticipantOnHold_ResumeInsteadOfHoldAndTheTimeOnHold()
    {
        Store.WithAgentInCall(Events);
        Store.Apply(Events.Roster(2, TestEvents.In(TestEvents.Caller, onHold: true), TestEvents.In(TestEvents.Agent)));
        Time.Advance(Events.Now + TimeSpan.FromSeconds(42) - Time.GetUtcNow());

        var caller = Row(Detail(), "PhoneNumber");

        Assert.Equal(["Resume", "Remove"], Actions(caller));
        Assert.Contains("On hold 0:42", caller.TextContent, StringComparison.Ordinal);
        Assert.Equal("Resume Caller +1 425-555-0123 from hold", caller.QuerySelector("[data-action='Resume'] button")!.GetAttribute("aria-label"));
    }

    [Fact]
    public void SupervisorListening_LeaveOffered_ChipOnTheirRowAndTheNote()
    {
        Store.WithAgentInCall(Events);
        Store.SamListening(Events);

        var cut = Detail();

        Assert.Equal(["Listen", "Join", "Leave", "Transfer", "HangUp"], CallActions(cut));
        var sam = cut.FindAll("ul[aria-label='Participants'] li").Single(li => li.TextContent.Contains("Sam Supervisor", StringComparison.Ordinal));
        Assert.Contains("Listening", sam.TextContent, StringComparison.Ordinal);
        Assert.Contains("participants can see you", cut.Find(".cs-action-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupervisorJoined_ChipSaysJoined()
    {
        Store.WithAgentInCall(Events);
        Store.SamListening(Events);

        await Services.GetRequiredService<ActionRunner>().RunAsync(SupervisorActions.For(ActionKind.Join), Call1, "");

        var sam = Detail().FindAll("ul[aria-label='Participants'] li").Single(li => li.TextContent.Contains("Sam Supervisor", StringComparison.Ordinal));
        Assert.Contains("Joined", sam.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Listening", sam.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ListenIn_NoteSaidBeforeAnyoneListens()
    {
        // What ACS cannot do (a hidden listener, whisper) is said before the supervisor steps in, not after.
        Store.WithAgentInCall(Events);

        var note = Detail().Find(".cs-action-note");

        Assert.Equal(SupervisorActions.For(ActionKind.Listen).Note, note.TextContent);
        Assert.Contains("no whisper", note.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void EndedCall_NoCallActionsAndNoNote()
    {
        Store.WithAgentInCall(Events);
        Store.Apply(Events.Disconnected());

        var cut = Detail();

        Assert.Empty(cut.FindAll(".cs-call-actions"));
        Assert.Empty(cut.FindAll(".cs-action-note"));
    }

    [Fact]
    public async Task Remove_DeclinedSendsNothing_ConfirmedSendsTheRemoval()
    {
        Store.WithAgentInCall(Events);
        var cut = Detail();
        Confirm.Answer = false;

        await Row(cut, "CommunicationUser").QuerySelector("[data-action='Remove'] button")!.ClickAsync(new());

        var asked = Assert.Single(Confirm.Asked);
        Assert.Equal(("Keep them", "Remove"), (asked.SafeLabel, asked.ConfirmLabel));
        Assert.Contains("Remove Agent Ana Lima from the call", asked.Question, StringComparison.Ordinal);
        Assert.Empty(Acs.Requests);

        Confirm.Answer = true;
        await Row(cut, "CommunicationUser").QuerySelector("[data-action='Remove'] button")!.ClickAsync(new());

        Assert.StartsWith($"remove call-1 {TestEvents.Agent.RawId} supervisor-remove:", Assert.Single(Acs.Requests));
        Assert.Equal(Core.Audit.AuditStatus.Accepted, Assert.Single(Audit.Entries).Status);
    }

    [Fact]
    public async Task HangUp_DeclinedSendsNothing_ConfirmedTerminatesAndShowsHangingUp()
    {
        Store.WithAgentInCall(Events);
        var cut = Detail();
        Confirm.Answer = false;

        await cut.Find(".cs-call-actions [data-action='HangUp'] button").ClickAsync(new());

        var asked = Assert.Single(Confirm.Asked);
        Assert.Equal(("Keep the call", "Hang up"), (asked.SafeLabel, asked.ConfirmLabel));
        Assert.Empty(Acs.Requests);

        Confirm.Answer = true;
        await cut.Find(".cs-call-actions [data-action='HangUp'] button").ClickAsync(new());

        Assert.Equal("terminate call-1", Assert.Single(Acs.Requests));
        cut.Render(p => p.Add(d => d.Call, Call1));
        cut.WaitForAssertion(() => Assert.Contains("Hanging up…", cut.Find(".cs-call-actions [data-action='HangUp']").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hold_SendsWithTheHoldMusicAndNoQuestion()
    {
        Store.WithAgentInCall(Events);
        var cut = Detail();

        await Row(cut, "PhoneNumber").QuerySelector("[data-action='Hold'] button")!.ClickAsync(new());

        Assert.Empty(Confirm.Asked);
        Assert.StartsWith($"hold call-1 {TestEvents.Caller.RawId} https://media.example/hold.wav supervisor-hold:", Assert.Single(Acs.Requests));
    }

    [Fact]
    public async Task ListenIn_AddsTheSupervisorsOwnEndpoint()
    {
        Store.WithAgentInCall(Events);
        var cut = Detail();

        await cut.Find(".cs-call-actions [data-action='Listen'] button").ClickAsync(new());

        Assert.StartsWith($"add call-1 {TestDirectory.Sam.RawId} supervisor-listen:", Assert.Single(Acs.Requests));
    }

    [Fact]
    public async Task ConfirmDialog_RemoveAndHangUp_SafeChoiceFirstAndFocusedFirst()
    {
        Store.WithAgentInCall(Events);
        var provider = Render<MudDialogProvider>();
        var confirm = new DialogConfirmService(Services.GetRequiredService<IDialogService>());

        foreach (var question in new[]
        {
            SupervisorActions.For(ActionKind.Remove).Confirmation(Call1, TestEvents.Agent.RawId)!,
            SupervisorActions.For(ActionKind.HangUp).Confirmation(Call1, "")!,
        })
        {
            var answer = confirm.ConfirmAsync(question);

            provider.WaitForAssertion(() => Assert.Equal(2, provider.FindAll(".mud-dialog-actions button").Count));
            Assert.Equal(DefaultFocus.FirstChild, provider.FindComponent<MudDialog>().Instance.DefaultFocus);
            var buttons = provider.FindAll(".mud-dialog-actions button");
            Assert.Equal(question.SafeLabel, buttons[0].TextContent.Trim());
            Assert.Equal(question.ConfirmLabel, buttons[1].TextContent.Trim());
            buttons[0].Click();
            Assert.False(await answer);
            provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog-actions button")));
        }
    }
}
