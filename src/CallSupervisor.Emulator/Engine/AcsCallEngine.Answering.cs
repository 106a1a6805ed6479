using CallSupervisor.Emulator.State;
using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.Engine;

internal sealed partial class AcsCallEngine
{
    /// <summary>
    /// A supervisor's own device (the directory gives supervisors ACS identities with this prefix): it answers every
    /// invitation and transfer, whatever the scenario scripts for other invitees, so listening in always works.
    /// </summary>
    internal const string SupervisorPrefix = "8:acs:emulator_supervisor-";

    /// <summary>A number that is always busy, so a declined transfer (or invitation) can be shown on demand.</summary>
    internal const string BusyNumber = "+14255550199";

    /// <summary>
    /// Who picks up an invitation or a transfer, and when: a supervisor's device and (for transfers) a phone number
    /// answer after the connect delay; <see cref="BusyNumber"/> refuses after it; the simulated agents follow the agent
    /// rules on contact-center calls (a caller with a plan) when the scenario leaves the outcome to chance; everyone
    /// else follows the scenario. <c>Agent</c> tells whether the agent's device must ring (it can be busy).
    /// </summary>
    private (bool Agent, InvitationBehavior Behavior, TimeSpan Delay) DecideAnswer(AcsCall call, IdentifierModel target, bool transfer)
    {
        if (IsBusyNumber(target))
        {
            // Declining takes half the delay (see ScheduleInvitation): the refusal comes after about the connect delay.
            return (false, InvitationBehavior.Decline, Sim.ConnectDelay * 2);
        }
        if (target.RawId?.StartsWith(SupervisorPrefix, StringComparison.Ordinal) == true || (transfer && target.Kind == Identifiers.PhoneNumber))
        {
            return (false, InvitationBehavior.AcceptAfter, Sim.ConnectDelay);
        }
        var agent = desk.IsAgent(target.RawId) && call.Plan is not null && call.Scenario.InvitationBehavior == InvitationBehavior.Random;
        var (behavior, delay) = agent ? DecideOffer(call.Scenario) : DecideInvitation(call.Scenario);
        return (agent, behavior, delay);
    }

    private static bool IsBusyNumber(IdentifierModel target) => target.PhoneNumber?.Value == BusyNumber;
}
