using CallSupervisor.Core.Actions;

namespace CallSupervisor.Web.Actions;

/// <summary>Asks the supervisor a question before an action that cannot be undone (MudBlazor dialog in the app, a fake in tests).</summary>
public interface IConfirmService
{
    /// <summary>True when the supervisor confirmed; the safe choice is focused first.</summary>
    Task<bool> ConfirmAsync(Confirmation confirmation);
}
