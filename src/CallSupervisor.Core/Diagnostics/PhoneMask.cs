using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CallSupervisor.Core.Diagnostics;

/// <summary>
/// Hides a caller's phone number in what is logged: the last four digits become <c>*</c> (<c>+14255550123</c> →
/// <c>+1425555****</c>, raw id <c>4:+14255550123</c> → <c>4:+1425555****</c>), enough to tell calls apart in a log
/// without writing down whom they were from. Other identifiers (ACS users, Teams users and apps) are ids the audit
/// trail already keeps and pass unchanged.
/// </summary>
public static partial class PhoneMask
{
    private const string PhoneRawIdPrefix = "4:";
    private const int Hidden = 4;

    /// <summary>The value with a phone number's last four digits masked; anything else as it is (null stays null).</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Mask(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }
        var number = value.StartsWith(PhoneRawIdPrefix, StringComparison.Ordinal) ? value.AsSpan(PhoneRawIdPrefix.Length) : value.AsSpan();
        if (!IsPhoneNumber(number))
        {
            return value;
        }
        // Digits only are hidden (a '+' or separators stay), counted from the end; a short number is hidden whole.
        var masked = value.ToCharArray();
        var left = Hidden;
        for (var i = masked.Length - 1; i >= value.Length - number.Length && left > 0; i--)
        {
            if (char.IsAsciiDigit(masked[i]))
            {
                masked[i] = '*';
                left--;
            }
        }
        return new string(masked);
    }

    /// <summary>
    /// <paramref name="text"/> (an error from ACS or Graph, a record's description) with every E.164 number in it
    /// masked: a service's message can quote the participant it is about, and the app's own descriptions name a caller
    /// as shown (<c>+1 425-555-0123</c>). Only a <c>+</c> and 7–15 digits (with separators between them) count, so
    /// dates, ids and counts stay as they are.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? InText(string? text) =>
        string.IsNullOrEmpty(text) || !text.Contains('+', StringComparison.Ordinal)
            ? text
            : E164().Replace(text, m => MaskLastDigits(m.Value));

    // The last four digits of a number as written (+14255550123, or +1 425-555-0123 as the app shows it) hidden.
    private static string MaskLastDigits(string number)
    {
        var masked = number.ToCharArray();
        var left = Hidden;
        for (var i = masked.Length - 1; i >= 0 && left > 0; i--)
        {
            if (char.IsAsciiDigit(masked[i]))
            {
                masked[i] = '*';
                left--;
            }
        }
        return new string(masked);
    }

    // '+', then 7–15 digits, each after at most two separators (spaces, dashes, dots, parentheses): E.164 and the
    // international format the app shows (+1 425-555-0123).
    [GeneratedRegex(@"\+\d(?:[ \-.()]{0,2}\d){6,14}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex E164();

    // E.164 or a number as people write it: an optional '+', then digits with spaces, dashes, dots or parentheses.
    private static bool IsPhoneNumber(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }
        var digits = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c == '+' && i == 0) && c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }
        return digits > 0;
    }
}
