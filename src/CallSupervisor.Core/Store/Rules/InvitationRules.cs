using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Core.Store.Rules;

/// <summary>
/// Invitations (participants being added). AddParticipantSucceeded/Failed carry no invitationId and are matched by
/// operationContext within the call; CancelAddParticipantSucceeded/Failed are matched by invitationId.
/// Terminal states (Accepted, Cancelled, Failed, TimedOut) are final, with one exception: AddParticipantSucceeded
/// wins over a cancel in flight and over Cancelled, because the invitee really is in the call — showing "cancelled"
/// for someone who is talking would be the one state that is certainly wrong. A cancel in flight is the call's
/// pending <see cref="CallSupervisor.Core.Events.ActionKind.CancelInvitation"/> action on the invitation.
/// </summary>
internal static class InvitationRules
{
    /// <summary>SIP 408 Request Timeout: ACS reports an invitation nobody answered with this code.</summary>
    public const int TimeoutCode = 408;

    /// <summary>SIP 487 Request Terminated: what a cancelled INVITE ends with.</summary>
    public const int TerminatedCode = 487;

    public static Fold Requested(Call call, InvitationRequested e)
    {
        if (call.Invitations.ContainsKey(e.InvitationId))
        {
            return Fold.Ignored($"invitation {e.InvitationId} is already known");
        }
        var invitation = new Invitation(e.InvitationId, e.Target, e.OperationContext, e.OccurredAt, e.Timeout, InvitationStatus.Pending);
        call = call with { Names = LifecycleRules.Named(call.Names, e.Target, e.TargetName) };
        var requested = NewEntry.Info(call.CallId, e.OccurredAt, $"Inviting {Describe.Who(WithInvitation(call, invitation), e.Target)} (rings up to {e.Timeout.TotalSeconds:0} s)");
        if (!call.UnmatchedAddResults.TryGetValue(e.OperationContext, out var early))
        {
            return Fold.Applied(WithInvitation(call, invitation), requested);
        }

        // The outcome overtook the response that announces the invitation: settle it at once.
        var pending = call with { UnmatchedAddResults = call.UnmatchedAddResults.Remove(e.OperationContext) };
        var settled = early.Succeeded
            ? Succeed(pending, invitation, early.At)
            : Fail(pending, invitation, early.Result, early.At);
        return settled.Call is { } settledCall
            ? Fold.Applied(settledCall, [requested, .. settled.Activity])
            : Fold.Applied(WithInvitation(pending, invitation), requested);
    }

    public static Fold Succeeded(Call call, AddParticipantSucceeded e)
    {
        if (e.OperationContext is null)
        {
            return Fold.Ignored("AddParticipantSucceeded without operationContext cannot be matched to an invitation");
        }
        return FindByContext(call, e.OperationContext) is { } invitation
            ? Succeed(call, invitation, e.OccurredAt)
            : RememberEarly(call, e.OperationContext, new EarlyAddResult(true, e.Participant, null, e.OccurredAt),
                $"{Describe.Who(call, e.Participant)} joined (invitation not known yet)");
    }

    public static Fold Failed(Call call, AddParticipantFailed e)
    {
        if (e.OperationContext is null)
        {
            return Fold.Ignored("AddParticipantFailed without operationContext cannot be matched to an invitation");
        }
        return FindByContext(call, e.OperationContext) is { } invitation
            ? Fail(call, invitation, e.Result, e.OccurredAt)
            : RememberEarly(call, e.OperationContext, new EarlyAddResult(false, e.Participant, e.Result, e.OccurredAt),
                $"Adding {Describe.Who(call, e.Participant)} failed: {Describe.Result(e.Result)} (invitation not known yet)");
    }

