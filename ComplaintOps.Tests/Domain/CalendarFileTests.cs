using ComplaintOps.Domain.Calendar;
using ComplaintOps.Tests.Support;
using static ComplaintOps.Tests.Domain.DomainSamples;

namespace ComplaintOps.Tests.Domain;

/// <summary>B3, R16: the calendar file administrators edit, and its refusals of bad input.</summary>
public sealed class CalendarFileTests
{
    [Fact]
    public void R16_shipped_file_has_2024_to_2026_with_their_holidays_and_adjusted_days()
    {
        var years = CalendarFile.Parse(File.ReadAllText(RepoPaths.CalendarFile));

        Assert.Equal(new[] { 2024, 2025, 2026 }, years.Select(y => y.Year).Order());
        var y2026 = Assert.Single(years, y => y.Year == 2026);
        Assert.Equal(33, y2026.Holidays.Count);
        Assert.Equal("国庆节", y2026.Holidays[Day("2026-10-01")]);
        Assert.Equal("春节", y2026.Holidays[Day("2026-02-18")]);
        Assert.Equal(
            new[] { Day("2026-01-04"), Day("2026-02-14"), Day("2026-02-28"), Day("2026-05-09"), Day("2026-09-20"), Day("2026-10-10") },
            y2026.AdjustedWorkdays.Order());
        Assert.Equal(8, Assert.Single(years, y => y.Year == 2024).AdjustedWorkdays.Count);
        Assert.Equal(5, Assert.Single(years, y => y.Year == 2025).AdjustedWorkdays.Count);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("{\"years\": ", "not valid JSON")]
    [InlineData("{}", "\"years\"")]
    [InlineData("[]", "\"years\"")]
    [InlineData("{\"years\": []}", "\"years\"")]
    [InlineData("{\"years\": {}}", "no year")]
    [InlineData("{\"years\": {\"twenty\": {\"holidays\": [], \"adjustedWorkdays\": []}}}", "\"twenty\" is not a year")]
    [InlineData("{\"years\": {\"1999\": {\"holidays\": [], \"adjustedWorkdays\": []}}}", "\"1999\" is not a year")]
    [InlineData("{\"years\": {\"2027\": {\"adjustedWorkdays\": []}}}", "\"holidays\" list")]
    [InlineData("{\"years\": {\"2027\": {\"holidays\": []}}}", "\"adjustedWorkdays\" list")]
    [InlineData("{\"years\": {\"2027\": {\"holidays\": [{\"date\": \"2027-13-01\"}], \"adjustedWorkdays\": []}}}", "\"2027-13-01\" in 2027 \"holidays\" is not a date")]
    [InlineData("{\"years\": {\"2027\": {\"holidays\": [\"1 Jan 2027\"], \"adjustedWorkdays\": []}}}", "\"1 Jan 2027\" in 2027 \"holidays\" is not a date")]
    [InlineData("{\"years\": {\"2027\": {\"holidays\": [{\"name\": \"元旦\"}], \"adjustedWorkdays\": []}}}", "has no \"date\"")]
    [InlineData("{\"years\": {\"2027\": {\"holidays\": [42], \"adjustedWorkdays\": []}}}", "has no \"date\"")]
    [InlineData("{\"years\": {\"2027\": {\"holidays\": [{\"date\": \"2026-10-01\"}], \"adjustedWorkdays\": []}}}", "2026-10-01 is listed under year 2027")]
    [InlineData("{\"years\": {\"2027\": {\"holidays\": [], \"adjustedWorkdays\": [\"2027-01-04\"]}}}", "2027-01-04 is listed as an adjusted working day but is not a Saturday or Sunday")]
    [InlineData("{\"years\": {\"2027\": {\"holidays\": [\"2027-01-02\"], \"adjustedWorkdays\": [\"2027-01-02\"]}}}", "2027-01-02 is listed both as a holiday and as an adjusted working day")]
    [InlineData("{\"years\": {\"2027\": {\"holidays\": [], \"adjustedWorkdays\": []}, \"2027\": {\"holidays\": [\"2027-01-01\"], \"adjustedWorkdays\": []}}}", "2027 is listed twice")]
    public void B3_bad_calendar_files_are_refused_with_a_message_naming_the_problem(string json, string messagePart)
    {
        var error = Assert.Throws<CalendarFormatException>(() => CalendarFile.Parse(json));

        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void B3_adjusted_workdays_may_be_plain_date_strings()
    {
        const string json = """
            {"years": {"2027": {
              "holidays": [{"date": "2027-01-01", "name": "元旦"}, "2027-02-08"],
              "adjustedWorkdays": ["2027-01-09", {"date": "2027-02-20"}]
            }}}
            """;

        var year = Assert.Single(CalendarFile.Parse(json));

        Assert.Equal(2027, year.Year);
        Assert.Equal("元旦", year.Holidays[Day("2027-01-01")]);
        Assert.Equal("", year.Holidays[Day("2027-02-08")]);
        Assert.Equal(new[] { Day("2027-01-09"), Day("2027-02-20") }, year.AdjustedWorkdays.Order());
    }

    [Fact]
    public void B3_serialize_then_parse_gives_the_same_calendar()
    {
        var original = CalendarFile.Parse(File.ReadAllText(RepoPaths.CalendarFile));

        var json = CalendarFile.Serialize(original);
        var again = CalendarFile.Parse(json);

        Assert.Contains("\"国庆节\"", json, StringComparison.Ordinal); // readable Chinese, not \u escapes
        Assert.Equal(original.Count, again.Count);
        foreach (var year in original)
        {
            var copy = Assert.Single(again, y => y.Year == year.Year);
            Assert.Equal(year.Holidays.OrderBy(h => h.Key), copy.Holidays.OrderBy(h => h.Key));
            Assert.Equal(year.AdjustedWorkdays.Order(), copy.AdjustedWorkdays.Order());
        }
    }
}
