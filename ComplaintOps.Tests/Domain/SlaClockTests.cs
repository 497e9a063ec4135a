using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;
using static ComplaintOps.Tests.Domain.DomainSamples;

namespace ComplaintOps.Tests.Domain;

/// <summary>R8, R15–R17: due times on the shipped calendar, business time zone Asia/Shanghai.</summary>
public sealed class SlaClockTests
{
    private static SlaFacts Facts(
        Channel channel, DateTime receivedUtc,
        ComplaintStatus status = ComplaintStatus.Received, RiskLevel risk = RiskLevel.Low,
        DateTime? accepted = null, DateTime? firstReply = null, DateTime? lastFeedback = null, DateTime? finished = null) =>
        new(channel, risk, status, receivedUtc, accepted, firstReply, lastFeedback, finished);

    // Hand-counted from data/calendars/cn.json; the day of receipt is never counted, and the period
    // ends at 24:00 Shanghai (16:00 UTC) of its 15th working day.
    [Theory]
    // Mon 09-28: 09-29, 09-30 | 10-01..07 off | 10-08, 10-09, Sat 10-10 (adjusted), 10-12..16, 10-19..23 → 15th = Fri 10-23
    [InlineData("2026-09-28 10:00", "2026-10-23T16:00:00Z", "")]
    [InlineData("2026-09-28 00:01", "2026-10-23T16:00:00Z", "")] // UTC date is still 09-27
    [InlineData("2026-09-28 23:59", "2026-10-23T16:00:00Z", "")]
    // adjusted Sun 09-20: 09-21..24 | 09-25..27 Mid-Autumn off | 09-28..30 | 10-08, 10-09, 10-10, 10-12..16 → Fri 10-16
    [InlineData("2026-09-20 09:00", "2026-10-16T16:00:00Z", "")]
    [InlineData("2026-09-20 00:01", "2026-10-16T16:00:00Z", "")]
    // Wed 02-18 inside Spring Festival (02-15..23 off): 02-24..27, Sat 02-28 (adjusted), 03-02..06, 03-09..13 → Fri 03-13
    [InlineData("2026-02-18 11:00", "2026-03-13T16:00:00Z", "")]
    // Mon 12-21: 12-22..25, 12-28..31, then 2027 (no arrangement, weekends only): Fri 01-01, 01-04..08, 01-11 → Mon 01-11
    [InlineData("2026-12-21 10:00", "2027-01-11T16:00:00Z", "2027")]
    // Mon 2027-01-04, weekends only: 01-05..08, 01-11..15, 01-18..22, 01-25 → Mon 01-25
    [InlineData("2027-01-04 10:00", "2027-01-25T16:00:00Z", "2027")]
    public void R16_letter_is_due_at_the_end_of_the_15th_working_day_after_receipt(string receivedShanghai, string dueUtc, string unofficialYear)
    {
        var schedule = Clock().Compute(Facts(Channel.Letter, Shanghai(receivedShanghai)));

        var letter = schedule[SlaClockKind.LetterReply];
        Assert.NotNull(letter);
        Assert.Equal(Utc(dueUtc), letter.DueUtc);
        Assert.Equal(DateTimeKind.Utc, letter.DueUtc.Kind);
        Assert.Null(letter.MetAtUtc);
        if (unofficialYear.Length == 0)
        {
            Assert.Empty(schedule.YearsWithoutOfficialCalendar);
            Assert.False(schedule.UsesUnofficialCalendar);
        }
        else
        {
            Assert.Equal(int.Parse(unofficialYear, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(schedule.YearsWithoutOfficialCalendar));
            Assert.True(schedule.UsesUnofficialCalendar);
        }
    }

    [Fact]
    public void R16_letter_received_2026_09_28_is_due_end_of_2026_10_23()
    {
        var due = Clock().Compute(Facts(Channel.Letter, Shanghai("2026-09-28 15:00")))[SlaClockKind.LetterReply]!.DueUtc;

        Assert.Equal(new DateTime(2026, 10, 23, 16, 0, 0, DateTimeKind.Utc), due);
        Assert.Equal(new DateTime(2026, 10, 24, 0, 0, 0), TimeZoneInfo.ConvertTimeFromUtc(due, Support.TestClock.ShanghaiZone));
    }

    [Fact]
    public void R16_the_day_of_receipt_is_the_Shanghai_date_not_the_UTC_date()
    {
        // Two minutes apart in UTC; the first is still Sunday 09-27 (a Mid-Autumn holiday) in Shanghai.
        var lateSunday = Shanghai("2026-09-27 23:59");   // 2026-09-27T15:59Z
        var earlyMonday = Shanghai("2026-09-28 00:01");  // 2026-09-27T16:01Z, same UTC date
        Assert.Equal(lateSunday.Date, earlyMonday.Date);

        var clock = Clock();
        Assert.Equal(Day("2026-09-27"), clock.BusinessDate(lateSunday));
        Assert.Equal(Day("2026-09-28"), clock.BusinessDate(earlyMonday));
        // From Sunday 09-27, Monday 09-28 is the 1st working day and Thu 10-22 the 15th.
        Assert.Equal(Utc("2026-10-22T16:00:00Z"), clock.Compute(Facts(Channel.Letter, lateSunday))[SlaClockKind.LetterReply]!.DueUtc);
        Assert.Equal(Utc("2026-10-23T16:00:00Z"), clock.Compute(Facts(Channel.Letter, earlyMonday))[SlaClockKind.LetterReply]!.DueUtc);
    }

    [Theory]
    [InlineData("2026-11-27 17:00", "2026-12-01T16:00:00Z", "")]     // Friday → end of Tuesday
    [InlineData("2026-11-28 10:00", "2026-12-01T16:00:00Z", "")]     // Saturday → Mon, Tue
    [InlineData("2026-11-27 00:01", "2026-12-01T16:00:00Z", "")]     // UTC date is Thursday 11-26
    [InlineData("2025-12-30 10:00", "2026-01-04T16:00:00Z", "")]     // 12-31, then adjusted Sunday 01-04
    [InlineData("2025-12-31 10:00", "2026-01-05T16:00:00Z", "")]     // 01-01..03 off: Sun 01-04, Mon 01-05
    [InlineData("2026-09-30 09:00", "2026-10-09T16:00:00Z", "")]     // over National Day: 10-08, 10-09
    [InlineData("2026-10-09 09:00", "2026-10-12T16:00:00Z", "")]     // adjusted Saturday 10-10, then Monday 10-12
    [InlineData("2026-12-31 10:00", "2027-01-04T16:00:00Z", "2027")] // 2027 weekends only: Fri 01-01, Mon 01-04
    public void R17_progress_feedback_is_due_at_the_end_of_the_2nd_working_day_after_acceptance(string acceptedShanghai, string dueUtc, string unofficialYear)
    {
        var accepted = Shanghai(acceptedShanghai);
        var schedule = Clock().Compute(Facts(Channel.Phone, accepted.AddHours(-1), ComplaintStatus.Investigating, accepted: accepted));

        var progress = schedule[SlaClockKind.ProgressFeedback];
        Assert.NotNull(progress);
        Assert.Equal(Utc(dueUtc), progress.DueUtc);
        Assert.Equal(unofficialYear.Length > 0, schedule.UsesUnofficialCalendar);
    }

    [Fact]
    public void R17_the_latest_progress_feedback_restarts_the_clock()
    {
        var accepted = Shanghai("2026-11-27 09:00");   // Friday
        var feedback = Shanghai("2026-12-01 23:59");   // Tuesday, last minute

        var schedule = Clock().Compute(Facts(Channel.Phone, accepted, ComplaintStatus.Resolving, accepted: accepted, lastFeedback: feedback));

        Assert.Equal(Utc("2026-12-03T16:00:00Z"), schedule[SlaClockKind.ProgressFeedback]!.DueUtc); // end of Thursday
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, false)]
    [InlineData(ComplaintStatus.Accepted, true)]
    [InlineData(ComplaintStatus.Investigating, true)]
    [InlineData(ComplaintStatus.Resolving, true)]
    [InlineData(ComplaintStatus.AwaitingFeedback, true)]
    [InlineData(ComplaintStatus.Closed, false)]
    [InlineData(ComplaintStatus.Referred, false)]
    [InlineData(ComplaintStatus.NotEstablished, false)]
    [InlineData(ComplaintStatus.OutOfScope, false)]
    [InlineData(ComplaintStatus.Archived, false)]
    public void R17_only_cases_being_handled_have_a_progress_feedback_clock(ComplaintStatus status, bool hasClock)
    {
        var received = Shanghai("2026-11-27 09:00");
        var accepted = status == ComplaintStatus.Received ? (DateTime?)null : received.AddMinutes(5);
        var finished = Lifecycle.IsFinished(status) ? received.AddHours(3) : (DateTime?)null;

        var schedule = Clock().Compute(Facts(Channel.Web, received, status, accepted: accepted, finished: finished));

        Assert.Equal(hasClock, schedule[SlaClockKind.ProgressFeedback] is not null);
    }

