namespace CallSupervisor.Load.Scenarios;

public sealed class FirstRenderScenario : IScenario
{
    public string Name => "firstrender";

    public Task RunAsync(ScenarioContext context) => Task.CompletedTask;
}
