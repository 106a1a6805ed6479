using System.Runtime.CompilerServices;
using CallSupervisor.Core.Model;

namespace CallSupervisor.Web.ViewModels;

/// <summary>
/// Every call's row of one board, made once for every page that shows that board: pages walk it to filter, order and
/// count (an array is walked far faster than the board's immutable dictionary) without each keeping its own copy.
/// It lives as long as the board does (a weak table keyed by the immutable snapshot).
/// </summary>
public static class BoardRows
{
    private static readonly ConditionalWeakTable<CallsSnapshot, CallRow[]> Shared = new();

    public static CallRow[] Of(CallsSnapshot board) =>
        Shared.GetValue(board, static b => [.. b.Calls.Values.Select(CallRow.Of)]);
}
