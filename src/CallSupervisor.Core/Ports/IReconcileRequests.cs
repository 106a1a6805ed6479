using CallSupervisor.Core.Identifiers;

namespace CallSupervisor.Core.Ports;

/// <summary>
/// Asks for a call to be re-read from ACS ahead of its periodic check, e.g. because an action on it failed with
/// "call not found": the board then stops showing a call ACS has already ended.
/// </summary>
public interface IReconcileRequests
{
    void RequestReconcile(CallId callId);
}

/// <summary>ACS's answer for a call connection it does not know (HTTP 404, code 8522).</summary>
public static class CallNotFound
{
    public const string AcsCode = "8522";

    public static bool Is(TelephonyError? error) => error is { HttpStatus: 404 } or { Code: AcsCode };
}
