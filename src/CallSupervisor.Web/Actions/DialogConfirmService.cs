using CallSupervisor.Core.Actions;
using CallSupervisor.Web.Components.Dialogs;
using MudBlazor;

namespace CallSupervisor.Web.Actions;

/// <summary><see cref="IConfirmService"/> as a MudBlazor dialog (<see cref="ConfirmDialog"/>).</summary>
public sealed class DialogConfirmService(IDialogService dialogs) : IConfirmService
{
    public async Task<bool> ConfirmAsync(Confirmation confirmation)
    {
        var parameters = new DialogParameters<ConfirmDialog> { { d => d.Confirmation, confirmation } };
        var options = new DialogOptions { CloseOnEscapeKey = true, CloseButton = false, MaxWidth = MaxWidth.ExtraSmall, FullWidth = true };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(confirmation.Title, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
