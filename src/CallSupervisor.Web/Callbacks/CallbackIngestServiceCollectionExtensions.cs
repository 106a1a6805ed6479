namespace CallSupervisor.Web.Callbacks;

/// <summary>What the callback endpoints use besides the parsers: the event-time guard and the roster-order notice.</summary>
internal static class CallbackIngestServiceCollectionExtensions
{
    public static IServiceCollection AddCallbackIngest(this IServiceCollection services)
    {
        services.AddSingleton<EventTimes>();
        services.AddSingleton<UnsequencedRosters>();
        return services;
    }
}
