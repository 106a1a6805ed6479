using CallSupervisor.Core.Calls;

namespace CallSupervisor.Web.ViewModels;

/// <summary>The live calls page's search and filters; applying it is a single pass over the rows.</summary>
public sealed record CallFilter(string? Search = null, bool PendingInvitesOnly = false, bool RunningMediaOnly = false, CallState? State = null)
{
    public bool Matches(CallRow row) =>
        (!PendingInvitesOnly || row.PendingInvitations > 0)
        && (!RunningMediaOnly || row.RunningMedia > 0)
        && (State is null || row.State == State)
        && (string.IsNullOrWhiteSpace(Search) || row.SearchText.Contains(Search.Trim(), StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<CallRow> Apply(IEnumerable<CallRow> rows) => [.. rows.Where(Matches)];
}
