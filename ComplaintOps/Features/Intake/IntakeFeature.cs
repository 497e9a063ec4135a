namespace ComplaintOps.Features.Intake;

public static class IntakeFeature
{
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddOptions<IntakeWriterOptions>().BindConfiguration(IntakeWriterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OwnerAssignment>();
        services.AddSingleton<IntakeWriter>();
        services.AddSingleton<IntakeService>();
        return services;
    }

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app) => app;
}
