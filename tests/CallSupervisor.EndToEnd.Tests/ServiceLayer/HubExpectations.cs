using CallSupervisor.Client;
using CallSupervisor.Contracts;

namespace CallSupervisor.EndToEnd.Tests.ServiceLayer;

/// <summary>The library's waits with what a test expects in the failure message and the tests' default timeout.</summary>
internal static class HubExpectations
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Waits until <paramref name="condition"/> holds for the call; a timeout names <paramref name="what"/> and the call as last seen.</summary>
    public static async Task<CallDto> ExpectCallAsync(this CallsHubClient hub, string callId, Func<CallDto, bool> condition, string what, TimeSpan? timeout = null)
    {
        try
        {
            return await hub.WaitForCallAsync(callId, condition, timeout ?? DefaultTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"Expected {what}. {ex.Message}", ex);
        }
    }

    /// <summary>
    /// True at the first board newer than <paramref name="since"/> (at once if there already is one), false after
    /// <paramref name="timeout"/> without one. For loops that also re-read a side that pushes nothing.
    /// </summary>
    public static async Task<bool> NextBoardAsync(this CallsHubClient hub, CallBoard since, TimeSpan timeout)
    {
        try
        {
            await hub.WaitForAsync(board => !ReferenceEquals(board, since), timeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
