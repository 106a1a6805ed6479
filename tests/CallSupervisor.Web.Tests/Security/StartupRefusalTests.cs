using CallSupervisor.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Tests.Security;

/// <summary>How a refused start is reported: one line per refused setting, exit code 78; other failures are no refusal.</summary>
public sealed class StartupRefusalTests
{
    [Fact]
    public void Report_SeveralRefusals_OneLineEachAndExitCode78()
    {
        var refused = new AggregateException(
            new OptionsValidationException("EventLog", typeof(object), ["EventLog:SqlitePath: cannot be written.", "EventLog:ProbeInterval must be between 100 ms and 1 minute."]),
            new OptionsValidationException("Security", typeof(object), ["AllowedHosts must list the dashboard's host names."]));
        using var output = new StringWriter();

        var exitCode = StartupRefusal.Report(refused, output);

        Assert.True(StartupRefusal.IsRefusal(refused));
        Assert.Equal(78, exitCode);
        Assert.Equal(
            [
                "CallSupervisor cannot start: EventLog:SqlitePath: cannot be written.",
                "CallSupervisor cannot start: EventLog:ProbeInterval must be between 100 ms and 1 minute.",
                "CallSupervisor cannot start: AllowedHosts must list the dashboard's host names.",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void IsRefusal_OtherFailures_No()
    {
        Assert.False(StartupRefusal.IsRefusal(new InvalidOperationException("a bug")));
        Assert.False(StartupRefusal.IsRefusal(new AggregateException(new OptionsValidationException("x", typeof(object), ["x"]), new IOException("disk"))));
        // Under a test host the app is not the process: the exception goes to the host.
        Assert.False(StartupRefusal.OwnsProcess);
    }
}
