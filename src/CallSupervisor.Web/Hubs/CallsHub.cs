using System.Collections.Immutable;
using CallSupervisor.Contracts;
using CallSupervisor.Core.Actions;
using CallSupervisor.Core.Identifiers;
using CallSupervisor.Core.Store;
using Microsoft.AspNetCore.SignalR;
using CallSupervisor.Core.Execution;

namespace CallSupervisor.Web.Hubs;

/// <summary>
/// Live calls for non-Blazor clients (wallboards, scripts, tests). On connect the caller gets a
/// <c>snapshot</c>; every batch of store changes is pushed as <c>changed</c> by <see cref="CallsHubBroadcaster"/>.
/// A connection joins the broadcast before its snapshot is sent, so a client may receive <c>changed</c> batches
/// before the <c>snapshot</c>: keep them until the snapshot arrives, then apply only those with a version above
/// the snapshot's. Every supervisor action is the one hub method
/// <c>Execute(kind, callId, target, arguments)</c>, through the same executor as the dashboard's buttons; it checks
/// the caller's role, so an Observer's invocation is refused (and audited) however it was made.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Security.SupervisorPolicies.Observe)]
public sealed class CallsHub(
    ICallsFeed store, ActionExecutor actions, CallSupervisor.Core.Diagnostics.CallSupervisorMetrics metrics,
    CallSupervisor.Core.Workflow.WorkflowOptions workflow, CallSupervisor.Web.Figures.SharedDayFigures figures, TimeProvider time) : Hub
{
    public const string Path = CallsHubContract.Path;

    public override async Task OnConnectedAsync()
    {
        // Counted first: the broadcaster maps no batch while no client is counted, so every batch after the
        // version read below must see this one.
        metrics.HubClientConnected();
        try
        {
            // Version first: if the state read after it is newer, the client re-applies a batch it already has,
            // which is harmless (batches carry whole calls); the other order could make it drop a needed batch.
            var version = store.Version;
            foreach (var part in store.Current.ToDtoParts(version, CallsHubContract.SnapshotPartSize, workflow.Directory, time.GetUtcNow()))
            {
                await Clients.Caller.SendAsync(CallsHubContract.SnapshotMessage, part, Context.ConnectionAborted);
            }
            await Clients.Caller.SendAsync(CallsHubContract.FiguresMessage, FiguresBroadcaster.Now(store, figures, time), Context.ConnectionAborted);
            await base.OnConnectedAsync();
        }
        catch
        {
            // SignalR does not call OnDisconnectedAsync for a connection whose OnConnectedAsync failed.
            metrics.HubClientDisconnected();
            throw;
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.HubClientDisconnected();
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// Runs any supervisor action (see <see cref="CallsHubContract.Execute"/>). Not tied to the connection's lifetime:
    /// once sent, ACS may act on it, so a client that drops mid-request must not turn a sent request into a
    /// "cancelled" entry in the audit trail. An unknown kind or a missing id is refused with a reason, never a 500.
    /// </summary>
    public async Task<CommandResultDto> Execute(string kind, string callId, string? target, IDictionary<string, string>? arguments)
    {
        if (SupervisorActions.Named(kind) is not { } action)
        {
            return new CommandResultDto(nameof(ReceiptStatus.Refused), $"There is no action '{kind}'", null, null);
        }
        // Agent actions are about no call: any call id (or none) is accepted and ignored.
        var call = action.Scope == ActionScope.Agent ? CallSupervisor.Core.Events.AgentStateChanged.AgentsCallId.Value : callId;
        if (string.IsNullOrWhiteSpace(call))
        {
            return new CommandResultDto(nameof(ReceiptStatus.Refused), "A call id is required", null, null);
        }
        var request = new ActionRequest(action.Kind, new CallId(call), target ?? "", Caller)
        {
            Arguments = arguments is null ? ImmutableDictionary<string, string>.Empty : arguments.ToImmutableDictionary(StringComparer.Ordinal),
        };
        return (await actions.ExecuteAsync(request, CancellationToken.None)).ToDto();
    }

    // Only signed-in users get here (Observe policy); whether they may act is the executor's decision.
    private Actor Caller => Security.Actors.From(Context.User) ?? new Actor("", "", []);
}
