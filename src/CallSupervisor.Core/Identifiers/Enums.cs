
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