    [Theory]
    [InlineData(Channel.Web, true)]
    [InlineData(Channel.App, true)]
    [InlineData(Channel.Email, true)]
    [InlineData(Channel.Phone, false)]
    [InlineData(Channel.Letter, false)]
    [InlineData(Channel.OnSiteVisit, false)]
    [InlineData(Channel.Regulator, false)]
    [InlineData(Channel.Media, false)]
    public void R15_online_and_email_complaints_get_a_first_reply_clock_of_exactly_24_clock_hours(Channel channel, bool hasClock)
    {
        var received = Shanghai("2026-11-27 18:30"); // Friday evening: the 24 hours run over the weekend

        var firstReply = Clock().Compute(Facts(channel, received))[SlaClockKind.FirstReply];

        if (hasClock)
        {
            Assert.NotNull(firstReply);
            Assert.Equal(Utc("2026-11-28T10:30:00Z"), firstReply.DueUtc); // Saturday 18:30 Shanghai
            Assert.Equal(TimeSpan.FromHours(24), firstReply.DueUtc - received);
        }
        else
        {
            Assert.Null(firstReply);
        }
    }

    [Theory]
    [InlineData(Channel.Web, false)]
    [InlineData(Channel.Phone, false)]
    [InlineData(Channel.Letter, true)]
    public void R16_only_letters_have_a_letter_reply_clock(Channel channel, bool hasClock)
    {
        var schedule = Clock().Compute(Facts(channel, Shanghai("2026-11-27 09:00")));

        Assert.Equal(hasClock, schedule[SlaClockKind.LetterReply] is not null);
    }

