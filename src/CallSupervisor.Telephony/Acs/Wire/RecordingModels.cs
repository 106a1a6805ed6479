namespace CallSupervisor.Telephony.Acs.Wire;

/// <summary>StartCallRecordingRequest (POST /calling/recordings).</summary>
internal sealed record StartCallRecordingRequest
{
    public required CallLocator CallLocator { get; init; }

    public string? RecordingStateCallbackUri { get; init; }

    public string? RecordingContentType { get; init; }

    public string? RecordingChannelType { get; init; }

    public string? RecordingFormatType { get; init; }
}

/// <summary>CallLocator: here always a server call (the call's serverCallId).</summary>
internal sealed record CallLocator
{
    public string? Kind { get; init; }

    public string? ServerCallId { get; init; }
}

/// <summary>RecordingStateResponse.</summary>
internal sealed record RecordingStateResponse
{
    public string? RecordingId { get; init; }

    public string? RecordingState { get; init; }

    public string? RecordingKind { get; init; }
}
