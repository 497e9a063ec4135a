using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Satisfaction;

public static class SatisfactionFeature
{
    /// <summary>Who works call-backs: experts and coaches (their own), supervisors (all).</summary>
    public const string CallbacksPolicy = "Callbacks";

    public static IServiceCollection AddSatisfaction(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SatisfactionOptions>().Bind(config.GetSection(SatisfactionOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.WorkdayEnd > o.WorkdayStart, "Satisfaction:WorkdayEnd must be after WorkdayStart.").ValidateOnStart();
        // The board's feed (added by AddCrisisBoard; TryAdd keeps hosts without the board, e.g. component tests, working).
        services.TryAddSingleton<BoardChangeFeed>();
        services.AddSingleton<SatisfactionService>();
        services.AddSingleton<SatisfactionFigures>();
        // Replaces the board's empty figures (registered there with TryAdd).
        services.AddSingleton<ISatisfactionFigures>(sp => sp.GetRequiredService<SatisfactionFigures>());
        services.AddSingleton<CallbackScheduler>();
        services.AddAuthorizationBuilder().AddPolicy(CallbacksPolicy, p => p.RequireRole(Roles.Expert, Roles.Coach, Roles.Supervisor));
        services.AddRecurringJob<CallbackJob>("satisfaction-callbacks",
            sp => sp.GetRequiredService<IOptions<SatisfactionOptions>>().Value.JobInterval, "Low-score call-backs and missed call-back alarms");
        return services;
    }

    public static IEndpointRouteBuilder MapSatisfaction(this IEndpointRouteBuilder app) => app;
}
