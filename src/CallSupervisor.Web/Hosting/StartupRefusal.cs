using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Hosting;

/// <summary>
/// How the app refuses to start over a setting: one line per refused setting on standard error, naming it, and exit
/// code <see cref="ExitCode"/> — not an unhandled exception's stack trace and the runtime's abort (exit code 134),
/// which look like a crash to whoever reads them. Only bad settings are reported this way; any other failure at start
/// keeps its stack trace.
/// </summary>
public static class StartupRefusal
{
    /// <summary>The exit code of a refusal (EX_CONFIG of sysexits.h: "configuration error").</summary>
    public const int ExitCode = 78;

    /// <summary>
    /// True when this app is the process (started with <c>dotnet CallSupervisor.Web.dll</c> or <c>dotnet run</c>). A
    /// test host that runs the app's entry point in its own process gets the exception instead, as it expects.
    /// </summary>
    public static bool OwnsProcess => System.Reflection.Assembly.GetEntryAssembly() == typeof(StartupRefusal).Assembly;

    /// <summary>A settings check failed: options validation (one or several at once).</summary>
    public static bool IsRefusal(Exception exception) => exception switch
    {
        OptionsValidationException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsRefusal),
        _ => false,
    };

    /// <summary>Writes each failure on its own line and returns <see cref="ExitCode"/>.</summary>
    public static int Report(Exception refusal, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var failure in Failures(refusal).Distinct(StringComparer.Ordinal))
        {
            output.WriteLine("CallSupervisor cannot start: " + failure);
        }
        return ExitCode;
    }

    private static IEnumerable<string> Failures(Exception exception) => exception switch
    {
        OptionsValidationException options => options.Failures,
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Failures),
        _ => [exception.Message],
    };
}
