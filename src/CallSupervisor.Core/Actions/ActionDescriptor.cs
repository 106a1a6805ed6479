namespace CallSupervisor.Core.Actions;

/// <summary>
/// Where an action's button sits: on the call, its media (the whole call's media at once), its recording, a
/// participant, an invitation, or an agent.
/// </summary>
public enum ActionScope
{
    Call,
    Media,
    Recording,
    Participant,
    Invitation,
    Agent,
}

/// <summary>
/// How a button looks: neutral (changes nothing for good — mute, listen), caution (disturbs the call but can be
/// undone — hold, transfer, assign), destructive (cannot be undone — remove, hang up, cancel).
/// </summary>
public enum ActionTone
{
    Neutral,
    Caution,
    Destructive,
}

/// <summary>What an action asks for before it runs, beyond its target: nothing, an available agent, or an agent or a phone number.</summary>
public enum ActionInput
{
    None,
    Agent,
    AgentOrNumber,
}