    public static Fold CancelSucceeded(Call call, CancelAddParticipantSucceeded e)
    {
        if (!call.Invitations.TryGetValue(e.InvitationId, out var invitation))
        {
            return Fold.Ignored($"unknown invitation {e.InvitationId}");
        }
        if (!invitation.IsOpen)
        {
            return Fold.Ignored($"invitation {e.InvitationId} is already {invitation.Status}");
        }
        var by = CancelOf(call, invitation);
        var cancelled = invitation with { Status = InvitationStatus.Cancelled, EndedAt = e.OccurredAt, CancelRequest = by };
        return Fold.Applied(
            WithInvitation(call, cancelled),
            NewEntry.Success(call.CallId, e.OccurredAt, $"Invitation to {Describe.Who(call, invitation.Target)} cancelled", NewEntry.By(by)));
    }

    /// <summary>
    /// A failed cancel leaves the invitation ringing (Pending) and remembers that a cancel was tried, so that a
    /// later AddParticipantSucceeded is reported as a lost race. On an Accepted invitation it changes nothing:
    /// the usual reason for the failure is exactly that the invitee accepted first.
    /// </summary>
    public static Fold CancelFailed(Call call, CancelAddParticipantFailed e)
    {
        if (!call.Invitations.TryGetValue(e.InvitationId, out var invitation))
        {
            return Fold.Ignored($"unknown invitation {e.InvitationId}");
        }
        if (!invitation.IsOpen)
        {
            return Fold.Ignored($"invitation {e.InvitationId} is already {invitation.Status}");
        }
        // A cancel sent by another client (or before a restart) has no recorded request: attribute it to nobody.
        var pending = call.PendingFor(CallSupervisor.Core.Events.ActionKind.CancelInvitation, invitation.InvitationId.Value);
        var by = pending?.Request ?? invitation.CancelRequest ?? new SupervisorRequest("", e.OccurredAt, e.OperationContext ?? "");
        var text = $"Cancel of invitation to {Describe.Who(call, invitation.Target)} failed: {Describe.Result(e.Result)}";
        var reverted = invitation with { LastResult = e.Result, CancelRequest = by };
        var next = WithInvitation(call, reverted);
        if (pending is not null)
        {
            next = ActionRules.Resolve(next, pending.OperationContext, CallSupervisor.Core.Model.ActionResult.Failed, text, e.OccurredAt);
        }
        return Fold.Applied(next, NewEntry.Warning(call.CallId, e.OccurredAt, text, NewEntry.By(by)));
    }

    /// <summary>
    /// Settles open invitations whose invitee has just joined (absent from <paramref name="before"/>'s roster,
    /// present in <paramref name="after"/>'s): ACS lets an invitee in only by accepting, so the roster proves the
    /// acceptance even when AddParticipantSucceeded is lost. A later AddParticipantSucceeded is then ignored. An
    /// invitation to someone who was already in the call is never settled this way.
    /// </summary>
    public static (Call Call, IReadOnlyList<ActivityEntry> Activity) SettleFromRoster(Call before, Call after, DateTimeOffset at)
    {
        var next = after;
        var entries = new List<ActivityEntry>();
        foreach (var invitation in after.Invitations.Values.Where(i => i.IsOpen
            && after.Participants.ContainsKey(i.Target.RawId) && !before.Participants.ContainsKey(i.Target.RawId)))
        {
            var fold = Succeed(next, invitation with { NoOutcomeFromAcs = true }, at);
            if (fold.Call is { } settled)
            {
                next = settled;
                entries.AddRange(fold.Activity);
            }
        }
        return (next, entries);
    }

    /// <summary>An open invitation past its timeout and grace with no outcome from ACS ends as timed out.</summary>
    public static Fold Expired(Call call, InvitationExpired e)
    {
        if (!call.Invitations.TryGetValue(e.InvitationId, out var invitation))
        {
            return Fold.Ignored($"unknown invitation {e.InvitationId}");
        }
        if (!invitation.IsOpen)
        {
            return Fold.Ignored($"invitation {e.InvitationId} is already {invitation.Status}");
        }
        var ended = invitation with { Status = InvitationStatus.TimedOut, EndedAt = e.OccurredAt, NoOutcomeFromAcs = true };
        return Fold.Applied(
            WithInvitation(call, ended),
            NewEntry.Warning(call.CallId, e.OccurredAt, $"Invitation to {Describe.Who(call, invitation.Target)} timed out (no answer from ACS)", NewEntry.By(CancelOf(call, invitation))));
    }

