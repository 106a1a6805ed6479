using CallSupervisor.Contracts;
using CallSupervisor.Core.Routing;
using CallSupervisor.Core.Tests.Store;
using CallSupervisor.Core.Workflow;
using CallSupervisor.Testing;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallSupervisor.Web.Tests.Hubs;

/// <summary>The hub's change pushes: mapped and sent only while a hub client is connected.</summary>
public sealed class CallsHubBroadcasterTests
{
    private static readonly WorkflowOptions Workflow = new(false, ContactCenterDirectory.Empty, new Uri("https://media.example/hold.wav"), new Uri("https://media.example/menu.wav"), TimeSpan.FromSeconds(20));

    [Fact]
    public async Task ExecuteAsync_NoHubClient_MapsAndSendsNothingUntilOneConnects()
    {
        var store = new CallStore(TimeProvider.System, new CallStoreOptions(TimeSpan.Zero));
        var metrics = new CallSupervisor.Core.Diagnostics.CallSupervisorMetrics(new CallSupervisor.Core.Diagnostics.CallSupervisorMeter());
        using var monitor = new OperationsMonitor(metrics, TimeProvider.System);
        var hub = new RecordingHubContext();
        using var broadcaster = new CallsHubBroadcaster(store, hub, Microsoft.Extensions.Options.Options.Create(new DashboardOptions()),
            Workflow, monitor, metrics, TimeProvider.System, NullLogger<CallsHubBroadcaster>.Instance);
        await broadcaster.StartAsync(CancellationToken.None);
        var events = new TestEvents();

        // A change per read: the broadcaster subscribes on its own thread, so the first ones may come before it does.
        // Whichever it does with a batch (skip it, or push it), it has done it once this holds.
        var before = 0;
        await Eventually.UntilAsync(
            () =>
            {
                store.Apply(events.Connected(new CallId($"before-{before++}")));
                return Task.FromResult(broadcaster.Skipped + hub.Sent.Count);
            },
            n => n > 0, "a batch handled");
        Assert.Empty(hub.Sent);

        metrics.HubClientConnected();
        store.Apply(events.Connected(new CallId("after")));
        var sent = await Eventually.UntilAsync(() => Task.FromResult(hub.Sent), s => s.Count > 0, "a push once a client is connected");

        Assert.Contains(sent, s => s.Method == CallsHubContract.ChangedMessage
            && ((CallsChangedDto)s.Args[0]!).Changed.Any(c => c.CallId == "after"));
        await broadcaster.StopAsync(CancellationToken.None);
    }

    /// <summary>Records what is sent to all clients.</summary>
    private sealed class RecordingHubContext : IHubContext<CallsHub>
    {
        private readonly RecordingClients _clients = new();

        public IReadOnlyList<(string Method, object?[] Args)> Sent => _clients.Sent;

        public IHubClients Clients => _clients;

        public IGroupManager Groups => throw new NotSupportedException();
    }

    private sealed class RecordingClients : IHubClients, IClientProxy
    {
        private readonly List<(string Method, object?[] Args)> _sent = [];

        public IReadOnlyList<(string Method, object?[] Args)> Sent
        {
            get
            {
                lock (_sent)
                {
                    return [.. _sent];
                }
            }
        }

        public IClientProxy All => this;

        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            lock (_sent)
            {
                _sent.Add((method, args));
            }
            return Task.CompletedTask;
        }

        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public ISingleClientProxy Client(string connectionId) => throw new NotSupportedException();

        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

        public IClientProxy Group(string groupName) => throw new NotSupportedException();

        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IClientProxy Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

        public IClientProxy User(string userId) => throw new NotSupportedException();

        public IClientProxy Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();

        IClientProxy IHubClients<IClientProxy>.Client(string connectionId) => throw new NotSupportedException();
    }
}
