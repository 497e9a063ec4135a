namespace ComplaintOps.Features.Triage.BatchDetection;

public static class BatchDetectionFeature
{
    public static IServiceCollection AddBatchDetection(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<BatchDetectionOptions>().Bind(config.GetSection(BatchDetectionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BatchDetector>();
        services.AddSingleton<IncidentQueries>();
        return services;
    }
}
