using CallSupervisor.Contracts;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Execution;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.Hubs;

internal static class CallDtoMapper
{
    /// <summary>The snapshot in parts of at most <paramref name="partSize"/> calls, live calls first (at least one part).</summary>
    public static IEnumerable<CallsSnapshotDto> ToDtoParts(this CallsSnapshot snapshot, long version, int partSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partSize, 1);
        var counts = snapshot.Counts.ToDto();
        var ordered = snapshot.Calls.Values
            .OrderBy(c => c.State == CallState.Disconnected)
            .ThenBy(c => c.StartedAt)
            .ToList();
        var parts = Math.Max(1, (ordered.Count + partSize - 1) / partSize);
        for (var part = 0; part < parts; part++)
        {
            // Mapped part by part, so the first goes out before the last is built.
            yield return new CallsSnapshotDto(version, counts, [.. ordered.Skip(part * partSize).Take(partSize).Select(ToDto)], part + 1, parts);
        }
    }

    public static CallDto ToDto(this Call call) => new(
        call.CallId.Value,
        call.Platform.ToString(),
        call.State.ToString(),
        call.Caller?.ToDto(),
        call.Callee?.ToDto(),
        call.StartedAt,
        call.EndedAt,
        call.NeedsReconcile,
        [.. call.Participants.Values.OrderBy(p => p.JoinedAt).Select(p =>
            new ParticipantDto(p.Identifier.ToDto(), p.IsMuted, p.IsOnHold, call.PendingFor(ActionKind.Mute, p.RawId) is not null, p.JoinedAt))],
        [.. call.Invitations.Values.OrderBy(i => i.RequestedAt).Select(i =>
            new InvitationDto(i.InvitationId.Value, i.Target.ToDto(), InvitationStatusText(call, i), i.RequestedAt, i.ExpiresAt, i.CancelLostRace, i.LastResult?.ToString(), i.NoOutcomeFromAcs))],
        [.. call.MediaOperations.Values.OrderBy(m => m.StartedAt).Select(m =>
            new MediaOperationDto(m.Id.Value, m.Kind.ToString(), m.Description, MediaStatusText(call, m), m.StartedAt, m.EndedAt, m.LastResult?.ToString()))]);

    // On the wire a cancel in flight is a status ("Cancelling"), as clients have always read it.
    private static string InvitationStatusText(Call call, Invitation i) =>
        i.IsOpen && call.PendingFor(ActionKind.CancelInvitation, i.InvitationId.Value) is not null ? "Cancelling" : i.Status.ToString();

    private static string MediaStatusText(Call call, MediaOperation m) =>
        m.IsActive && call.PendingFor(ActionKind.CancelMedia, "") is not null ? "Cancelling" : m.Status.ToString();

    public static CallCountsDto ToDto(this CallCounts c) => new(c.LiveCalls, c.Participants, c.PendingInvitations, c.RunningMedia);

    public static IdentifierDto ToDto(this CommunicationIdentifier id) => new(id.Kind.ToString(), id.RawId, id.Value);

    public static CommandResultDto ToDto(this ActionReceipt outcome) =>
        new(outcome.Status.ToString(), outcome.Message, outcome.Error?.Code, outcome.Error?.Message, outcome.OperationContext);
}
