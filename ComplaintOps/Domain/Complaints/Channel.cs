namespace ComplaintOps.Domain.Complaints;

/// <summary>Where a complaint came in (R1, R6).</summary>
public enum Channel
{
    OnSiteVisit = 0,
    Phone = 1,
    Letter = 2,
    Web = 3,
    App = 4,
    Email = 5,
    Regulator = 6,
    PublicOpinion = 7,
    Media = 8,
}

public static class ChannelRules
{
    /// <summary>External green-channel sources keep their source name and reference number (R6).</summary>
    public static bool IsExternal(this Channel channel) =>
        channel is Channel.Regulator or Channel.PublicOpinion or Channel.Media;

    /// <summary>Online and email complaints get a first reply within 24 clock hours (R15).</summary>
    public static bool HasFirstReplyClock(this Channel channel) =>
        channel is Channel.Web or Channel.App or Channel.Email;
}
