using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

internal static class PlaywrightDefaults
{
    /// <summary>
    /// Web-first assertions wait for their condition, but Playwright gives up after 5 s by default: on a loaded 2-core
    /// machine (two suites at once) a push that takes longer than that was reported as a failure. They still return as
    /// soon as the condition holds, so a longer bound costs nothing when the machine is quiet.
    /// </summary>
    [ModuleInitializer]
    internal static void WaitLongerOnABusyMachine() => Assertions.SetDefaultExpectTimeout(30_000);
}
