using System.Reflection;
using NetArchTest.Rules;

namespace CallSupervisor.Core.Tests.Architecture;

/// <summary>
/// Core's folders are layers, each depending only on those before it (README, "Where things are"). Read from the
/// compiled code (method bodies included), so a shortcut through a higher layer fails here rather than in review.
/// </summary>
public sealed class LayerTests
{
    // Lowest first. Feeds (the generic change feed) stands apart and may be used by any layer.
    private static readonly string[] Layers =
    [
        "Diagnostics", "Identifiers", "Settings", "Ports", "Events", "Model", "Actions", "Store", "EventLog", "Audit", "Execution", "Routing", "Workflow", "Figures",
    ];

    private static readonly Assembly Core = typeof(CallEvent).Assembly;

    public static TheoryData<string> LayerNames() => [.. Layers];

    [Theory]
    [MemberData(nameof(LayerNames))]
    public void Layer_DependsOnlyOnLowerLayers(string layer)
    {
        var higher = Layers.SkipWhile(l => l != layer).Skip(1).Select(l => "CallSupervisor.Core." + l).ToArray();
        if (higher.Length == 0)
        {
            return;
        }

        var result = Types.InAssembly(Core)
            .That().ResideInNamespace("CallSupervisor.Core." + layer)
            .ShouldNot().HaveDependencyOnAny(higher)
            .GetResult();

        Assert.True(result.IsSuccessful,
            $"{layer} uses a higher layer: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void EveryCoreNamespace_IsALayerOrTheFeed()
    {
        var namespaces = Core.GetTypes()
            .Select(t => t.Namespace)
            .Where(n => n is not null && n.StartsWith("CallSupervisor.Core.", StringComparison.Ordinal))
            .Select(n => n!["CallSupervisor.Core.".Length..].Split('.')[0])
            .Distinct();

        Assert.All(namespaces, n => Assert.True(n == "Feeds" || Layers.Contains(n), $"CallSupervisor.Core.{n} is in no layer"));
    }
}
