namespace CallSupervisor.Telephony.Acs.Wire;

/// <summary>PlayRequest (POST :play). Without <c>playTo</c> ACS plays to everyone in the call.</summary>
internal sealed record PlayRequest
{
    public required IReadOnlyList<PlaySource> PlaySources { get; init; }

    public IReadOnlyList<CommunicationIdentifierModel>? PlayTo { get; init; }

    public PlayOptions? PlayOptions { get; init; }

    public string? OperationContext { get; init; }
}

/// <summary>PlayOptions: <c>loop</c> plays the source until the operation is cancelled.</summary>
internal sealed record PlayOptions
{
    public required bool Loop { get; init; }
}

/// <summary>PlaySource; only the <c>file</c> kind is used.</summary>
internal sealed record PlaySource
{
    public required string Kind { get; init; }

    public FileSource? File { get; init; }

    public static PlaySource FromFile(Uri uri) => new() { Kind = "file", File = new FileSource(uri.AbsoluteUri) };
}

internal sealed record FileSource(string Uri);

/// <summary>RecognizeRequest (POST :recognize).</summary>
internal sealed record RecognizeRequest
{
    public required string RecognizeInputType { get; init; }

    public PlaySource? PlayPrompt { get; init; }

    public required RecognizeOptions RecognizeOptions { get; init; }

    public string? OperationContext { get; init; }
}

internal sealed record RecognizeOptions
{
    public bool? InterruptPrompt { get; init; }

    public int? InitialSilenceTimeoutInSeconds { get; init; }

    public required CommunicationIdentifierModel TargetParticipant { get; init; }

    public DtmfOptions? DtmfOptions { get; init; }
}

internal sealed record DtmfOptions
{
    public int? InterToneTimeoutInSeconds { get; init; }

    public int? MaxTonesToCollect { get; init; }

    public IReadOnlyList<string>? StopTones { get; init; }
}
