namespace ComplaintOps.Features.Triage;

public static class TriageFeature
{
    public static IServiceCollection AddTriage(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<TriageOptions>().Bind(config.GetSection(TriageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TriageRuleCache>();
        services.AddSingleton<TriageService>();
        services.AddSingleton<TriageRuleAdmin>();
        services.AddSingleton<TriageCommands>();
        return services;
    }
}
