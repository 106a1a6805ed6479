namespace CallSupervisor.Benchmarks.Support;

/// <summary>
/// Deterministic ids shaped like the real ones (CloudEvent ids, callConnectionIds and ACS user ids are GUIDs), so
/// hashing and comparing them costs what it costs in production.
/// </summary>
internal static class Ids
{
    public static string Guid(int a, short b) =>
        new System.Guid(a, b, 0x4c1e, 0x9c, 0x3b, 0x5e, 0x2f, 0x1a, 0x0b, 0x3c, 0x4d).ToString();

    /// <summary>An ACS user raw id: <c>8:acs:{resourceId}_{userId}</c>, about 80 characters.</summary>
    public static string AcsUser(int user) => $"8:acs:{Guid(0x0ac5, 1)}_{Guid(user, 2)}";
}
