using System.Collections.Concurrent;
using System.Reflection;
using CallSupervisor.Core.Actions;
using MudBlazor;

namespace CallSupervisor.Web.Actions;

/// <summary>
/// How an action's descriptor looks in MudBlazor: its icon by name from the Material set, its tone as a colour. The
/// descriptor (in Core) says which; nothing here names an action.
/// </summary>
public static class ActionLooks
{
    private static readonly ConcurrentDictionary<string, string> Icons = new(StringComparer.Ordinal);

    /// <summary>The Material icon named <paramref name="name"/> (e.g. <c>MicOff</c>); a neutral one for an unknown name.</summary>
    public static string Icon(string name) => Icons.GetOrAdd(name, static n =>
        typeof(MudBlazor.Icons.Material.Filled).GetField(n, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string
        ?? MudBlazor.Icons.Material.Filled.Bolt);

    public static Color Color(ActionTone tone) => tone switch
    {
        ActionTone.Neutral => MudBlazor.Color.Primary,
        ActionTone.Caution => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };
}
