namespace ComplaintOps.Features.Intake.Public;

/// <summary>The public pages (R2–R5, R17, R30): the complaint form and the status lookup, no sign-in.</summary>
public static class PublicIntakeFeature
{
    public static IServiceCollection AddPublicIntake(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<IntakeOptions>().Bind(config.GetSection(IntakeOptions.Section));
        services.AddOptions<PublicIntakeOptions>().Bind(config.GetSection(PublicIntakeOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.CallbackWindows.All(w => PublicIntakeOptions.TryParseWindow(w, out _)),
                $"{PublicIntakeOptions.Section}:CallbackWindows must be business-time ranges like \"09:00-12:00\".")
            .ValidateOnStart();
        services.AddSingleton<CallbackSlots>();
        services.AddSingleton<PublicIntakeService>();
        return services;
    }

    /// <summary>The pages are routed as components; "/public" on its own leads to the form.</summary>
    public static IEndpointRouteBuilder MapPublicIntake(this IEndpointRouteBuilder app)
    {
        app.MapGet("/public", () => Results.LocalRedirect("/public/complaint")).AllowAnonymous();
        return app;
    }
}
