// Standalone emulator:
//   dotnet run --project src/CallSupervisor.Emulator.Host -- --Emulator:AppBaseUrl=http://127.0.0.1:5180 --urls http://127.0.0.1:5190
// Every Emulator:* option (see EmulatorOptions) can be given the same way or in appsettings.json.
using CallSupervisor.Emulator;
using CallSupervisor.Emulator.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// appsettings.json sits next to the binary; the working directory is usually the repository root.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddOptions<HostUrls>().Bind(builder.Configuration);
builder.Services.AddOptions<EmulatorOptions>()
    .Bind(builder.Configuration.GetSection(EmulatorOptions.SectionName))
    .PostConfigure<IOptions<HostUrls>>((emulator, host) =>
    {
        if (host.Value.Urls is { Length: > 0 } urls)
        {
            emulator.Urls = urls;
        }
    })
    .ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<EmulatorOptions>, EmulatorOptionsValidator>();
builder.Services.AddHostedService<EmulatorService>();

await builder.Build().RunAsync();
