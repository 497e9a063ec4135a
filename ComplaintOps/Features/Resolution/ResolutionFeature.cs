using ComplaintOps.Features.Archive;
using ComplaintOps.Features.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ComplaintOps.Features.Resolution;

/// <summary>Policies of the resolution and archive pages.</summary>
public static class ResolutionPolicies
{
    /// <summary>Deciding compensation above the fast limit (R22): supervisors and managers.</summary>
    public const string ApproveCompensation = nameof(ApproveCompensation);

    /// <summary>Searching the archive (R27): supervisors, managers and quality inspectors.</summary>
    public const string Archive = nameof(Archive);

    public static readonly string[] ApproverRoles = [Roles.Supervisor, Roles.Manager];
    public static readonly string[] ArchiveRoles = [Roles.Supervisor, Roles.Manager, Roles.QualityInspector];
}

public static class ResolutionFeature
{
    public static IServiceCollection AddResolution(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ResolutionOptions>().Bind(config.GetSection(ResolutionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ArchiveService>();
        services.AddSingleton<ArchiveQueries>();
        services.AddSingleton<ResolutionCommands>();
        services.AddSingleton<ResolutionQueries>();
        services.Configure<AuthorizationOptions>(o =>
        {
            o.AddPolicy(ResolutionPolicies.ApproveCompensation, p => p.RequireRole(ResolutionPolicies.ApproverRoles));
            o.AddPolicy(ResolutionPolicies.Archive, p => p.RequireRole(ResolutionPolicies.ArchiveRoles));
        });
        return services;
    }
}
