namespace CallSupervisor.Emulator.Http;

internal static class AcsApi
{
    /// <summary>The only api-version the emulator serves (the contract in shared/contracts/acs).</summary>
    public const string Version = "2024-09-15";
}
