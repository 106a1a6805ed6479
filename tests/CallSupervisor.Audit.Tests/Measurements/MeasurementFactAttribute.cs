namespace CallSupervisor.Audit.Tests.Measurements;

/// <summary>
/// A measurement, not a check: it runs only with <c>AUDIT_MEASURE=1</c> (it seeds a million rows) and reports
/// figures without asserting limits.
/// </summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("AUDIT_MEASURE") != "1")
        {
            Skip = "Measurement: set AUDIT_MEASURE=1 to run (see the README's Audit trail section)";
        }
        Timeout = 0;
    }
}
