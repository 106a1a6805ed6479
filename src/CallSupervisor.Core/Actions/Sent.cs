using CallSupervisor.Core.Events;
using CallSupervisor.Core.Ports;

namespace CallSupervisor.Core.Actions;

/// <summary>
/// What a request accepted by ACS told that the board must know at once, as events to apply (the invitation an
/// AddParticipant answered with: ACS sends no event of its own for it).
/// </summary>
public sealed record Sent(IReadOnlyList<CallEvent> Then)
{
    public static Sent Nothing { get; } = new([]);

    /// <summary>A request whose answer tells nothing more.</summary>
    public static async Task<TelephonyResult<Sent>> After(Task<TelephonyResult<Unit>> request)
    {
        var result = await request.ConfigureAwait(false);
        return result.Error is { } error ? TelephonyResult<Sent>.Fail(error) : TelephonyResult<Sent>.Ok(Nothing);
    }
}
