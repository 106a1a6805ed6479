using Microsoft.Extensions.Options;

namespace CallSupervisor.Audit;

/// <summary>Checks the <c>Audit</c> settings at start: a bad value stops the app with a message naming the setting.</summary>
internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add("Audit:Provider must be Sqlite or PostgreSql.");
        }
        if (options.Provider == AuditProvider.PostgreSql && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("ConnectionStrings:Audit must be set when Audit:Provider is PostgreSql.");
        }
        if (options.Provider == AuditProvider.Sqlite && string.IsNullOrWhiteSpace(options.SqlitePath) && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Audit:SqlitePath must be set when Audit:Provider is Sqlite.");
        }
        if (options.Retention < TimeSpan.FromDays(1))
        {
            failures.Add("Audit:Retention must be at least 1 day.");
        }
        if (options.CallRecordRetention < TimeSpan.FromDays(1))
        {
            failures.Add("Audit:CallRecordRetention must be at least 1 day.");
        }
        if (options.RetentionInterval < TimeSpan.FromMinutes(1))
        {
            failures.Add("Audit:RetentionInterval must be at least 1 minute.");
        }
        if (options.UnsettledAfter < TimeSpan.FromSeconds(1))
        {
            failures.Add("Audit:UnsettledAfter must be at least 1 s.");
        }
        if (options.QueueCapacity is < 1_000 or > 10_000_000)
        {
            failures.Add("Audit:QueueCapacity must be between 1,000 and 10,000,000.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
