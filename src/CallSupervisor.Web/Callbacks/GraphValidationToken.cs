namespace CallSupervisor.Web.Callbacks;

/// <summary>
/// The shape of Graph's subscription validation token: opaque printable text (Graph sends e.g. "Validation: Testing
/// client application reachability for subscription Request-Id: …"). Anything with markup or control characters is
/// not one, and is not echoed.
/// </summary>
public static class GraphValidationToken
{
    public const int MaxLength = 1024;

    public static bool IsWellFormed(string? token) =>
        token is { Length: > 0 and <= MaxLength } && token.All(c => c is >= ' ' and <= '~' && c is not ('<' or '>' or '"' or '\'' or '&' or '`'));
}
