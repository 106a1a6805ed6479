namespace CallSupervisor.Core.Identifiers;

/// <summary>ACS callConnectionId, or the Graph call id for Graph-hosted calls.</summary>
public readonly record struct CallId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>ACS invitationId returned by AddParticipant and used by CancelAddParticipant.</summary>
public readonly record struct InvitationId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>
/// Identifies a media operation. ACS media requests return no id, so it is the operationContext the request
/// carried (echoed by PlayStarted/Completed/Failed/Canceled and Recognize*); for Graph it is the commsOperation id.
/// </summary>
public readonly record struct MediaOperationId(string Value)
{
    public override string ToString() => Value;
}
