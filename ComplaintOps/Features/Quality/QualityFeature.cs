using ComplaintOps.Features.Identity;

namespace ComplaintOps.Features.Quality;

public static class QualityPolicies
{
    /// <summary>The inspection queue, plans, scores per handler and team, calibration, appeals: inspectors and managers.</summary>
    public const string Inspect = "QualityInspect";

    /// <summary>Scoring a scorecard: quality inspectors only.</summary>
    public const string Score = "QualityScore";

    /// <summary>A handler's own scores (/my-quality): agents, experts, coaches.</summary>
    public const string OwnScores = "QualityOwnScores";

    public static readonly string[] InspectRoles = [Roles.QualityInspector, Roles.Manager];
    public static readonly string[] HandlerRoles = [Roles.Agent, Roles.Expert, Roles.Coach];
}

public static class QualityFeature
{
    public static IServiceCollection AddQuality(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<QualityOptions>().Bind(config.GetSection(QualityOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.WeightsAreValid(), "Quality:Weights must give every scorecard dimension a weight of 0–100, adding up to 100.")
            .ValidateOnStart();
        services.AddSingleton<QualityService>();
        // The monthly workbook's quality sheet and handler scores (Features/Reports registers an empty default with TryAdd).
        services.AddSingleton<Reports.IQualityFigures, QualityReportFigures>();
        services.AddAuthorizationBuilder()
            .AddPolicy(QualityPolicies.Inspect, p => p.RequireRole(QualityPolicies.InspectRoles))
            .AddPolicy(QualityPolicies.Score, p => p.RequireRole(Roles.QualityInspector))
            .AddPolicy(QualityPolicies.OwnScores, p => p.RequireRole(QualityPolicies.HandlerRoles));
        return services;
    }

    /// <summary>No endpoints: the quality pages are Blazor pages with their own policies.</summary>
    public static IEndpointRouteBuilder MapQuality(this IEndpointRouteBuilder app) => app;
}
