namespace CallSupervisor.Emulator.Delivery;

/// <summary>
/// What a log may say of a callback address: the Event Grid webhook carries its secret in the query
/// (<c>?key=…</c>), so logs get the address without the query.
/// </summary>
internal static class Redact
{
    public static string Address(Uri target) =>
        string.IsNullOrEmpty(target.Query) ? target.ToString() : target.GetLeftPart(UriPartial.Path) + "?(query not logged)";
}
