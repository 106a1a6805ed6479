using CallSupervisor.Contracts;
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
/// the snapshot's. The three supervisor actions are hub methods
/// that go through the same executor as the dashboard's buttons; it checks the caller's role, so an Observer's
/// invocation is refused (and audited) however it was made.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Security.SupervisorPolicies.Observe)]
public sealed class CallsHub(
    ICallsFeed store, ActionExecutor actions, CallSupervisor.Web.Hosting.OperationsMonitor monitor,
    CallSupervisor.Core.Workflow.WorkflowOptions workflow, TimeProvider time) : Hub
{
    public const string Path = CallsHubContract.Path;

    public override async Task OnConnectedAsync()
    {
        // Version first: if the state read after it is newer, the client re-applies a batch it already has,
        // which is harmless (batches carry whole calls); the other order could make it drop a needed batch.
        var version = store.Version;
        foreach (var part in store.Current.ToDtoParts(version, CallsHubContract.SnapshotPartSize, workflow.Directory, time.GetUtcNow()))
        {
            await Clients.Caller.SendAsync(CallsHubContract.SnapshotMessage, part, Context.ConnectionAborted);
        }
        monitor.HubClientConnected();
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        monitor.HubClientDisconnected();
        return base.OnDisconnectedAsync(exception);
    }

    // Commands are not tied to the connection's lifetime: once sent, ACS may act on them, so a client that drops
    // mid-request must not turn a sent request into a "cancelled" entry in the audit trail.
    public Task<CommandResultDto> Mute(string callId, string participantRawId) =>
        ExecuteAsync(ActionRequest.Mute(new CallId(callId), participantRawId, Caller));

    public Task<CommandResultDto> CancelInvitation(string callId, string invitationId) =>
        ExecuteAsync(ActionRequest.CancelInvitation(new CallId(callId), new InvitationId(invitationId), Caller));

    public Task<CommandResultDto> CancelMedia(string callId) =>
        ExecuteAsync(ActionRequest.CancelMedia(new CallId(callId), Caller));

    private async Task<CommandResultDto> ExecuteAsync(ActionRequest command) =>
        (await actions.ExecuteAsync(command, CancellationToken.None)).ToDto();

    // Only signed-in users get here (Observe policy); whether they may act is the executor's decision.
    private Actor Caller => Security.Actors.From(Context.User) ?? new Actor("", "", []);
}