    [Theory]
    [InlineData(RiskLevel.Low, 24 * 60)]
    [InlineData(RiskLevel.Medium, 8 * 60)]
    [InlineData(RiskLevel.High, 2 * 60)]
    [InlineData(RiskLevel.Critical, 30)]
    public void R8_risk_response_is_due_after_the_policy_time_of_its_level(RiskLevel level, int minutes)
    {
        var received = Shanghai("2026-11-27 09:00");
        var policy = new SlaPolicy();
        Assert.Equal(TimeSpan.FromMinutes(minutes), policy.RiskResponse[level]);

        var risk = Clock(policy).Compute(Facts(Channel.Phone, received, risk: level))[SlaClockKind.RiskResponse];

        Assert.NotNull(risk);
        Assert.Equal(received.AddMinutes(minutes), risk.DueUtc);
        Assert.Null(risk.MetAtUtc);
    }

    [Fact]
    public void R8_configured_response_times_are_used()
    {
        var policy = new SlaPolicy
        {
            RiskResponse = new Dictionary<RiskLevel, TimeSpan>
            {
                [RiskLevel.Low] = TimeSpan.FromHours(48),
                [RiskLevel.Medium] = TimeSpan.FromHours(4),
                [RiskLevel.High] = TimeSpan.FromHours(1),
                [RiskLevel.Critical] = TimeSpan.FromMinutes(15),
            },
        };
        var received = Shanghai("2026-11-27 09:00");

        var schedule = Clock(policy).Compute(Facts(Channel.Phone, received, risk: RiskLevel.Critical));

        Assert.Equal(received.AddMinutes(15), schedule[SlaClockKind.RiskResponse]!.DueUtc);
    }

    [Fact]
    public void R8_acceptance_meets_the_risk_response_clock()
    {
        var received = Shanghai("2026-11-27 09:00");
        var accepted = received.AddMinutes(20);

        var risk = Clock().Compute(Facts(Channel.Phone, received, ComplaintStatus.Accepted, RiskLevel.Critical, accepted: accepted))[SlaClockKind.RiskResponse]!;

        Assert.Equal(accepted, risk.MetAtUtc);
        Assert.Equal(SlaClockState.Met, risk.StateAt(received.AddDays(3)));
    }

    [Fact]
    public void R11_closing_on_first_contact_meets_the_reply_clocks()
    {
        var received = Shanghai("2026-11-27 09:00");
        var closed = received.AddMinutes(12);

        var schedule = Clock().Compute(Facts(Channel.Web, received, ComplaintStatus.Closed, finished: closed));

        Assert.Equal(closed, schedule[SlaClockKind.RiskResponse]!.MetAtUtc);
        Assert.Equal(closed, schedule[SlaClockKind.FirstReply]!.MetAtUtc);
        Assert.Null(schedule[SlaClockKind.ProgressFeedback]);
        Assert.Null(schedule.NextDueUtc);
    }

    [Theory]
    [InlineData(null, -1, SlaClockState.Running)]
    [InlineData(null, 0, SlaClockState.Running)]    // due is 24:00; at 24:00 exactly it is not yet late
    [InlineData(null, 1, SlaClockState.Overdue)]
    [InlineData(-600, 5000, SlaClockState.Met)]
    [InlineData(0, 5000, SlaClockState.Met)]       // met at the due instant
    [InlineData(1, 5000, SlaClockState.MetLate)]
    [InlineData(1, 2, SlaClockState.MetLate)]
    public void R15_R16_R17_clock_state_follows_due_and_met_times(int? metOffsetMinutes, int nowOffsetMinutes, SlaClockState expected)
    {
        var due = Utc("2026-10-23T16:00:00Z");
        var reading = new SlaClockReading(SlaClockKind.LetterReply, due, metOffsetMinutes is { } m ? due.AddMinutes(m) : null);

        Assert.Equal(expected, reading.StateAt(due.AddMinutes(nowOffsetMinutes)));
        Assert.Equal(TimeSpan.FromMinutes(-nowOffsetMinutes), reading.RemainingAt(due.AddMinutes(nowOffsetMinutes)));
    }

