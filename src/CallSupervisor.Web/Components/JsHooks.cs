using Microsoft.JSInterop;

namespace CallSupervisor.Web.Components;

/// <summary>Browser-side watchers of js/app.js (scroll, focus) that return an object with <c>dispose()</c>.</summary>
internal static class JsHooks
{
    /// <summary>Unhooks <paramref name="hook"/> (if any) when a page goes; a circuit already gone has nothing to unhook.</summary>
    public static async Task UnhookAsync(IJSObjectReference? hook)
    {
        if (hook is null)
        {
            return;
        }
        try
        {
            await hook.InvokeVoidAsync("dispose");
            await hook.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone: nothing to unhook.
        }
    }
}
