namespace ComplaintOps.Domain.Sla;

public enum SlaClockKind
{
    /// <summary>R8: response time of the complaint's risk level; met on acceptance.</summary>
    RiskResponse,
    /// <summary>R15: first reply within 24 hours (web, app, email).</summary>
    FirstReply,
    /// <summary>R16: letters answered within 15 working days.</summary>
    LetterReply,
    /// <summary>R17: progress feedback at least every 2 working days.</summary>
    ProgressFeedback,
}

public enum SlaClockState
{
    Running,
    Overdue,
    Met,
    MetLate,
}

/// <summary>One clock of one complaint: when it is due, and when (if ever) it was met.</summary>
public sealed record SlaClockReading(SlaClockKind Kind, DateTime DueUtc, DateTime? MetAtUtc)
{
    public SlaClockState StateAt(DateTime nowUtc) => MetAtUtc switch
    {
        { } met when met <= DueUtc => SlaClockState.Met,
        { } => SlaClockState.MetLate,
        null when nowUtc > DueUtc => SlaClockState.Overdue,
        _ => SlaClockState.Running,
    };

    /// <summary>Time left until due; negative once overdue.</summary>
    public TimeSpan RemainingAt(DateTime nowUtc) => DueUtc - nowUtc;
}

/// <summary>All clocks of a complaint, plus the years whose official calendar was missing when counting.</summary>
public sealed record SlaSchedule(IReadOnlyList<SlaClockReading> Clocks, IReadOnlyList<int> YearsWithoutOfficialCalendar)
{
    public SlaClockReading? this[SlaClockKind kind] => Clocks.FirstOrDefault(c => c.Kind == kind);

    /// <summary>The earliest due time of a clock not yet met: what the queue sorts by and "overdue" means.</summary>
    public DateTime? NextDueUtc => Clocks.Where(c => c.MetAtUtc is null).Select(c => (DateTime?)c.DueUtc).Min();

    public bool UsesUnofficialCalendar => YearsWithoutOfficialCalendar.Count > 0;
}
