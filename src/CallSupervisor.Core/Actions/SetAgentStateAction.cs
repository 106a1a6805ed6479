using CallSupervisor.Core.Events;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Model;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// A supervisor sets an agent Available, Away (with a reason) or Offline (signs them out). Not a request to ACS: it is
/// the agent's state in the event log (<see cref="AgentStateChanged"/>), carried out at once and audited like every
/// action. It never takes an agent off a call or withdraws a ringing offer: the state applies when those end.
/// </summary>
public sealed class SetAgentStateAction : SupervisorAction
{
    public const string StateArgument = "state";
    public const string ReasonArgument = "reason";

    public override ActionKind Kind => ActionKind.SetAgentState;

    public override ActionScope Scope => ActionScope.Agent;

    public override ActionTone Tone => ActionTone.Caution;

    public override string Icon => "ManageAccounts";

    public override string Label => "Set state";

    public override string BusyLabel => "Setting…";

    public override Preparation Prepare(ActionAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        if (ask.Directory.AgentEndpoint(ask.Target) is null)
        {
            return Preparation.Refuse($"There is no agent '{ask.Target}'");
        }
        var given = ask.Arguments.GetValueOrDefault(StateArgument)?.Trim();
        if (!Enum.TryParse<AgentPresence>(given, ignoreCase: true, out var presence) || !Enum.IsDefined(presence) || int.TryParse(given, out _))
        {
            return Preparation.Refuse($"The state must be Available, Away or Offline{(string.IsNullOrEmpty(given) ? "" : $", not '{given}'")}");
        }
        var arguments = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add(StateArgument, presence.ToString());
        var reason = ask.Arguments.GetValueOrDefault(ReasonArgument)?.Trim();
        if (reason is { Length: > 200 })
        {
            return Preparation.Refuse("The reason is longer than 200 characters");
        }
        if (reason is not null && reason.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            return Preparation.Refuse("The reason must be one line of text, without control characters");
        }
        arguments = string.IsNullOrEmpty(reason) ? arguments.Remove(ReasonArgument) : arguments.SetItem(ReasonArgument, reason);
        return ask.Board.Agents.TryGetValue(ask.Target, out var agent) && Same(agent, presence, reason)
            ? Preparation.Refuse($"{ask.Target} is already {presence}")
            : new Preparation(ask.Target, arguments);
    }

    // Nothing would change: an available agent has no reason to keep (the one the router or sign-in gave is not the
    // supervisor's), and no reason given keeps the one there. A wrap-up is ended by any state set, so it is a change.
    private static bool Same(Agent agent, AgentPresence presence, string? reason) =>
        agent.Presence == presence && agent.WrapUpSince is null
        && (presence == AgentPresence.Available || string.IsNullOrEmpty(reason) || agent.Reason == reason);

    /// <summary>The state change as the event log keeps it.</summary>
    public static AgentStateChanged Change(PendingAction pending, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var presence = Enum.Parse<AgentPresence>(pending.Argument(StateArgument) ?? nameof(AgentPresence.Offline));
        return new AgentStateChanged($"action:{pending.OperationContext}", at, pending.Target, presence, pending.Argument(ReasonArgument) ?? (presence == AgentPresence.Offline ? "Signed out by a supervisor" : null))
        {
            By = pending.Request.Supervisor,
            ByUserId = pending.Request.SupervisorId,
        };
    }

    public override string Describe(Call call, string target) => $"State change of agent {target}";

    public override string AccessibleName(Call call, string target) => $"Set the state of agent {target}";

    // Agent actions are not about a call: the executor runs them on the agents (see ActionExecutor).
    protected override Availability CheckTarget(Call call, string target) => Availability.Refused("Not an action on a call");

    public override Task<TelephonyResult<Sent>> SendAsync(ActionPorts ports, Call call, PendingAction pending, CancellationToken cancellationToken) =>
        Task.FromResult(TelephonyResult<Sent>.Ok(Sent.Nothing));

    public override Settlement? Settled(Call call, PendingAction pending) => null;
}
