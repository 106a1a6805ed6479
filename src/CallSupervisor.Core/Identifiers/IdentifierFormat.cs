using PhoneNumbers;

namespace CallSupervisor.Core.Identifiers;

/// <summary>
/// One short, readable form of an identifier for every screen, feed line and message: a phone number in its
/// international format, an ACS user by the part of its id that tells users apart, Teams ids shortened at the
/// middle so their distinct ends stay.
/// </summary>
public static class IdentifierFormat
{
    private const int MaxLength = 24;
    private const int MaxCachedPhones = 50_000;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    // Parsing and formatting a number costs microseconds and every row of every batch shows its caller's: the
    // formatted text is kept (bounded; cleared when full, since callers repeat far less than that within a day).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FormattedPhones = new(StringComparer.Ordinal);

    public static string Short(CommunicationIdentifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return identifier.Kind switch
        {
            IdentifierKind.PhoneNumber => Phone(identifier.Value),
            IdentifierKind.CommunicationUser => Shorten(AcsUserPart(identifier.Value)),
            _ => Shorten(identifier.Value),
        };
    }

    /// <summary>An E.164 number as people write it (<c>+14255550123</c> → <c>+1 425-555-0123</c>); anything else as given.</summary>
    public static string Phone(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (FormattedPhones.TryGetValue(number, out var known))
        {
            return known;
        }
        string formatted;
        try
        {
            formatted = Phones.Format(Phones.Parse(number, null), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            formatted = number;
        }
        if (FormattedPhones.Count >= MaxCachedPhones)
        {
            FormattedPhones.Clear();
        }
        FormattedPhones[number] = formatted;
        return formatted;
    }

    /// <summary>The kind as a person reads it.</summary>
    public static string Kind(IdentifierKind kind) => kind switch
    {
        IdentifierKind.PhoneNumber => "Phone",
        IdentifierKind.CommunicationUser => "ACS user",
        IdentifierKind.MicrosoftTeamsUser => "Teams user",
        IdentifierKind.MicrosoftTeamsApp => "Teams app",
        _ => "Unknown",
    };

    /// <summary>The platform as a person reads it.</summary>
    public static string Platform(CallPlatform platform) => platform switch
    {
        CallPlatform.Acs => "ACS",
        CallPlatform.Graph => "Teams (Graph)",
        _ => platform.ToString(),
    };

    // ACS user ids look like 8:acs:{resource}_{user}: every user of a resource shares the prefix, so the user part
    // is what tells people apart.
    private static string AcsUserPart(string value)
    {
        var tail = value[(value.LastIndexOf(':') + 1)..];
        var underscore = tail.IndexOf('_', StringComparison.Ordinal);
        return underscore >= 0 && underscore < tail.Length - 1 ? tail[(underscore + 1)..] : tail;
    }

    // Long GUID-like ids: keep both ends, which is where ids generated in sequence and random ids differ.
    private static string Shorten(string value) => value.Length > MaxLength ? value[..10] + "…" + value[^8..] : value;
}
