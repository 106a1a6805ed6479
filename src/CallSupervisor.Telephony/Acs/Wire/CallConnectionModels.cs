namespace CallSupervisor.Telephony.Acs.Wire;

/// <summary>AnswerCallRequest (POST /calling/callConnections:answer).</summary>
internal sealed record AnswerCallRequest
{
    public required string IncomingCallContext { get; init; }

    public required string CallbackUri { get; init; }

    public string? OperationContext { get; init; }
}

/// <summary>CallConnectionProperties (answer response, GET callConnections/{id}).</summary>
internal sealed record CallConnectionProperties
{
    public string? CallConnectionId { get; init; }

    public string? ServerCallId { get; init; }

    public IReadOnlyList<CommunicationIdentifierModel>? Targets { get; init; }

    public string? CallConnectionState { get; init; }

    public string? CallbackUri { get; init; }

    public PhoneNumberIdentifierModel? SourceCallerIdNumber { get; init; }

    public string? SourceDisplayName { get; init; }

    public CommunicationIdentifierModel? Source { get; init; }

    public string? CorrelationId { get; init; }
}

/// <summary>GetParticipantsResponse: one page of participants and the link to the next.</summary>
internal sealed record GetParticipantsResponse
{
    public IReadOnlyList<CallParticipantModel>? Value { get; init; }

    public string? NextLink { get; init; }
}

/// <summary>CommunicationErrorResponse; Graph errors have the same <c>{"error":{"code","message"}}</c> shape.</summary>
internal sealed record CommunicationErrorResponse(CommunicationError? Error);

internal sealed record CommunicationError
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    public string? Target { get; init; }

    public CommunicationError? InnerError { get; init; }
}
