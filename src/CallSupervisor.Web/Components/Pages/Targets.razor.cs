using CallSupervisor.Core.Execution;
using CallSupervisor.Core.Feeds;
using CallSupervisor.Core.Figures;
using CallSupervisor.Core.Model;
using CallSupervisor.Web.Figures;
using CallSupervisor.Web.Security;
using CallSupervisor.Web.ViewModels;
using Microsoft.AspNetCore.Components;

namespace CallSupervisor.Web.Components.Pages;

/// <summary>
/// The queues' targets and thresholds: everyone signed in reads them, Administrators change them (the editor checks the
/// role again on the server). A change made elsewhere meanwhile is offered, not forced over the edits in progress.
/// </summary>
public partial class Targets
{
    private TargetsForm _form = null!;
    private CallSupervisor.Core.Settings.Targets _shown = null!;
    private Actor? _actor;
    private bool _saving;
    private bool _changedElsewhere;
    private string? _status;
    private bool _error;

    [Inject] public required TargetsEditor Editor { get; init; }

    [Inject] public required CurrentUser User { get; init; }

    [Inject] public required FigureOptions Figures { get; init; }

    [Inject] public required CallSupervisor.Core.Workflow.WorkflowOptions Workflow { get; init; }

    private bool CanEdit => _actor?.CanAdminister == true;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        Reload();
    }

    protected override async Task OnInitializedAsync() => _actor = await User.GetAsync();

    protected override void OnBatch(FeedBatch<CallsSnapshot, CallChange> batch)
    {
        if (batch.Changes.Any(c => c.Kind == CallChangeKind.Settings) && !Figures.TargetsOf(batch.State).SameAs(_shown))
        {
            // Someone who cannot edit has nothing to lose: they see the new targets at once. An editor is asked.
            if (CanEdit)
            {
                _changedElsewhere = true;
            }
            else
            {
                Reload();
            }
        }
    }

    private void Reload()
    {
        _shown = Figures.TargetsOf(State);
        _form = TargetsForm.Of(_shown, Workflow.Directory);
        _changedElsewhere = false;
    }

    private async Task SaveAsync()
    {
        if (_actor is null)
        {
            return;
        }
        _saving = true;
        _status = "Saving…";
        _error = false;
        try
        {
            // Against what this page showed, not the board now: a change made elsewhere meanwhile is offered first
            // (Save waits for it), so saving never undoes it unseen.
            var targets = _form.ToTargets();
            var problem = await Editor.SaveAsync(_actor, targets, _shown, CancellationToken.None);
            _error = problem is not null;
            _status = problem ?? "Saved: every screen uses the new targets now.";
            if (problem is null)
            {
                _shown = targets;
                _changedElsewhere = false;
            }
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentException or InvalidOperationException)
        {
            // A value no field allows (typed past its limits) or an unexpected refusal: said on the page, which stays.
            _error = true;
            _status = "Not saved: " + ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
