using ComplaintOps.Features.Handling.Collaboration;
using ComplaintOps.Features.Handling.Investigation;
using ComplaintOps.Features.Handling.ProductPolicies;

namespace ComplaintOps.Features.Handling;

public static class HandlingFeature
{
    /// <summary>Investigation (R18, R20), collaboration tasks (R12, R13, R21) and the product policy library.</summary>
    public static IServiceCollection AddInvestigationAndCollaboration(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CollaborationOptions>().Bind(config.GetSection(CollaborationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CollaborationEvents>();
        services.AddSingleton<CollaborationService>();
        services.AddSingleton<CollaborationQueries>();
        services.AddSingleton<CaseLookups>();
        services.AddSingleton<ProductPolicyStore>();
        services.AddAuthorizationBuilder()
            .AddPolicy(HandlingPolicies.Tasks, p => p.RequireRole(HandlingPolicies.TaskRoles));
        return services;
    }
}
