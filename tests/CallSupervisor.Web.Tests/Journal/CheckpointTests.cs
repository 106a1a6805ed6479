using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Events;
using CallSupervisor.Core.Journal;
using CallSupervisor.Core.Tests;
using CallSupervisor.Core.Tests.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Journal;

/// <summary>The leader's checkpoints are written beside the replica's apply loop: a slow save does not stop the board.</summary>
public sealed class CheckpointTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "callsupervisor-checkpoint-" + Guid.NewGuid().ToString("N"));
    private readonly GatedCheckpoints _checkpoints = new();

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private static CallConnected Connected(int n) =>
        new($"ce-{n}", new CallId($"call-{n}"), DateTimeOffset.UnixEpoch, CallPlatform.Acs, null, null, null, null);

    [Fact]
    public async Task SlowCheckpointSave_TheBoardKeepsApplying_AndTheCheckpointLandsAfterwards()
    {
        await using var app = await JournalHarness.StartAsync(_folder, new FakeCallAutomationPort(), new ManualTimeProvider(), workflow: false,
            settings: new Dictionary<string, string?> { ["Journal:CheckpointEvery"] = "10" },
            replace: services => services.AddSingleton<ICheckpointStore>(_checkpoints));
        try
        {
            for (var n = 1; n <= 10; n++)
            {
                await app.Pipeline.AcceptAsync([Connected(n)], CancellationToken.None);
            }
            await _checkpoints.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

            // The save hangs (a remote database's round trip, stretched): records after it still reach the board.
            await app.Pipeline.AcceptAsync([Connected(11)], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            await app.WaitForAsync(s => s.Find(new CallId("call-11")) is not null, "the call after the checkpoint");
            Assert.Null(_checkpoints.Saved);
        }
        finally
        {
            // Before the harness stops: its last checkpoint would wait for the gate too.
            _checkpoints.Release.TrySetResult();
        }
        await app.Replica.CheckpointNowAsync(CancellationToken.None);
        Assert.NotNull(_checkpoints.Saved);
    }

    private sealed class GatedCheckpoints : ICheckpointStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Checkpoint? Saved { get; private set; }

        public Task<Checkpoint?> LoadAsync(CancellationToken cancellationToken) => Task.FromResult<Checkpoint?>(null);

        public async Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            Saved = checkpoint;
        }
    }
}
