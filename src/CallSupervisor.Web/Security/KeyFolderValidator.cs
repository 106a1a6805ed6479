using CallSupervisor.Audit.Data;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Security;

/// <summary>
/// Checks at start that the data-protection key folder (<c>Security:KeyPath</c>) can be written: otherwise the first
/// sign-in fails with a server error long after the start. Not used with Redis (the keys are kept there).
/// </summary>
internal sealed class KeyFolderValidator(string contentRoot, bool redis) : IValidateOptions<SecurityOptions>
{
    public static string DefaultPath => Path.Combine("data", "keys");

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (redis)
        {
            return ValidateOptionsResult.Success;
        }
        var folder = Path.GetFullPath(options.KeyPath ?? DefaultPath, contentRoot);
        return WritableFolder.Problem(folder) is { } problem
            ? ValidateOptionsResult.Fail($"Security:KeyPath: the data-protection keys cannot be written to {folder} ({problem}). Point it at a writable folder.")
            : ValidateOptionsResult.Success;
    }
}
