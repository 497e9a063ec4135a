namespace ComplaintOps.Data;

/// <summary>Last tracking-number sequence issued per business day (TS-yyyyMMdd-NNNNN).</summary>
public sealed class DailySequence
{
    public string Day { get; set; } = "";
    public int Last { get; set; }
}
