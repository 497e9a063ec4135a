using ComplaintOps.Domain.Calendar;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Sla;

/// <summary>What the SLA clock needs to know about a complaint.</summary>
public sealed record SlaFacts(
    Channel Channel,
    RiskLevel RiskLevel,
    ComplaintStatus Status,
    DateTime ReceivedAtUtc,
    DateTime? AcceptedAtUtc,
    DateTime? FirstReplyAtUtc,
    DateTime? LastProgressFeedbackAtUtc,
    DateTime? FinishedAtUtc);

/// <summary>
/// The one place due times are computed (R8, R15–R17). Pure: the calendar, policy and time zone come in,
/// instants go out in UTC. Counting follows the Civil Code (Art. 201–203): the day of receipt is not
/// counted, and a period in working days ends at 24:00 business time of its last working day.
/// Clock-hour periods ("24 hours") are plain elapsed time.
/// </summary>
public sealed class SlaClock(WorkingDayCalendar calendar, SlaPolicy policy, TimeZoneInfo businessZone)
{
    public SlaSchedule Compute(SlaFacts c)
    {
        // A case finished without a separate reply (out of scope, solved on first contact) gave its
        // answer when it finished, so its reply clocks stop there.
        var clocks = new List<SlaClockReading>();
        var unofficialYears = new SortedSet<int>();

        var riskDue = c.ReceivedAtUtc + policy.RiskResponse[c.RiskLevel];
        clocks.Add(new SlaClockReading(SlaClockKind.RiskResponse, riskDue, c.AcceptedAtUtc ?? c.FinishedAtUtc));

        if (c.Channel.HasFirstReplyClock())
            clocks.Add(new SlaClockReading(SlaClockKind.FirstReply, c.ReceivedAtUtc + policy.FirstReply, c.FirstReplyAtUtc ?? c.FinishedAtUtc));

        if (c.Channel == Channel.Letter)
        {
            var due = EndOfWorkingDays(c.ReceivedAtUtc, policy.LetterReplyWorkingDays, unofficialYears);
            clocks.Add(new SlaClockReading(SlaClockKind.LetterReply, due, c.FirstReplyAtUtc ?? c.FinishedAtUtc));
        }

        // Progress feedback runs only while the case is being handled; each feedback restarts it (R17).
        if (!Lifecycle.IsFinished(c.Status) && c.Status != ComplaintStatus.Received)
        {
            var from = c.LastProgressFeedbackAtUtc ?? c.AcceptedAtUtc ?? c.ReceivedAtUtc;
            var due = EndOfWorkingDays(from, policy.ProgressFeedbackWorkingDays, unofficialYears);
            clocks.Add(new SlaClockReading(SlaClockKind.ProgressFeedback, due, null));
        }

        return new SlaSchedule(clocks, unofficialYears.ToArray());
    }

    /// <summary>
    /// 24:00 business time of the <paramref name="workingDays"/>-th working day after the business-time
    /// day of <paramref name="startUtc"/>, as a UTC instant.
    /// </summary>
    public DateTime EndOfWorkingDays(DateTime startUtc, int workingDays) =>
        EndOfWorkingDays(startUtc, workingDays, new SortedSet<int>());

    public DateOnly BusinessDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcInstant.Require(utc), businessZone));

    /// <summary>
    /// The instant <paramref name="workingHours"/> of working time after <paramref name="startUtc"/>, counting only the hours
    /// between <paramref name="dayStart"/> and <paramref name="dayEnd"/> (business time) of working days — holidays skipped,
    /// adjusted working days (调休) counted. A start outside working hours counts from the next opening.
    /// </summary>
    public DateTime EndOfWorkingHours(DateTime startUtc, TimeSpan workingHours, TimeOnly dayStart, TimeOnly dayEnd)
    {
        if (dayEnd <= dayStart) throw new ArgumentException("The working day must end after it starts.", nameof(dayEnd));
        if (workingHours < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(workingHours));
        var cursor = TimeZoneInfo.ConvertTimeFromUtc(UtcInstant.Require(startUtc), businessZone);
        var day = DateOnly.FromDateTime(cursor);
        var remaining = workingHours;
        // Two years of days is far beyond any call-back window; a calendar without working days would loop forever.
        for (var i = 0; i < 800; i++, day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            var open = day.ToDateTime(dayStart);
            var close = day.ToDateTime(dayEnd);
            var from = cursor > open ? cursor : open;
            if (from >= close) continue;
            if (remaining <= close - from)
                return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(from + remaining, DateTimeKind.Unspecified), businessZone);
            remaining -= close - from;
        }
        throw new InvalidOperationException("No working hours found within 800 days.");
    }

    private DateTime EndOfWorkingDays(DateTime startUtc, int workingDays, SortedSet<int> unofficialYears)
    {
        var startDay = BusinessDate(startUtc);
        var lastDay = calendar.AddWorkingDays(startDay, workingDays);
        unofficialYears.UnionWith(calendar.YearsWithoutArrangement(startDay, lastDay));
        var midnightAfter = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(midnightAfter, businessZone);
    }
}
