using CallSupervisor.Core.Calls;
using CallSupervisor.Core.Commands;
using CallSupervisor.Core.Store;
using Microsoft.AspNetCore.SignalR;

namespace CallSupervisor.Web.Hubs;

/// <summary>
/// Live calls for non-Blazor clients (wallboards, scripts, tests). On connect the caller gets a
/// <c>snapshot</c>; every batch of store changes is pushed as <c>changed</c> by <see cref="CallsHubBroadcaster"/>.
/// Versions let a client drop a batch older than its snapshot. The three supervisor actions are hub methods
/// that go through the same validated command service as the dashboard's buttons.
/// </summary>
public sealed class CallsHub(CallStore store, SupervisorCommandService commands) : Hub
{
    public const string Path = "/hubs/calls";
    public const string SnapshotMessage = "snapshot";
    public const string ChangedMessage = "changed";

    public override async Task OnConnectedAsync()
    {
        // Version first: if the state read after it is newer, the client re-applies a batch it already has,
        // which is harmless (batches carry whole calls); the other order could make it drop a needed batch.
        var version = store.Version;
        await Clients.Caller.SendAsync(SnapshotMessage, store.Current.ToDto(version), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public async Task<CommandResultDto> Mute(string callId, string participantRawId) =>
        (await commands.ExecuteAsync(new MuteParticipant(new CallId(callId), participantRawId, Supervisor), Context.ConnectionAborted)).ToDto();

    public async Task<CommandResultDto> CancelInvitation(string callId, string invitationId) =>
        (await commands.ExecuteAsync(new CancelInvitation(new CallId(callId), new InvitationId(invitationId), Supervisor), Context.ConnectionAborted)).ToDto();

    public async Task<CommandResultDto> CancelMedia(string callId) =>
        (await commands.ExecuteAsync(new CancelMedia(new CallId(callId), Supervisor), Context.ConnectionAborted)).ToDto();

    private string Supervisor => Context.User?.Identity?.Name is { Length: > 0 } name ? name : "hub:" + Context.ConnectionId[..8];
}
