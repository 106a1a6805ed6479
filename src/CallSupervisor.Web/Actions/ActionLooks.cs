using MudBlazor;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Web.Actions;

/// <summary>
/// The screen's part of each action's descriptor: its icon. (Words, availability, the request and the settle rule
/// are the action's own, in Core; an icon is the one thing that belongs to the UI kit.)
/// </summary>
public static class ActionLooks
{
    public static string Icon(ActionKind kind) => kind switch
    {
        ActionKind.Mute => Icons.Material.Filled.MicOff,
        ActionKind.CancelInvitation => Icons.Material.Filled.PhoneDisabled,
        ActionKind.CancelMedia => Icons.Material.Filled.StopCircle,
        _ => Icons.Material.Filled.Bolt,
    };
}
