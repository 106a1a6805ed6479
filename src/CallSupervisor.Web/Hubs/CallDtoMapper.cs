using CallSupervisor.Contracts;
using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Commands;
using CallSupervisor.Core.Store;

namespace CallSupervisor.Web.Hubs;

internal static class CallDtoMapper
{
    public static CallsSnapshotDto ToDto(this CallsSnapshot snapshot, long version) =>
        new(version, snapshot.Counts.ToDto(), [.. snapshot.Calls.Values.OrderBy(c => c.StartedAt).Select(ToDto)]);

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
            new ParticipantDto(p.Identifier.ToDto(), p.IsMuted, p.IsOnHold, p.IsMutePending, p.JoinedAt))],
        [.. call.Invitations.Values.OrderBy(i => i.RequestedAt).Select(i =>
            new InvitationDto(i.InvitationId.Value, i.Target.ToDto(), i.Status.ToString(), i.RequestedAt, i.ExpiresAt, i.CancelLostRace, i.LastResult?.ToString(), i.NoOutcomeFromAcs))],
        [.. call.MediaOperations.Values.OrderBy(m => m.StartedAt).Select(m =>
            new MediaOperationDto(m.Id.Value, m.Kind.ToString(), m.Description, m.Status.ToString(), m.StartedAt, m.EndedAt, m.LastResult?.ToString()))]);

    public static CallCountsDto ToDto(this CallCounts c) => new(c.LiveCalls, c.Participants, c.PendingInvitations, c.RunningMedia);

    public static IdentifierDto ToDto(this CommunicationIdentifier id) => new(id.Kind.ToString(), id.RawId, id.Value);

    public static CommandResultDto ToDto(this CommandOutcome outcome) =>
        new(outcome.Status.ToString(), outcome.Message, outcome.Error?.Code, outcome.Error?.Message);
}
