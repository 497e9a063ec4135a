using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.CrisisBoard;

/// <summary>Section "CrisisBoard": the SLA watchdog and alarm escalation.</summary>
public sealed class CrisisBoardOptions
{
    public const string Section = "CrisisBoard";

    /// <summary>How often the watchdog job runs (Quartz).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Share of a clock's window used at which a warning is raised (0.8 = 80 %).</summary>
    [Range(0.1, 0.99)]
    public double WarningFraction { get; set; } = 0.8;

    /// <summary>
    /// How far ahead of now the watchdog's due-time query looks; must cover the warning part of the longest window
    /// (20 % of 15 working days ≈ 5 calendar days, longer over the Spring Festival).
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "60.00:00:00")]
    public TimeSpan Lookahead { get; set; } = TimeSpan.FromDays(12);

    /// <summary>
    /// Complaints the watchdog reads per page, in due order, pausing <see cref="WatchdogPagePause"/> between pages: the read of
    /// tens of thousands of due complaints is spread out, not one long burst.
    /// </summary>
    [Range(1, 100_000)]
    public int WatchdogPageSize { get; set; } = 2000;

    /// <summary>The watchdog's pause between pages of its read.</summary>
    public TimeSpan WatchdogPagePause { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>An unacknowledged critical alarm escalates from the supervisor to the manager after this long.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Satisfaction target of the conformance panel (share of 4–5 among answers).</summary>
    [Range(0.0, 1.0)]
    public double SatisfactionTarget { get; set; } = 0.9;
}
