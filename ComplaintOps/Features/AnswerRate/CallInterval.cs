namespace ComplaintOps.Features.AnswerRate;

/// <summary>Call-centre figures for one 30-minute interval (R14). Keyed by its start, so a re-import replaces it.</summary>
public sealed class CallInterval
{
    public DateTime IntervalStartUtc { get; set; }
    public int Offered { get; set; }
    public int Answered { get; set; }
    public int Abandoned { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public string ImportedBy { get; set; } = "";
}
