using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;

namespace CallSupervisor.Core.Tests.EventLog;

/// <summary>
/// Builds an instance of any event (or record in one) by reflection, every constructor parameter and settable
/// property given a value, so a new event type or a new field is covered by the round-trip tests without anyone
/// writing a sample for it. <see cref="Full"/> sets every optional value too, each one different from its type's
/// default (a field that is not written would read back as the default and fail); <see cref="Sparse"/> leaves
/// every nullable one null and collections empty (nothing written for them must still read back).
/// </summary>
internal sealed class SampleValues
{
    private static readonly NullabilityInfoContext Nullability = new();
    private readonly bool _sparse;
    private int _next;

    private SampleValues(bool sparse) => _sparse = sparse;

    public static object Full(Type type) => new SampleValues(sparse: false).Create(type, nullable: false)!;

    public static object Sparse(Type type) => new SampleValues(sparse: true).Create(type, nullable: false)!;

    private object? Create(Type type, bool nullable)
    {
        var n = ++_next;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return _sparse ? null : Create(underlying, nullable: false);
        }
        if (nullable && _sparse && !type.IsValueType)
        {
            return null;
        }
        return type switch
        {
            _ when type == typeof(string) => $"text-{n} \"quoted\" ünïcode/€",
            _ when type == typeof(int) => 1000 + n,
            _ when type == typeof(long) => 10_000_000_000L + n,
            _ when type == typeof(bool) => true,
            _ when type == typeof(double) => 0.25 + n / 1000.0,
            // Sub-millisecond ticks and an offset other than UTC: both must survive.
            _ when type == typeof(DateTimeOffset) =>
                new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(n % 2 == 0 ? 2 : -5)).AddTicks(1234567 + n),
            _ when type == typeof(TimeSpan) => TimeSpan.FromTicks(300_001_234L + n),
            _ when type.IsEnum => LastMember(type),
            // Alternately an identifier written as its raw id alone and one that needs the object form.
            _ when type == typeof(CommunicationIdentifier) => n % 2 == 0
                ? CommunicationIdentifier.Phone(string.Create(CultureInfo.InvariantCulture, $"+1425555{n:D4}"))
                : new CommunicationIdentifier(IdentifierKind.MicrosoftTeamsUser, $"8:orgid:user-{n}", $"user-{n}-other"),
            _ when IsGeneric(type, typeof(ImmutableArray<>)) => Collection(type, typeof(ImmutableArray)),
            _ when IsGeneric(type, typeof(ImmutableList<>)) => Collection(type, typeof(ImmutableList)),
            _ when IsGeneric(type, typeof(IReadOnlyList<>)) => Array(type.GetGenericArguments()[0]),
            _ when type == typeof(ImmutableDictionary<string, string>) => ImmutableDictionary<string, string>.Empty
                .Add($"key-{n}", $"value-{n} \"quoted\" ünïcode/€").Add($"other-{n}", ""),
            _ when type == typeof(ImmutableDictionary<string, CallSupervisor.Core.Settings.QueueTargets>) => _sparse
                ? ImmutableDictionary<string, CallSupervisor.Core.Settings.QueueTargets>.Empty
                : ImmutableDictionary<string, CallSupervisor.Core.Settings.QueueTargets>.Empty.Add($"queue-{n}", (CallSupervisor.Core.Settings.QueueTargets)Record(typeof(CallSupervisor.Core.Settings.QueueTargets))),
            _ when type.IsGenericType => throw new NotSupportedException($"Add a sample for {type}."),
            _ => Record(type),
        };
    }

    private static object LastMember(Type enumType)
    {
        var values = Enum.GetValues(enumType);
        return values.GetValue(values.Length - 1)!;
    }

    private static bool IsGeneric(Type type, Type definition) => type.IsGenericType && type.GetGenericTypeDefinition() == definition;

    private Array Array(Type element)
    {
        var items = System.Array.CreateInstance(element, _sparse ? 0 : 2);
        for (var i = 0; i < items.Length; i++)
        {
            items.SetValue(Create(element, nullable: false), i);
        }
        return items;
    }

    private object Collection(Type type, Type factory)
    {
        var element = type.GetGenericArguments()[0];
        var createRange = factory.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == "CreateRange" && m.GetParameters() is [{ ParameterType.IsGenericType: true } p]
                && p.ParameterType.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return createRange.MakeGenericMethod(element).Invoke(null, [Array(element)])!;
    }

    // The widest public constructor, then every settable property the constructor does not set.
    private object Record(Type type)
    {
        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new NotSupportedException($"{type} has no public constructor.");
        var parameters = constructor.GetParameters();
        var instance = constructor.Invoke(parameters.Select(p => Create(p.ParameterType, IsNullable(p))).ToArray());
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } && !parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.Ordinal)))
            {
                property.SetValue(instance, Create(property.PropertyType, Nullability.Create(property).WriteState == NullabilityState.Nullable));
            }
        }
        return instance;
    }

    private static bool IsNullable(ParameterInfo parameter) =>
        Nullability.Create(parameter).WriteState == NullabilityState.Nullable;
}
