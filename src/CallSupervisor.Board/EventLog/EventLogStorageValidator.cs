using CallSupervisor.Audit.Data;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Board.EventLog;

/// <summary>
/// Checks at start that the embedded event log's folder can be written (it is created if missing), so an unwritable
/// <c>EventLog:SqlitePath</c> stops the app with one message naming it. Not used with Redis (no local event log then).
/// </summary>
internal sealed class EventLogStorageValidator(string contentRoot, bool redis) : IValidateOptions<EventLogOptions>
{
    public ValidateOptionsResult Validate(string? name, EventLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (redis || string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            return ValidateOptionsResult.Success;
        }
        var file = Path.GetFullPath(options.SqlitePath, contentRoot);
        return WritableFolder.ProblemForFile(file) is { } problem
            ? ValidateOptionsResult.Fail($"EventLog:SqlitePath: the event log {file} cannot be written there ({problem}). Point it at a writable folder.")
            : ValidateOptionsResult.Success;
    }
}
