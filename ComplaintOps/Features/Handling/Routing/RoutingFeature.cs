namespace ComplaintOps.Features.Handling.Routing;

public static class RoutingFeature
{
    /// <summary>Routing, re-escalation, supervisor reassignment and "My queue" (R19, R5, R34).</summary>
    public static IServiceCollection AddRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingOptions>().Bind(configuration.GetSection(RoutingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HandlerDirectory>();
        services.AddSingleton<RoutingDispatcher>();
        services.AddSingleton<IntakeRouting>();
        services.AddSingleton<ReassignCommands>();
        services.AddSingleton<MyQueueQueries>();
        services.AddHostedService<RoutingBackgroundService>();
        return services;
    }
}
