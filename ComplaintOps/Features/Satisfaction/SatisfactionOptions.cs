using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.Satisfaction;

/// <summary>Satisfaction surveys and low-score call-backs (R26, R5). Section "Satisfaction".</summary>
public sealed class SatisfactionOptions
{
    public const string Section = "Satisfaction";

    /// <summary>How long a survey link works.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan SurveyValidFor { get; set; } = TimeSpan.FromDays(14);

    /// <summary>A score at or below this makes a call-back.</summary>
    [Range(1, 4)]
    public int LowScoreThreshold { get; set; } = 2;

    /// <summary>Working hours within which a call-back is due.</summary>
    [Range(1, 200)]
    public int CallbackWorkingHours { get; set; } = 8;

    /// <summary>Business-time working day used for call-back due times.</summary>
    public TimeOnly WorkdayStart { get; set; } = new(9, 0);
    public TimeOnly WorkdayEnd { get; set; } = new(18, 0);

    /// <summary>How often the call-back job looks for low scores without a task and missed deadlines.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Prefix of the survey link in the invitation text (empty: a site-relative link).</summary>
    public string PublicBaseUrl { get; set; } = "";
}
