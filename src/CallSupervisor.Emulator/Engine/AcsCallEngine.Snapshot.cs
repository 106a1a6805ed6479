using CallSupervisor.Emulator.State;

namespace CallSupervisor.Emulator.Engine;

internal sealed partial class AcsCallEngine
{
    protected override CallSnapshot ToSnapshot(AcsCall call) => new(
        call.ScenarioId, "acs", call.CallConnectionId, call.ServerCallId, call.CorrelationId, Name(call.State),
        call.CallbackUri?.ToString(), call.Caller,
        call.Participants.Select(p => p.ToModel()).ToList(),
        call.Invitations.Select(i => new InvitationSnapshot(
            i.InvitationId, i.Target, i.OperationContext, Name(i.Status), Name(i.Behavior), i.Timeout.TotalSeconds)).ToList(),
        call.Media.Select(m => new MediaSnapshot(m.OperationId, Name(m.Kind), m.OperationContext, Name(m.Status), m.Duration?.TotalSeconds)).ToList(),
        call.SequenceNumber, call.AnswerRequests,
        call.Transfers.Select(t => new TransferSnapshot(
            t.TransferId, t.Target, t.Transferee, t.OperationContext, Name(t.Status), Name(t.Behavior))).ToList(),
        call.Recording is { } r
            ? new RecordingSnapshot(r.RecordingId, Name(r.State), r.Paused, r.StartDateTime, r.CallbackUri.ToString(), r.ContentType, r.ChannelType, r.FormatType)
            : null);
}
