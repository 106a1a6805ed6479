using CallSupervisor.Core.Events;

namespace CallSupervisor.Core.Workflow;

/// <summary>
/// Where facts the app learns from its own requests go (an invitation id from an AddParticipant response, a
/// media operation it started). The web host routes them through the same queue as callbacks, so the store
/// applies everything in one order.
/// </summary>
public interface ICallEventSink
{
    void Publish(CallEvent callEvent);
}
