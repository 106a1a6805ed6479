using CallSupervisor.Audit.Data;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Board.EventLog;

/// <summary>
/// Checks at start that the embedded journal's folder can be written (it is created if missing), so an unwritable
/// <c>Journal:SqlitePath</c> stops the app with one message naming it. Not used with Redis (no local journal then).
/// </summary>
internal sealed class JournalStorageValidator(string contentRoot, bool redis) : IValidateOptions<JournalOptions>
{
    public ValidateOptionsResult Validate(string? name, JournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (redis || string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            return ValidateOptionsResult.Success;
        }
        var file = Path.GetFullPath(options.SqlitePath, contentRoot);
        return WritableFolder.ProblemForFile(file) is { } problem
            ? ValidateOptionsResult.Fail($"Journal:SqlitePath: the journal {file} cannot be written there ({problem}). Point it at a writable folder.")
            : ValidateOptionsResult.Success;
    }
}
