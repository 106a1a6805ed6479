using System.Diagnostics;
using System.Net;
using CallSupervisor.Core.Diagnostics;
using CallSupervisor.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CallSupervisor.Web.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class ActionTraceTests : IAsyncLifetime
{
    private WebApplication _acs = null!;
    private TraceApp _trace = null!;

    // ACS as far as a mute needs it: every request answered 200 (the request's span is what the test looks at).
    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _acs = builder.Build();
        _acs.Run(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{}");
        });
        await _acs.StartAsync();
        var address = _acs.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _trace = new TraceApp(new Dictionary<string, string>
        {
            ["Acs:ConnectionString"] = $"endpoint={address}/;accesskey=" + Convert.ToBase64String(new byte[32]),
        });
    }

    public async Task DisposeAsync()
    {
        await _trace.DisposeAsync();
        await _acs.DisposeAsync();
    }

    [Fact]
    public async Task Mute_Traced_ActionSpanHoldsTheAcsRequest_AndTheSettlingCallbackLinksToIt()
    {
        using var client = _trace.App.CreateClient();
        using (var connected = await _trace.PostAsync(client, TraceApp.Connected("act-e1", "call-act") + "," + TraceApp.Roster("act-e2", "call-act", 1, muted: false)))
        {
            Assert.Equal(HttpStatusCode.OK, connected.StatusCode);
        }
        await _trace.App.WaitForCallAsync("call-act", c => c.Participants.Count == 1);
        var executor = _trace.App.Services.GetRequiredService<ActionExecutor>();
        var actor = new Actor("sam", "Sam Supervisor", [SupervisorRoles.Supervisor]);

        var receipt = await executor.ExecuteAsync(new ActionRequest(ActionKind.Mute, new CallId("call-act"), "8:acs:u1", actor), CancellationToken.None);
        Assert.Equal(ReceiptStatus.Accepted, receipt.Status);
        using (var settling = await _trace.PostAsync(client, TraceApp.Roster("act-e3", "call-act", 2, muted: true)))
        {
            Assert.Equal(HttpStatusCode.OK, settling.StatusCode);
        }
        await _trace.App.WaitForCallAsync("call-act", c => c.PendingActions.IsEmpty && c.Participants.Values.All(p => p.IsMuted));

        var spans = await _trace.SpansWhenAsync(
            all => all.Any(s => s.DisplayName == "action.execute")
                && all.Any(s => s.DisplayName == "board.apply" && Equals(s.GetTagItem(TelemetryTags.EventType), "ParticipantsUpdated") && s.Links.Any()),
            "the action's span and the settling apply with its link");
        var action = spans.Single(s => s.DisplayName == "action.execute");
        Assert.Equal(receipt.OperationContext, action.GetTagItem(TelemetryTags.OperationContext));
        Assert.Equal("Mute", action.GetTagItem(TelemetryTags.Action));
        // The audit row and the ACS request belong to the action's trace; the request carries its Repeatability id.
        var inAction = spans.Where(s => s.TraceId == action.TraceId).ToArray();
        Assert.Contains(inAction, s => s.DisplayName == "audit.record" && s.ParentSpanId == action.SpanId);
        var request = Assert.Single(inAction, s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http");
        var repeatability = Assert.IsType<string[]>(request.GetTagItem(TelemetrySetup.RepeatabilityTag));
        Assert.True(Guid.TryParse(Assert.Single(repeatability), out _));
        Assert.True(IsWithin(request, action, inAction), "the ACS request is not inside the action's span");
        // The callback that settled the mute is in its own trace, linked to the action's.
        var settled = spans.Single(s => s.DisplayName == "board.apply" && Equals(s.GetTagItem(TelemetryTags.EventType), "ParticipantsUpdated") && s.Links.Any());
        Assert.NotEqual(action.TraceId, settled.TraceId);
        var link = Assert.Single(settled.Links);
        Assert.Equal(action.TraceId, link.Context.TraceId);
    }

    // Whether span's parent chain reaches ancestor.
    private static bool IsWithin(Activity span, Activity ancestor, Activity[] trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(s => s.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }
        return false;
    }
}
