using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Web.ViewModels;
using Microsoft.AspNetCore.Components;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.Components.Controls;

/// <summary>
/// One call in full, with its actions. Every outcome is said in words: an invitation's ringing time and what is
/// left, why it ended; each media operation's end — completed, cancelled by whom, completed before the cancel, or
/// no end reported by ACS.
/// </summary>
public partial class CallDetail
{
    private ElementReference _heading;

    /// <summary>The call as the current batch shows it.</summary>
    [Parameter, EditorRequired] public Call Call { get; set; } = null!;

    /// <summary>The clock for durations (refreshed by the page every second).</summary>
    [Parameter] public DateTimeOffset Now { get; set; }

    /// <summary>Waiting callers' places and the queues' names.</summary>
    [Parameter] public QueueLine Queues { get; set; } = QueueLine.Empty;

    /// <summary>The supervisor closed the detail.</summary>
    [Parameter] public EventCallback OnClose { get; set; }

    /// <summary>The board's attention rules: the call's alert and its acknowledgement are shown with them (none: not shown).</summary>
    [Parameter] public Attention? Attention { get; set; }

    /// <summary>Moves focus to the detail's heading (a call opened by keyboard).</summary>
    public ValueTask FocusAsync() => _heading.FocusAsync();

    /// <summary>The actions of <paramref name="scope"/> whose buttons belong on <paramref name="target"/>.</summary>
    private IEnumerable<SupervisorAction> Shown(ActionScope scope, string target) =>
        SupervisorActions.In(scope).Where(a => a.Shows(Call, target));

    private string RecordingText => Call.Recording switch
    {
        null => "Not recorded from the board.",
        { Status: RecordingStatus.Starting } => "Starting…",
        { Status: RecordingStatus.Active, Since: var since } => $"Recording since {Durations.Clock(since)} ({Durations.Format(Now - since)})",
        { Status: RecordingStatus.Paused, Since: var since } => $"Paused since {Durations.Clock(since)} ({Durations.Format(Now - since)})",
        { Status: RecordingStatus.Stopped, Since: var since } => $"Stopped at {Durations.Clock(since)}",
        _ => "",
    };

    private IEnumerable<Participant> Participants => Call.Participants.Values.OrderBy(p => p.JoinedAt).ThenBy(p => p.RawId, StringComparer.Ordinal);

    private IEnumerable<Invitation> Invitations => Call.Invitations.Values.OrderBy(i => i.RequestedAt);

    private IEnumerable<MediaOperation> Media => Call.MediaOperations.Values.OrderBy(m => m.StartedAt ?? m.EndedAt);

    private string InvitationNote(Invitation invitation) => invitation switch
    {
        { IsOpen: true } => $"ringing {Durations.Format(Now - invitation.RequestedAt)}, {Durations.Format(invitation.ExpiresAt - Now)} left",
        { CancelLostRace: true } => "accepted before the cancel took effect",
        { Status: InvitationStatus.TimedOut, NoOutcomeFromAcs: true } => "no answer from ACS",
        { Status: InvitationStatus.Accepted, NoOutcomeFromAcs: true } => "seen in the call",
        { Status: InvitationStatus.Cancelled, CancelRequest.Supervisor: { Length: > 0 } by } => "cancelled by " + by,
        { Status: InvitationStatus.Failed, LastResult: { } result } => result.ToString(),
        _ => "",
    };

    private string MediaNote(MediaOperation media) => media switch
    {
        { IsActive: true, StartedAt: { } started } => "started " + Durations.Clock(started),
        { Status: MediaStatus.Cancelled, CancelRequest.Supervisor: { Length: > 0 } by } => "cancelled by " + by,
        { Status: MediaStatus.Completed, CancelRequest: not null } => "completed before the cancel took effect",
        { Status: MediaStatus.Expired } => "no end reported by ACS",
        { Status: MediaStatus.Failed, LastResult: { } result } => result.ToString(),
        _ => "",
    };

    internal static string MediaKindText(MediaKind kind) => kind switch
    {
        MediaKind.Play => "Prompt",
        MediaKind.Recognize => "Menu (DTMF)",
        MediaKind.ContinuousDtmf => "DTMF",
        MediaKind.GraphPlayPrompt => "Prompt (Graph)",
        MediaKind.GraphRecordResponse => "Recording (Graph)",
        _ => kind.ToString(),
    };
}