    private static Fold Succeed(Call call, Invitation invitation, DateTimeOffset at)
    {
        var who = Describe.Who(call, invitation.Target);
        var cancel = CancelOf(call, invitation);
        switch (invitation.Status)
        {
            case InvitationStatus.Pending when cancel is null:
                return Fold.Applied(
                    WithInvitation(call, invitation with { Status = InvitationStatus.Accepted, EndedAt = at }),
                    NewEntry.Success(call.CallId, at, invitation.NoOutcomeFromAcs
                        ? $"{who} accepted the invitation (seen in the call; ACS sent no outcome)"
                        : $"{who} accepted the invitation"));
            case InvitationStatus.Pending or InvitationStatus.Cancelled:
                var accepted = invitation with { Status = InvitationStatus.Accepted, EndedAt = at, CancelLostRace = true, CancelRequest = cancel };
                return Fold.Applied(
                    WithInvitation(call, accepted),
                    NewEntry.Warning(call.CallId, at, $"{who} accepted before the cancel took effect", NewEntry.By(cancel)));
            default:
                return Fold.Ignored($"invitation {invitation.InvitationId} is already {invitation.Status}");
        }
    }

    /// <summary>
    /// Failed, or TimedOut for code 408. While a cancel is in flight a 487 failure is the cancel taking effect, so
    /// it ends as Cancelled rather than as an unexplained failure.
    /// </summary>
    private static Fold Fail(Call call, Invitation invitation, ResultInfo? result, DateTimeOffset at)
    {
        if (!invitation.IsOpen)
        {
            return Fold.Ignored($"invitation {invitation.InvitationId} is already {invitation.Status}");
        }
        var who = Describe.Who(call, invitation.Target);
        var pending = call.PendingFor(CallSupervisor.Core.Events.ActionKind.CancelInvitation, invitation.InvitationId.Value);
        var (status, entry) = result?.Code switch
        {
            TerminatedCode when pending is not null =>
                (InvitationStatus.Cancelled, NewEntry.Success(call.CallId, at, $"Invitation to {who} cancelled", NewEntry.By(pending.Request))),
            TimeoutCode =>
                (InvitationStatus.TimedOut, NewEntry.Warning(call.CallId, at, $"Invitation to {who} timed out")),
            _ =>
                (InvitationStatus.Failed, NewEntry.Warning(call.CallId, at, $"Invitation to {who} failed: {Describe.Result(result)}")),
        };
        var ended = invitation with { Status = status, EndedAt = at, LastResult = result, CancelRequest = pending?.Request ?? invitation.CancelRequest };
        return Fold.Applied(WithInvitation(call, ended), entry);
    }

    /// <summary>The cancel in flight on the invitation, else the last one tried (null: nobody asked to cancel).</summary>
    private static SupervisorRequest? CancelOf(Call call, Invitation invitation) =>
        call.PendingFor(CallSupervisor.Core.Events.ActionKind.CancelInvitation, invitation.InvitationId.Value)?.Request ?? invitation.CancelRequest;

    private static Fold RememberEarly(Call call, string operationContext, EarlyAddResult result, string text)
    {
        if (call.UnmatchedAddResults.ContainsKey(operationContext))
        {
            return Fold.Ignored($"an outcome for operationContext '{operationContext}' is already waiting for its invitation");
        }
        var next = call with { UnmatchedAddResults = call.UnmatchedAddResults.Add(operationContext, result) };
        var entry = result.Succeeded ? NewEntry.Success(call.CallId, result.At, text) : NewEntry.Warning(call.CallId, result.At, text);
        return Fold.Applied(next, entry);
    }

    // Invitations per call are few: a scan is cheaper than keeping a second index in sync.
    private static Invitation? FindByContext(Call call, string operationContext) =>
        call.Invitations.Values.FirstOrDefault(i => i.OperationContext == operationContext);

    internal static Call WithInvitation(Call call, Invitation invitation) =>
        call with { Invitations = call.Invitations.SetItem(invitation.InvitationId, invitation) };
}
