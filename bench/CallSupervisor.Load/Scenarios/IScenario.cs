using CallSupervisor.Load.Support;

namespace CallSupervisor.Load.Scenarios;

/// <summary>One measured path: starts what it needs, alternates app and baseline rounds, adds its figures.</summary>
public interface IScenario
{
    string Name { get; }

    Task RunAsync(ScenarioContext context);
}

public sealed record ScenarioContext(LoadOptions Options, Workspace Workspace, Report Report, CancellationToken Cancellation);
