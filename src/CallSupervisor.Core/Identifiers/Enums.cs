
namespace CallSupervisor.Core.Identifiers;

/// <summary>Which service hosts the call and therefore which API controls it.</summary>
public enum CallPlatform
{
    Acs,
    Graph,
}

/// <summary>Call connection state (ACS CallConnectionStateModel, Graph callState mapped onto it).</summary>
public enum CallState
{
    Unknown,
    Connecting,
    Connected,
    TransferAccepted,
    Disconnecting,
    Disconnected,
}

/// <summary>An invitation's state. A cancel in flight is a pending action on the call, not a status.</summary>
public enum InvitationStatus
{
    Pending,
    Cancelled,
    Accepted,
    Failed,
    TimedOut,
}

public enum MediaKind
{
    Play,
    Recognize,
    ContinuousDtmf,
    GraphPlayPrompt,
    GraphRecordResponse,
}

/// <summary>A media operation's state. A cancel in flight is a pending action on the call, not a status.</summary>
public enum MediaStatus
{
    Running,
    Cancelled,
    Completed,
    Failed,

    /// <summary>No end event arrived within the media timeout; whether it completed is not known.</summary>
    Expired,
}

/// <summary>What an agent has said about themself (through the agent API, a supervisor, or the router).</summary>
public enum AgentPresence
{
    Offline,
    Available,
    Away,
}

/// <summary>
/// An agent's state as the board shows it: their presence, unless a call says more (offered, on a call, wrapping
/// up). Ordered as a supervisor reads the Agents page.
/// </summary>
public enum AgentState
{
    Available,
    Offered,
    OnCall,
    WrapUp,
    Away,
    Offline,
}

/// <summary>How an offer to an agent ended.</summary>
public enum OfferOutcome
{
    /// <summary>The agent joined the call.</summary>
    Accepted,

    /// <summary>The agent declined (ACS AddParticipantFailed with a decline, or busy).</summary>
    Declined,

    /// <summary>The agent did not answer within the invitation timeout.</summary>
    NotAnswered,

    /// <summary>ACS refused the request, or the offer failed for another reason.</summary>
    Failed,

    /// <summary>Cancelled by a supervisor, or the caller hung up first: not the agent's doing.</summary>
    Withdrawn,
}
