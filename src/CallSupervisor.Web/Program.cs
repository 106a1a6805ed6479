using CallSupervisor.Web.Components;
using CallSupervisor.Web.Hosting;
using CallSupervisor.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRepositoryDevelopmentSettings(builder.Environment);
await using var emulator = await EmbeddedEmulator.StartIfEnabledAsync(builder);
builder.Services.AddCallSupervisor(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseCallSupervisorErrorHandling();
app.UseCallSupervisorSecurity();
app.UseAntiforgery();

// Static assets are public (the sign-in and error pages use them too).
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapCallSupervisorEndpoints();

emulator?.AttachWhenStarted(app);
await app.RunAsync();

/// <summary>Entry point; public so integration tests can reference it.</summary>
public partial class Program;
