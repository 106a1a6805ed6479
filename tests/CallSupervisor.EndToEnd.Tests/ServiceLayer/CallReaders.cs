using CallSupervisor.Contracts;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>Look-ups on a hub call shared by the hub-level tests.</summary>
internal static class CallReaders
{
    public static ParticipantDto? AcsUser(this CallDto call) =>
        call.Participants.FirstOrDefault(p => p.Identifier.Kind == "CommunicationUser");

    public static ParticipantDto? Participant(this CallDto call, string rawId) =>
        call.Participants.FirstOrDefault(p => p.Identifier.RawId == rawId);
}
