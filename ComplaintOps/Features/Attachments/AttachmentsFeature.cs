namespace ComplaintOps.Features.Attachments;

public static class AttachmentsFeature
{
    public static IServiceCollection AddAttachments(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AttachmentOptions>().Bind(config.GetSection(AttachmentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AttachmentStore>();
        return services;
    }
}
