using CallSupervisor.Emulator.Wire;

namespace CallSupervisor.Emulator.State;

internal enum AcsCallState
{
    Incoming,
    Connecting,
    Connected,
    Disconnected,
}

/// <summary>
/// One emulated ACS call. Mutable, and only touched under the engine's lock; the admin API sees it through
/// <see cref="CallSnapshot"/>.
/// </summary>
internal sealed class AcsCall(string scenarioId, CallScenario scenario, IdentifierModel caller, IdentifierModel target, string callerName = "")
{
    /// <summary>The caller's display name as the IncomingCall carries it (callerDisplayName); empty when unknown.</summary>
    public string CallerName { get; } = callerName;

    public string ScenarioId { get; } = scenarioId;

    public CallScenario Scenario { get; } = scenario;

    public string CallConnectionId { get; } = Guid.NewGuid().ToString();

    public string ServerCallId { get; } = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"https://emulator.conv.skype.test/conv/{Guid.NewGuid():N}"))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public string CorrelationId { get; } = Guid.NewGuid().ToString();

    public string IncomingCallContext { get; } = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "." + Convert.ToBase64String(Guid.NewGuid().ToByteArray());

    public IdentifierModel Caller { get; } = caller;

    /// <summary>Who was called (the app's number); reported as targets and answeredFor.</summary>
    public IdentifierModel Target { get; } = target;

    public AcsCallState State { get; set; } = AcsCallState.Incoming;

    /// <summary>The caller's behaviour in the contact center; null for a scenario call that asks for none.</summary>
    public CallerPlan? Plan { get; init; }

    /// <summary>An invitee (an agent) has connected: the caller's patience no longer runs, the handle time does.</summary>
    public bool AgentConnected { get; set; }

    public Uri? CallbackUri { get; set; }

    public string? AnswerOperationContext { get; set; }

    /// <summary>Answer requests that named this call's incomingCallContext, the refused ones included.</summary>
    public int AnswerRequests { get; set; }

    public List<AcsParticipant> Participants { get; } = [];

    public List<AcsInvitation> Invitations { get; } = [];

    public List<AcsMediaOperation> Media { get; } = [];

    /// <summary>:transferToParticipant requests, ringing or ended.</summary>
    public List<AcsTransfer> Transfers { get; } = [];

    /// <summary>The call's recording (one at a time); null when none was started or it was stopped.</summary>
    public AcsRecording? Recording { get; set; }

    /// <summary>Last ParticipantsUpdated sequence number sent for this call.</summary>
    public int SequenceNumber { get; set; }

    public bool IsLive => State is AcsCallState.Connecting or AcsCallState.Connected;

    public AcsParticipant? FindParticipant(IdentifierModel id) => Participants.Find(p => Identifiers.SameAs(p.Identifier, id));
}

internal sealed class AcsParticipant(IdentifierModel identifier)
{
    public IdentifierModel Identifier { get; } = identifier;

    public bool IsMuted { get; set; }

    public bool IsOnHold { get; set; }

    public CallParticipantModel ToModel() => new(Identifier, IsMuted, IsOnHold);
}

internal enum InvitationStatus
{
    Ringing,
    Accepted,
    Declined,
    TimedOut,
    Canceled,

    /// <summary>The invitee was already ringing for, or on, a call: the offer failed at once.</summary>
    Busy,
}

internal sealed class AcsInvitation(IdentifierModel target, string? operationContext, Uri callbackUri, TimeSpan timeout, InvitationBehavior behavior)
{
    public string InvitationId { get; } = Guid.NewGuid().ToString();

    public IdentifierModel Target { get; } = target;

    public string? OperationContext { get; } = operationContext;

    public Uri CallbackUri { get; } = callbackUri;

    public TimeSpan Timeout { get; } = timeout;

    public InvitationBehavior Behavior { get; } = behavior;

    public InvitationStatus Status { get; set; } = InvitationStatus.Ringing;
}

internal enum MediaKind
{
    Play,
    Recognize,
}

internal enum MediaStatus
{
    Queued,
    Running,
    Completed,
    Canceled,
}

/// <summary>
/// A media operation. <see cref="Duration"/> null: it runs until canceled or the call ends (a looped play, such as hold
/// music); such an operation plays in the background and does not hold up the operations queued after it.
/// </summary>
internal sealed class AcsMediaOperation(MediaKind kind, string? operationContext, Uri callbackUri, TimeSpan? duration)
{
    public string OperationId { get; } = Guid.NewGuid().ToString();

    public MediaKind Kind { get; } = kind;

    public string? OperationContext { get; } = operationContext;

    public Uri CallbackUri { get; } = callbackUri;

    public TimeSpan? Duration { get; } = duration;

    public bool RunsInBackground => Duration is null;

    /// <summary>The DTMF tones a recognize collects; null draws four random ones.</summary>
    public IReadOnlyList<string>? Tones { get; init; }

    public MediaStatus Status { get; set; } = MediaStatus.Queued;
}
