namespace CallSupervisor.Emulator.Engine;

/// <summary>Menu keys as callers press them ("1", "*", "#") and as ACS reports them in RecognizeCompleted (the Tone enum: "one", "asterisk", "pound").</summary>
internal static class DtmfKeys
{
    private static readonly Dictionary<string, string> Tones = new(StringComparer.Ordinal)
    {
        ["0"] = "zero", ["1"] = "one", ["2"] = "two", ["3"] = "three", ["4"] = "four", ["5"] = "five", ["6"] = "six",
        ["7"] = "seven", ["8"] = "eight", ["9"] = "nine", ["*"] = "asterisk", ["#"] = "pound",
    };

    public static IEnumerable<string> Keys => Tones.Keys;

    public static bool IsKey(string key) => Tones.ContainsKey(key);

    /// <summary>The tone name of a key; throws <see cref="ArgumentException"/> for anything but 0–9, * and #.</summary>
    public static string Tone(string key) => Tones.TryGetValue(key, out var tone)
        ? tone
        : throw new ArgumentException($"'{key}' is not a menu key (use 0-9, * or #).");
}
