namespace ComplaintOps.Data;

/// <summary>A year's official arrangement loaded by an administrator; it overrides the shipped file.</summary>
public sealed class CalendarYearRecord
{
    public int Year { get; set; }
    public string Json { get; set; } = "";
    public string LoadedBy { get; set; } = "";
    public DateTime LoadedAtUtc { get; set; }
}
