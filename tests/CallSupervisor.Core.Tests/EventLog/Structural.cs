using System.Collections;
using System.Globalization;
using System.Reflection;

namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>
/// Deep equality of two object graphs by their public properties. Record equality is not enough after a round trip:
/// records compare their <c>ImmutableArray</c>, <c>ImmutableDictionary</c> and <c>IReadOnlyList</c> members by
/// reference, so two equal rosters read back from JSON are never <c>==</c>. Dictionaries are compared as sets of
/// entries (their order is a hashing detail), lists element by element, <see cref="DateTimeOffset"/> with its offset.
/// </summary>
internal static class Structural
{
    public static void AssertEqual(object? expected, object? actual)
    {
        if (Difference(expected, actual, "$") is { } difference)
        {
            Assert.Fail(difference);
        }
    }

    /// <summary>The path and values of the first difference, or null when the graphs are equal.</summary>
    public static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : Differs(path, expected, actual);
        }
        switch (expected)
        {
            case DateTimeOffset at:
                return actual is DateTimeOffset otherAt && at.EqualsExact(otherAt) ? null : Differs(path, expected, actual);
            case string or TimeSpan or Enum or decimal or Type:
            case var _ when expected.GetType().IsPrimitive:
                return Equals(expected, actual) ? null : Differs(path, expected, actual);
            case IDictionary dictionary:
                return actual is IDictionary otherDictionary ? DictionaryDifference(dictionary, otherDictionary, path) : Differs(path, expected, actual);
            case IEnumerable sequence:
                return actual is IEnumerable otherSequence ? SequenceDifference(sequence, otherSequence, path) : Differs(path, expected, actual);
        }
        // Collections may come back as another type (an array as a List); anything else must be the same type.
        if (expected.GetType() != actual.GetType())
        {
            return $"{path}: {expected.GetType().Name} vs {actual.GetType().Name}";
        }
        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0
                && Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } difference)
            {
                return difference;
            }
        }
        return null;
    }

    private static string? DictionaryDifference(IDictionary expected, IDictionary actual, string path)
    {
        if (expected.Count != actual.Count)
        {
            return $"{path}: {expected.Count} entries vs {actual.Count}";
        }
        foreach (DictionaryEntry entry in expected)
        {
            var at = $"{path}[{entry.Key}]";
            if (!actual.Contains(entry.Key))
            {
                return $"{at}: missing";
            }
            if (Difference(entry.Value, actual[entry.Key], at) is { } difference)
            {
                return difference;
            }
        }
        return null;
    }

    private static string? SequenceDifference(IEnumerable expected, IEnumerable actual, string path)
    {
        var left = expected.Cast<object?>().ToList();
        var right = actual.Cast<object?>().ToList();
        if (left.Count != right.Count)
        {
            return $"{path}: {left.Count} items vs {right.Count}";
        }
        for (var i = 0; i < left.Count; i++)
        {
            if (Difference(left[i], right[i], $"{path}[{i}]") is { } difference)
            {
                return difference;
            }
        }
        return null;
    }

    private static string Differs(string path, object? expected, object? actual) =>
        $"{path}: expected {Show(expected)}, got {Show(actual)}";

    private static string Show(object? value) => value switch
    {
        null => "null",
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        _ => $"{value} ({value.GetType().Name})",
    };
}
