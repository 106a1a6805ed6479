using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace CallSupervisor.Web.Security;

/// <summary>
/// Sign-in, authorization and the app's own protections: host filtering and hub origins, security headers,
/// HTTPS outside Development, rate limits on callbacks and sign-in, persisted data-protection keys, and start-up
/// refusals for settings that must never reach production.
/// </summary>
public static class SecurityServiceCollectionExtensions
{
    public const string CallbackRateLimit = "callbacks";
    private const string AuthenticationMiddlewareSet = "__AuthenticationMiddlewareSet";

    public static IServiceCollection AddCallSupervisorSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<SecurityOptions>()
            .Bind(configuration.GetSection(SecurityOptions.SectionName))
            .Validate(o => o.CallbackRequestsPerSecond > 0, "Security:CallbackRequestsPerSecond must be positive.")
            .Validate(o => o.SignInsPerMinute > 0, "Security:SignInsPerMinute must be positive.")
            .Validate(o => o.DeviceSessionLifetime > TimeSpan.Zero, "Security:DeviceSessionLifetime must be positive (e.g. 30.00:00:00).")
            .Validate(o => o.KnownProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "Security:KnownProxies must be IP addresses.")
            .Validate(o => o.AllowedOrigins.All(a => Uri.TryCreate(a, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"),
                "Security:AllowedOrigins must be absolute http(s) origins such as https://wallboard.example.com.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecurityOptions>>(new ProductionSettingsValidator(configuration, environment));
        var redis = configuration.GetSection(CallSupervisor.Board.EventLog.RedisOptions.SectionName).Get<CallSupervisor.Board.EventLog.RedisOptions>() ?? new CallSupervisor.Board.EventLog.RedisOptions();
        services.AddSingleton<IValidateOptions<SecurityOptions>>(new KeyFolderValidator(environment.ContentRootPath, redis.Enabled));

        services.AddCallSupervisorSignIn(configuration);

        var security = configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>() ?? new SecurityOptions();
        // Persisted so that sessions survive a restart. Several instances (Redis configured) keep them in Redis, so a
        // cookie issued by one instance is valid on all; alone, a folder.
        var dataProtection = services.AddDataProtection().SetApplicationName("CallSupervisor");
        if (redis.Enabled)
        {
            services.AddOptions<KeyManagementOptions>()
                .Configure<StackExchange.Redis.IConnectionMultiplexer>((options, connection) =>
                    options.XmlRepository = new Microsoft.AspNetCore.DataProtection.StackExchangeRedis.RedisXmlRepository(
                        () => connection.GetDatabase(), redis.KeyPrefix + "data-protection-keys"));
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(security.KeyPath ?? KeyFolderValidator.DefaultPath, environment.ContentRootPath)));
        }

        services.AddRateLimiter(options =>
        {
            // Well above what ACS and Graph send for a large contact centre; past it, a 503 tells them to retry.
            options.AddPolicy(CallbackRateLimit, _ => RateLimitPartition.GetTokenBucketLimiter("all", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = security.CallbackRequestsPerSecond,
                TokensPerPeriod = security.CallbackRequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
            }));
            // Sign-in per client address, both its start and the identity provider's answer (/signin-oidc, which the
            // authentication middleware handles before any endpoint): a global limiter that only counts those.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => AccountEndpoints.IsSignIn(context.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    "sign-in:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = security.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("other"));
            options.OnRejected = (context, _) => new ValueTask(RateLimitRejection.WriteAsync(context.HttpContext));
        });

        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>The security middleware, in order: HTTPS, headers, host-vetted hub origins, limits, sign-in.</summary>
    public static WebApplication UseCallSupervisorSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First: the client's address and scheme as the balancer saw them (rate limits per address, HTTPS redirects).
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        foreach (var proxy in app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.KnownProxies)
        {
            forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }
        app.UseForwardedHeaders(forwarded);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders(app.Configuration);
        app.UseHubOriginCheck();
        // Before authentication, so the sign-in limit also covers the provider's answer.
        app.UseRateLimiter();
        // Not for callbacks and health probes: the authentication middleware runs every sign-in handler that can take
        // a request (OpenID Connect's), so a sign-in problem there would answer them 500 too.
        app.UseWhen(context => !Hosting.MachineRequests.IsService(context.Request), signIn => signIn.UseAuthentication());
        // WebApplication adds the authentication middleware at the very start of the pipeline unless the app added it
        // (it looks for this marker, which UseAuthentication sets on the branch only): that one would run for all.
        ((IApplicationBuilder)app).Properties[AuthenticationMiddlewareSet] = true;
        app.UseAuthorization();
        return app;
    }
}
