namespace CallSupervisor.Core.Calls;

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

public enum InvitationStatus
{
    Pending,
    Cancelling,
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

public enum MediaStatus
{
    Running,
    Cancelling,
    Cancelled,
    Completed,
    Failed,

    /// <summary>No end event arrived within the media timeout; whether it completed is not known.</summary>
    Expired,
}
