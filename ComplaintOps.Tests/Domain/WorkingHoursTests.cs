namespace ComplaintOps.Tests.Domain;

/// <summary>R26 call-back due times: working hours (09:00–18:00 Shanghai) on the shipped calendar's working days.</summary>
public sealed class WorkingHoursTests
{
    [Theory]
    [InlineData("2026-11-30 10:00", 8, "2026-11-30 18:00")] // Monday, fits in the day
    [InlineData("2026-11-30 14:00", 8, "2026-12-01 13:00")] // 4 h Monday + 4 h Tuesday
    [InlineData("2026-11-30 07:00", 2, "2026-11-30 11:00")] // before opening: counts from 09:00
    [InlineData("2026-11-27 20:00", 8, "2026-11-30 17:00")] // Friday evening → Monday
    [InlineData("2026-11-28 10:00", 8, "2026-11-30 17:00")] // Saturday → Monday
    [InlineData("2026-09-30 15:00", 8, "2026-10-08 14:00")] // National Day holidays 1–7 Oct skipped
    [InlineData("2026-09-24 17:00", 8, "2026-09-28 16:00")] // Mid-Autumn holiday Fri 25 Sep skipped
    [InlineData("2026-10-09 16:00", 8, "2026-10-10 15:00")] // Saturday 10 Oct is an adjusted working day (调休)
    [InlineData("2026-09-19 12:00", 8, "2026-09-20 17:00")] // Sunday 20 Sep is an adjusted working day
    [InlineData("2026-11-30 18:00", 1, "2026-12-01 10:00")] // at closing time: next morning
    public void R26_call_back_due_after_working_hours(string start, int hours, string expected)
    {
        var due = DomainSamples.Clock().EndOfWorkingHours(DomainSamples.Shanghai(start), TimeSpan.FromHours(hours), new TimeOnly(9, 0), new TimeOnly(18, 0));
        Assert.Equal(DomainSamples.Shanghai(expected), due);
    }
}
