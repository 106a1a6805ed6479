using CallSupervisor.Audit.Data;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Audit;

/// <summary>
/// Checks at start that the SQLite audit database's folder can be written (created if missing), so an unwritable
/// path stops the app with one message naming the setting instead of the driver's "unable to open database file".
/// </summary>
internal sealed class AuditStorageValidator(string contentRoot) : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != AuditProvider.Sqlite || (string.IsNullOrWhiteSpace(options.SqlitePath) && string.IsNullOrWhiteSpace(options.ConnectionString)))
        {
            return ValidateOptionsResult.Success;
        }
        string? file;
        try
        {
            file = AuditStorage.SqliteFile(options, contentRoot);
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:Audit is not a SQLite connection string: {ex.Message}");
        }
        var setting = string.IsNullOrWhiteSpace(options.ConnectionString) ? "Audit:SqlitePath" : "ConnectionStrings:Audit";
        return file is not null && WritableFolder.ProblemForFile(file) is { } problem
            ? ValidateOptionsResult.Fail($"{setting}: the audit database {file} cannot be written there ({problem}). Point it at a writable folder.")
            : ValidateOptionsResult.Success;
    }
}
