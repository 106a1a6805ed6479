// A load balancer for several CallSupervisor instances (see README.md beside this file):
//   dotnet run --project samples/CallSupervisor.LoadBalancer -- --urls http://0.0.0.0:8080 \
//     --LoadBalancer:Destinations:0=http://127.0.0.1:5001/ --LoadBalancer:Destinations:1=http://127.0.0.1:5002/
using CallSupervisor.LoadBalancer;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

// appsettings.json sits next to the binary; the working directory is usually the repository root.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddOptions<LoadBalancerOptions>()
    .Bind(builder.Configuration.GetSection(LoadBalancerOptions.SectionName))
    .ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<LoadBalancerOptions>, LoadBalancerOptionsValidator>();
builder.Services.AddReverseProxy();
builder.Services.Configure<KeyManagementOptions>(keys => keys.XmlRepository = new InMemoryKeyRepository());
// Its warning that the (in-memory, unused) key is not encrypted at rest is about a file that is never written.
builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
// Built from the validated options when the proxy maps its routes, before the server listens.
builder.Services.AddSingleton<IProxyConfigProvider>(services =>
{
    var options = services.GetRequiredService<IOptions<LoadBalancerOptions>>().Value;
    return new InMemoryConfigProvider(ProxyConfigBuilder.Routes(), ProxyConfigBuilder.Clusters(options));
});
builder.Services.AddSingleton<IPassiveHealthCheckPolicy, TransportFailurePolicy>();

var app = builder.Build();
try
{
    // YARP's own pipeline (affinity, load balancing, passive health), with the served-by log around it.
    app.MapReverseProxy(proxy =>
    {
        proxy.UseServedByLogging();
        proxy.UseSessionAffinity();
        proxy.UseLoadBalancing();
        proxy.UsePassiveHealthChecks();
    });
}
catch (OptionsValidationException invalid)
{
    // One line per wrong setting, naming it, instead of a stack trace.
    Console.Error.WriteLine("The load balancer's settings are invalid:");
    foreach (var failure in invalid.Failures)
    {
        Console.Error.WriteLine("  " + failure);
    }
    return 1;
}
await app.RunAsync();
return 0;
