namespace CallSupervisor.Emulator.State;

internal enum RecordingState
{
    Active,
    Inactive,
}

/// <summary>
/// A call recording (POST /calling/recordings). <see cref="Paused"/> is what the app asked for; <see cref="State"/> is
/// what RecordingStateChanged last reported (inactive until the start takes effect). Touched only under the engine's lock.
/// </summary>
internal sealed class AcsRecording(AcsCall call, Uri callbackUri, DateTimeOffset startDateTime, string contentType, string channelType, string formatType)
{
    public string RecordingId { get; } = Guid.NewGuid().ToString("N");

    public AcsCall Call { get; } = call;

    /// <summary>recordingStateCallbackUri, else the call's callback.</summary>
    public Uri CallbackUri { get; } = callbackUri;

    public DateTimeOffset StartDateTime { get; } = startDateTime;

    public string ContentType { get; } = contentType;

    public string ChannelType { get; } = channelType;

    public string FormatType { get; } = formatType;

    public bool Paused { get; set; }

    public RecordingState State { get; set; } = RecordingState.Inactive;

    /// <summary>Stopped (DELETE) or its call ended: every later operation answers 404.</summary>
    public bool Stopped { get; set; }
}