    [Fact]
    public void R15_web_complaint_without_a_reply_becomes_overdue_and_a_late_reply_is_met_late()
    {
        var received = Shanghai("2026-11-27 09:00");
        var clock = Clock();

        var unanswered = clock.Compute(Facts(Channel.Web, received))[SlaClockKind.FirstReply]!;
        Assert.Equal(SlaClockState.Running, unanswered.StateAt(received.AddHours(23)));
        Assert.Equal(SlaClockState.Overdue, unanswered.StateAt(received.AddHours(24).AddSeconds(1)));

        var lateReply = clock.Compute(Facts(Channel.Web, received, firstReply: received.AddHours(25)))[SlaClockKind.FirstReply]!;
        Assert.Equal(SlaClockState.MetLate, lateReply.StateAt(received.AddHours(30)));

        var onTime = clock.Compute(Facts(Channel.Web, received, firstReply: received.AddHours(2)))[SlaClockKind.FirstReply]!;
        Assert.Equal(SlaClockState.Met, onTime.StateAt(received.AddHours(30)));
    }

    [Fact]
    public void R8_R15_R17_next_due_is_the_earliest_clock_not_yet_met()
    {
        var received = Shanghai("2026-11-27 09:00");  // Friday
        var accepted = received.AddMinutes(10);        // meets the 30-minute critical response, the earliest due
        var clock = Clock();

        var open = clock.Compute(Facts(Channel.Web, received, ComplaintStatus.Investigating, RiskLevel.Critical, accepted: accepted));
        Assert.Equal(received.AddMinutes(30), open[SlaClockKind.RiskResponse]!.DueUtc);
        Assert.Equal(received.AddHours(24), open.NextDueUtc); // first reply, not the met risk clock

        var replied = clock.Compute(Facts(Channel.Web, received, ComplaintStatus.Investigating, RiskLevel.Critical, accepted: accepted, firstReply: received.AddHours(1)));
        Assert.Equal(Utc("2026-12-01T16:00:00Z"), replied.NextDueUtc); // progress feedback, end of Tuesday
    }

    [Fact]
    public void R8_next_due_of_a_new_complaint_is_its_risk_response()
    {
        var received = Shanghai("2026-11-27 09:00");

        var schedule = Clock().Compute(Facts(Channel.Letter, received, risk: RiskLevel.High));

        Assert.Equal(received.AddHours(2), schedule.NextDueUtc);
    }

    [Fact]
    public void R16_a_letter_is_met_by_the_first_reply()
    {
        var received = Shanghai("2026-09-28 10:00");
        var reply = Shanghai("2026-10-20 15:00");

        var letter = Clock().Compute(Facts(Channel.Letter, received, ComplaintStatus.Investigating, accepted: received.AddHours(1), firstReply: reply))[SlaClockKind.LetterReply]!;

        Assert.Equal(reply, letter.MetAtUtc);
        Assert.Equal(SlaClockState.Met, letter.StateAt(Shanghai("2026-11-28 10:00")));
    }

    [Fact]
    public void R16_end_of_working_days_is_midnight_Shanghai_in_utc()
    {
        var clock = Clock();

        Assert.Equal(Utc("2026-10-23T16:00:00Z"), clock.EndOfWorkingDays(Shanghai("2026-09-28 08:00"), 15));
        Assert.Equal(Utc("2026-11-27T16:00:00Z"), clock.EndOfWorkingDays(Shanghai("2026-11-27 08:00"), 0));
    }

    [Fact]
    public void R16_complaint_stores_the_due_times_of_its_schedule()
    {
        var complaint = Received(Channel.Letter, Shanghai("2026-09-28 10:00"));

        complaint.ApplySchedule(Clock().Compute(complaint.SlaFacts));

        Assert.Equal(Utc("2026-10-23T16:00:00Z"), complaint.LetterReplyDueUtc);
        Assert.Equal(Shanghai("2026-09-29 10:00"), complaint.RiskResponseDueUtc); // Low: 24 hours
        Assert.Null(complaint.FirstReplyDueUtc);
        Assert.Null(complaint.ProgressFeedbackDueUtc);
        Assert.Equal(Shanghai("2026-09-29 10:00"), complaint.NextDueUtc);
    }
}
