using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Intake.Public;

/// <summary>What the public form asks "what is it about" (R4): plain choices that lead to a suggested sub-type.</summary>
public enum PublicTopic
{
    /// <summary>Content that infringes my rights (by an organisation or an individual).</summary>
    ContentInfringement = 0,
    /// <summary>Content or service that gave me a bad experience.</summary>
    ContentExperience = 1,
    /// <summary>After-sales: return or refund of a purchase.</summary>
    ReturnOrRefund = 2,
    /// <summary>A problem with my account.</summary>
    AccountProblem = 3,
    /// <summary>A product or feature that does not work.</summary>
    ProductFault = 4,
    /// <summary>Something else.</summary>
    Other = 5,
}

public static class PublicTopics
{
    /// <summary>The sub-type suggested for a choice; the keyword classifier and the agent may refine it.</summary>
    public static ProblemSubType SuggestedSubType(this PublicTopic topic) => topic switch
    {
        PublicTopic.ContentInfringement => ProblemSubType.Copyright,
        PublicTopic.ContentExperience => ProblemSubType.PoorExperience,
        PublicTopic.ReturnOrRefund => ProblemSubType.ReturnOrRefund,
        PublicTopic.AccountProblem => ProblemSubType.Account,
        PublicTopic.ProductFault => ProblemSubType.Malfunction,
        _ => ProblemSubType.PoorExperience,
    };

    /// <summary>Account and product problems are about us; the rest usually about a merchant or creator on the platform.</summary>
    public static RespondentKind SuggestedRespondentKind(this PublicTopic topic) =>
        topic is PublicTopic.AccountProblem or PublicTopic.ProductFault ? RespondentKind.InternalDepartment : RespondentKind.Merchant;
}

/// <summary>The public complaint form as posted (static SSR form fields "Form.*").</summary>
public sealed class PublicComplaintForm
{
    public string? ProductLine { get; set; }
    public PublicTopic? Topic { get; set; }
    public string? Description { get; set; }
    public string? Demands { get; set; }
    public string? RespondentName { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Province { get; set; }
    public string? City { get; set; }
    public SpecialGroup SpecialGroup { get; set; }
    /// <summary>A slot offered on the form, as "yyyy-MM-ddTHH:mmZ" (UTC); empty for none.</summary>
    public string? CallbackSlot { get; set; }
}

/// <summary>The status lookup form (R17).</summary>
public sealed class PublicLookupForm
{
    public string? TrackingNumber { get; set; }
    /// <summary>The lookup secret, or the last four digits of the phone number.</summary>
    public string? Code { get; set; }
}

/// <summary>A refused field: the resource key of the message and its arguments.</summary>
public sealed record FieldError(string Field, string Key, params object[] Args);
