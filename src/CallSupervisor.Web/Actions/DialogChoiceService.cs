using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Model;
using CallSupervisor.Web.Components.Dialogs;
using MudBlazor;

namespace CallSupervisor.Web.Actions;

/// <summary><see cref="IChoiceService"/> as a MudBlazor dialog (<see cref="ChooseDialog"/>).</summary>
public sealed class DialogChoiceService(IDialogService dialogs) : IChoiceService
{
    public async Task<Choice?> ChooseAsync(SupervisorAction action, Call call)
    {
        var parameters = new DialogParameters<ChooseDialog> { { d => d.Action, action }, { d => d.Call, call } };
        var options = new DialogOptions { CloseOnEscapeKey = true, CloseButton = false, MaxWidth = MaxWidth.Small, FullWidth = true };
        var dialog = await dialogs.ShowAsync<ChooseDialog>(action.Label, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: Choice choice } ? choice : null;
    }
}
