using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Intake.Api;

// The API's wire shapes. Enums travel as their names. Severity, risk level and high-risk triggers are
// deliberately absent: grading is internal (R8, R10), so a caller cannot declare its own case urgent or harmless.

/// <summary>A complaint sent by the app or an external source. Channel and source name come from the API key.</summary>
public sealed record IntakeRequest
{
    public required IntakeComplainant Complainant { get; init; }
    public required IntakeRespondent Respondent { get; init; }
    [StringLength(64)] public required string ProductLine { get; init; }

    /// <summary>Optional; when absent the complaint is filed as Product / PoorExperience until triage classifies it.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<ProblemSubType>))]
    public ProblemSubType? ProblemSubType { get; init; }

    [StringLength(200)] public required string Title { get; init; }
    [StringLength(8000)] public required string Description { get; init; }
    [StringLength(2000)] public required string Demands { get; init; }

    /// <summary>The source's own reference number; required for regulator, public-opinion and media keys (R6).</summary>
    [StringLength(100)] public string? SourceReference { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<SpecialGroup>))]
    public SpecialGroup SpecialGroup { get; init; }
}

public sealed record IntakeComplainant
{
    [StringLength(100)] public required string Name { get; init; }
    [StringLength(32)] public required string Phone { get; init; }
    [StringLength(200)] public string? Email { get; init; }
    [StringLength(32)] public string? IdNumber { get; init; }
    [StringLength(32)] public required string Province { get; init; }
    [StringLength(64)] public required string City { get; init; }
}

public sealed record IntakeRespondent
{
    [JsonConverter(typeof(JsonStringEnumConverter<RespondentKind>))]
    public required RespondentKind Kind { get; init; }

    [StringLength(200)] public required string Name { get; init; }
}

/// <summary>The answer to a new complaint; a retry with the same Idempotency-Key gets exactly this again.</summary>
public sealed record IntakeReceipt(
    string TrackingNumber,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ComplaintStatus>))] ComplaintStatus Status,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Channel>))] Channel Channel,
    string SourceName,
    string? SourceReference,
    DateTime ReceivedAtUtc);

/// <summary>Where a complaint stands, for the source that sent it. No personal data.</summary>
public sealed record IntakeStatus(
    string TrackingNumber,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ComplaintStatus>))] ComplaintStatus Status,
    string? SourceReference,
    DateTime ReceivedAtUtc,
    DateTime? NextFeedbackDueUtc);
