namespace ComplaintOps.Features.Complaints;

public static class ComplaintsFeature
{
    public static IServiceCollection AddComplaintQueue(this IServiceCollection services)
    {
        services.AddSingleton<ComplaintQueries>();
        services.AddSingleton<ComplaintCommands>();
        services.AddSingleton<OwnershipCommands>();
        services.AddSingleton<DueTimeRefresher>();
        services.AddSingleton<Audit.AuditTrail>();
        return services;
    }
}
