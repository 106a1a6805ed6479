using System.Globalization;
using CallSupervisor.Audit.Queries;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Audit;
using CallSupervisor.Web.Audit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using CallSupervisor.Core.Events;

namespace CallSupervisor.Web.Components.Pages;

/// <summary>
/// The audit trail for auditors: filters, a page of rows newest first, keyset "Newer"/"Older" paging and a CSV
/// download of the same filters. Everything lives in the URL (<c>/audit?supervisor=…&amp;before=…</c>), so a view can
/// be shared, reloaded or exported as it is.
/// </summary>
public partial class Audit
{
    private static readonly Dictionary<string, object> DownloadAttributes = new() { ["download"] = "" };

    private AuditFilter _filter = AuditFilter.None;
    private AuditPage _page = new([], null, null);
    private bool _loaded;
    private string? _error;

    // The form's fields; applied to the URL by Apply.
    private string? _supervisor;
    private ActionKind? _action;
    private AuditStatus? _status;
    private string? _call;
    private string? _from;
    private string? _to;

    [Inject] public required IAuditQueries Queries { get; init; }

    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "supervisor")] public string? Supervisor { get; set; }

    [SupplyParameterFromQuery(Name = "action")] public string? ActionName { get; set; }

    [SupplyParameterFromQuery(Name = "status")] public string? StatusName { get; set; }

    [SupplyParameterFromQuery(Name = "call")] public string? CallId { get; set; }

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "before")] public long? Before { get; set; }

    [SupplyParameterFromQuery(Name = "after")] public long? After { get; set; }

    private string? NewerLink => _page.NewerAfter is { } after ? AuditLinks.PagePath + AuditLinks.Query(_filter, after: after) : null;

    private string? OlderLink => _page.OlderBefore is { } before ? AuditLinks.PagePath + AuditLinks.Query(_filter, before: before) : null;

    private string ExportLink => AuditLinks.ExportPath + AuditLinks.Query(_filter);

    protected override async Task OnParametersSetAsync()
    {
        _error = null;
        if (!AuditLinks.TryParse(Supervisor, ActionName, StatusName, CallId, From, To, out var filter, out var error))
        {
            _error = error;
            _page = new AuditPage([], null, null);
            return;
        }
        _filter = filter;
        (_supervisor, _action, _status, _call) = (filter.Supervisor, filter.Action, filter.Status, filter.CallId);
        (_from, _to) = (AuditLinks.FormatTime(filter.From), AuditLinks.FormatTime(filter.To));
        try
        {
            _page = await Queries.ReadPageAsync(filter, new AuditPageRequest(AuditPageRequest.DefaultSize, Before, After), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is down or slow: say so on the page rather than break the circuit.
            _error = "The audit trail could not be read: " + ex.Message;
            _page = new AuditPage([], null, null);
        }
        _loaded = true;
    }

    private void Apply()
    {
        if (!AuditLinks.TryParseTime(_from, out var from) || !AuditLinks.TryParseTime(_to, out var to))
        {
            _error = "From and To must be dates and times such as 2026-12-01T09:00 (UTC).";
            return;
        }
        var filter = new AuditFilter
        {
            Supervisor = string.IsNullOrWhiteSpace(_supervisor) ? null : _supervisor.Trim(),
            Action = _action,
            Status = _status,
            CallId = string.IsNullOrWhiteSpace(_call) ? null : _call.Trim(),
            From = from,
            To = to,
        };
        // A new filter starts at the newest rows.
        Navigation.NavigateTo(AuditLinks.PagePath + AuditLinks.Query(filter));
    }

    private void Clear() => Navigation.NavigateTo(AuditLinks.PagePath);

    private static string ActionText(ActionKind kind) => kind switch
    {
        // Audited changes that are not actions on a call: no descriptor.
        ActionKind.ChangeTargets => "Change targets",
        ActionKind.AcknowledgeAlert => "Acknowledge alert",
        _ => SupervisorActions.For(kind).Label,
    };

    private static string StatusText(AuditStatus status) => status switch
    {
        AuditStatus.LostRace => "Lost race",
        AuditStatus.NotConfirmed => "Not confirmed",
        AuditStatus.CallEnded => "Call ended",
        _ => status.ToString(),
    };

    private static Color StatusColor(AuditStatus status) => status switch
    {
        AuditStatus.Confirmed => Color.Success,
        AuditStatus.Failed => Color.Error,
        AuditStatus.Refused or AuditStatus.NotConfirmed => Color.Warning,
        AuditStatus.Sending or AuditStatus.Accepted => Color.Info,
        _ => Color.Default,
    };

    private static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
