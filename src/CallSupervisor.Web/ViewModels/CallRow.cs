using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// One grid row, flattened from a <see cref="Call"/> once per batch so sorting, filtering and rendering read
/// plain fields (10,000 rows stay cheap).
/// </summary>
public sealed record CallRow(
    CallId CallId,
    string Caller,
    string Callee,
    CallPlatform Platform,
    CallState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    int Participants,
    int Muted,
    int PendingInvitations,
    int RunningMedia,
    string SearchText)
{
    public string Id => CallId.Value;

    public static CallRow From(Call call)
    {
        var caller = IdentifierText.Display(call.Caller);
        var callee = IdentifierText.Display(call.Callee);
        var participants = call.Participants.Values;
        return new CallRow(
            call.CallId,
            caller,
            callee,
            call.Platform,
            call.State,
            call.StartedAt,
            call.EndedAt,
            participants.Count(),
            participants.Count(p => p.IsMuted),
            call.Invitations.Values.Count(i => i.IsOpen),
            call.MediaOperations.Values.Count(m => m.IsActive),
            string.Join(' ', new[] { caller, callee, call.CallId.Value }.Concat(participants.Select(p => IdentifierText.Display(p.Identifier)))));
    }
}
