using CallSupervisor.Web.Components;
using CallSupervisor.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRepositoryDevelopmentSettings(builder.Environment);
await using var emulator = await EmbeddedEmulator.StartIfEnabledAsync(builder);
builder.Services.AddCallSupervisor(builder.Configuration);

var app = builder.Build();

app.UseCallSupervisorErrorHandling();
app.UseSameOriginForHubs();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapCallSupervisorEndpoints();

emulator?.AttachWhenStarted(app);
await app.RunAsync();

/// <summary>Entry point; public so integration tests can reference it.</summary>
public partial class Program;
