namespace CallSupervisor.Core.Identifiers;

/// <summary>ACS resultInformation / Graph resultInfo: code, subcode and message of an outcome.</summary>
public sealed record ResultInfo(int Code, int SubCode, string? Message)
{
    public override string ToString() => $"{Code}/{SubCode}: {Message}";
}
