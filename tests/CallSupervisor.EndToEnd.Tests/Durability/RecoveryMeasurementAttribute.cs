namespace CallSupervisor.EndToEnd.Tests.Durability;

/// <summary>
/// A measurement, not a check: it runs only with <c>RECOVERY_MEASURE=1</c> (it opens a thousand calls) and reports
/// figures without asserting limits.
/// </summary>
public sealed class RecoveryMeasurementAttribute : FactAttribute
{
    public RecoveryMeasurementAttribute()
    {
        if (Environment.GetEnvironmentVariable("RECOVERY_MEASURE") != "1")
        {
            Skip = "Measurement: set RECOVERY_MEASURE=1 to run (see docs/deployment.md, Measured)";
        }
    }
}
