using ComplaintOps.Domain.Calendar;
using static ComplaintOps.Tests.Domain.DomainSamples;

namespace ComplaintOps.Tests.Domain;

/// <summary>R16, R17, B3: the China working-day calendar read from the shipped data/calendars/cn.json.</summary>
public sealed class WorkingDayCalendarTests
{
    [Theory]
    [InlineData("2026-10-01", DayKind.Holiday, false)]            // National Day, Thursday
    [InlineData("2026-10-05", DayKind.Holiday, false)]            // National Day, Monday
    [InlineData("2026-10-03", DayKind.Holiday, false)]            // Saturday inside the National Day block
    [InlineData("2026-09-26", DayKind.Holiday, false)]            // Saturday inside Mid-Autumn
    [InlineData("2026-02-18", DayKind.Holiday, false)]            // Spring Festival, Wednesday
    [InlineData("2026-01-02", DayKind.Holiday, false)]            // New Year, Friday
    [InlineData("2025-10-08", DayKind.Holiday, false)]            // 2025 National Day, Wednesday
    [InlineData("2024-02-13", DayKind.Holiday, false)]            // 2024 Spring Festival
    [InlineData("2026-10-10", DayKind.AdjustedWorkingDay, true)]  // Saturday worked after National Day
    [InlineData("2026-09-20", DayKind.AdjustedWorkingDay, true)]  // Sunday worked before Mid-Autumn
    [InlineData("2026-01-04", DayKind.AdjustedWorkingDay, true)]  // Sunday worked after New Year
    [InlineData("2026-02-14", DayKind.AdjustedWorkingDay, true)]  // Saturday worked before Spring Festival
    [InlineData("2024-02-04", DayKind.AdjustedWorkingDay, true)]
    [InlineData("2025-10-11", DayKind.AdjustedWorkingDay, true)]
    [InlineData("2026-11-28", DayKind.Weekend, false)]            // ordinary Saturday
    [InlineData("2026-11-29", DayKind.Weekend, false)]            // ordinary Sunday
    [InlineData("2026-10-11", DayKind.Weekend, false)]            // Sunday right after an adjusted Saturday
    [InlineData("2026-11-27", DayKind.WorkingDay, true)]          // ordinary Friday
    [InlineData("2026-09-30", DayKind.WorkingDay, true)]          // Wednesday just before National Day
    [InlineData("2026-10-08", DayKind.WorkingDay, true)]          // Thursday right after it
    [InlineData("2027-01-01", DayKind.WorkingDay, true)]          // no 2027 arrangement loaded: weekends only
    [InlineData("2027-01-02", DayKind.Weekend, false)]
    [InlineData("2023-10-02", DayKind.WorkingDay, true)]          // no 2023 arrangement loaded either
    public void R16_day_kinds_follow_the_official_arrangement(string day, DayKind kind, bool working)
    {
        Assert.Equal(kind, Calendar.KindOf(Day(day)));
        Assert.Equal(working, Calendar.IsWorkingDay(Day(day)));
    }

    [Theory]
    [InlineData("2026-09-28", 15, "2026-10-23")] // over National Day, counting Saturday 10-10
    [InlineData("2026-09-20", 15, "2026-10-16")] // from the adjusted Sunday, over Mid-Autumn and National Day
    [InlineData("2026-02-18", 15, "2026-03-13")] // from inside Spring Festival, counting Saturday 02-28
    [InlineData("2026-09-30", 1, "2026-10-08")]  // the next working day after National Day
    [InlineData("2026-10-09", 1, "2026-10-10")]  // Friday → the adjusted Saturday
    [InlineData("2026-10-10", 1, "2026-10-12")]  // adjusted Saturday → Monday (Sunday 10-11 is off)
    [InlineData("2025-12-31", 1, "2026-01-04")]  // over New Year to the adjusted Sunday
    [InlineData("2025-12-31", 2, "2026-01-05")]
    [InlineData("2026-11-27", 2, "2026-12-01")]  // Friday + 2 → Tuesday
    [InlineData("2026-11-28", 1, "2026-11-30")]  // from a Saturday: the next working day is Monday
    [InlineData("2026-12-31", 1, "2027-01-01")]  // 2027 has no arrangement: 01-01 counts as an ordinary Friday
    [InlineData("2027-01-04", 15, "2027-01-25")]
    [InlineData("2024-09-30", 1, "2024-10-08")]
    public void R16_R17_adding_working_days_skips_holidays_and_weekends_and_counts_adjusted_days(string start, int days, string expected)
    {
        Assert.Equal(Day(expected), Calendar.AddWorkingDays(Day(start), days));
    }

    [Theory]
    [InlineData("2026-10-01")] // a holiday
    [InlineData("2026-11-28")] // a weekend
    [InlineData("2026-11-27")] // a working day
    public void R16_adding_zero_working_days_returns_the_start_day(string start)
    {
        Assert.Equal(Day(start), Calendar.AddWorkingDays(Day(start), 0));
    }

    [Fact]
    public void R16_adding_negative_working_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Day("2026-11-27"), -1));
    }

    [Fact]
    public void B3_shipped_calendar_has_2024_to_2026_and_reports_missing_years()
    {
        Assert.Equal(new[] { 2024, 2025, 2026 }, Calendar.Years.Order());
        Assert.True(Calendar.HasOfficialArrangement(2026));
        Assert.False(Calendar.HasOfficialArrangement(2027));
        Assert.False(Calendar.HasOfficialArrangement(2023));
        Assert.Equal(new[] { 2027 }, Calendar.YearsWithoutArrangement(Day("2026-12-20"), Day("2027-01-10")));
        Assert.Equal(new[] { 2023 }, Calendar.YearsWithoutArrangement(Day("2023-12-20"), Day("2024-01-10")));
        Assert.Empty(Calendar.YearsWithoutArrangement(Day("2024-12-20"), Day("2026-01-10")));
    }

    [Fact]
    public void B3_weekends_only_calendar_ignores_holidays()
    {
        Assert.Equal(DayKind.WorkingDay, WorkingDayCalendar.WeekendsOnly.KindOf(Day("2026-10-01")));
        Assert.Equal(DayKind.Weekend, WorkingDayCalendar.WeekendsOnly.KindOf(Day("2026-10-10")));
        Assert.Equal(Day("2026-10-21"), WorkingDayCalendar.WeekendsOnly.AddWorkingDays(Day("2026-09-30"), 15));
    }

    [Fact]
    public void B3_adding_a_year_gives_a_new_calendar_and_leaves_the_old_one_alone()
    {
        var newYear = new YearArrangement(
            2027,
            new Dictionary<DateOnly, string> { [Day("2027-01-01")] = "元旦" },
            new HashSet<DateOnly> { Day("2027-01-09") }); // hypothetical adjusted Saturday

        var extended = Calendar.With(newYear);

        Assert.Equal(DayKind.Holiday, extended.KindOf(Day("2027-01-01")));
        Assert.Equal(DayKind.AdjustedWorkingDay, extended.KindOf(Day("2027-01-09")));
        Assert.True(extended.HasOfficialArrangement(2027));
        Assert.Equal(DayKind.Holiday, extended.KindOf(Day("2026-10-01")));
        Assert.False(Calendar.HasOfficialArrangement(2027));
        Assert.Equal(DayKind.WorkingDay, Calendar.KindOf(Day("2027-01-01")));
    }
}
