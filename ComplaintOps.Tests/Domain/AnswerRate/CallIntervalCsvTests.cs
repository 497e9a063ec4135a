using ComplaintOps.Domain.AnswerRate;

namespace ComplaintOps.Tests.Domain.AnswerRate;

/// <summary>R14: the call-centre interval file and the answer-rate maths.</summary>
public sealed class CallIntervalCsvTests
{
    private const string Header = "interval_start,offered,answered,abandoned";

    [Fact]
    public void R14_a_good_file_gives_its_rows_in_business_time()
    {
        var parsed = CallIntervalCsv.Parse("\uFEFF" + Header + "\r\n2026-11-28T09:00,120,108,9\r\n2026-11-28T09:30,100,90,10\r\n\r\n");

        Assert.True(parsed.Ok);
        Assert.Equal(
            [new CallIntervalRow(new DateTime(2026, 11, 28, 9, 0, 0), 120, 108, 9), new CallIntervalRow(new DateTime(2026, 11, 28, 9, 30, 0), 100, 90, 10)],
            parsed.Rows);
        Assert.All(parsed.Rows, r => Assert.Equal(DateTimeKind.Unspecified, r.IntervalStartLocal.Kind));
    }

    [Theory]
    [InlineData("2026-11-28T09:00,120,108", "ColumnCount")]
    [InlineData("2026-11-28T09:00,120,108,9,1", "ColumnCount")]
    [InlineData("28/11/2026 09:00,120,108,9", "BadTime")]
    [InlineData("2026-11-28T09:15,120,108,9", "NotOnBoundary")]
    [InlineData("2026-11-28T09:00:30,120,108,9", "NotOnBoundary")]
    [InlineData("2026-11-28T09:00,-1,0,0", "BadNumber")]
    [InlineData("2026-11-28T09:00,12.5,10,0", "BadNumber")]
    [InlineData("2026-11-28T09:00,120,abc,0", "BadNumber")]
    [InlineData("2026-11-28T09:00,100,95,6", "MoreThanOffered")]
    public void R14_each_malformed_row_is_reported_with_its_line_number_and_nothing_is_returned(string badLine, string code)
    {
        var parsed = CallIntervalCsv.Parse($"{Header}\n2026-11-28T08:00,10,9,1\n{badLine}\n2026-11-28T08:30,10,9,1\n");

        Assert.False(parsed.Ok);
        Assert.Empty(parsed.Rows);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void R14_every_bad_line_is_reported_not_just_the_first()
    {
        var parsed = CallIntervalCsv.Parse($"{Header}\n2026-11-28T09:15,1,1,0\n2026-11-28T10:00,1,1,0\n2026-11-28T10:00,2,2,0\nx\n");
        Assert.Equal([(2, "NotOnBoundary"), (4, "DuplicateInterval"), (5, "ColumnCount")], parsed.Errors.Select(e => (e.Line, e.Code)));
    }

    [Theory]
    [InlineData("", 1, "Empty")]
    [InlineData("2026-11-28T09:00,120,108,9\n", 1, "Header")]
    [InlineData("interval,offered,answered,abandoned\n2026-11-28T09:00,120,108,9\n", 1, "Header")]
    [InlineData(Header + "\n", 2, "NoRows")]
    public void R14_a_missing_header_or_an_empty_file_is_refused(string text, int line, string code)
    {
        var error = Assert.Single(CallIntervalCsv.Parse(text).Errors);
        Assert.Equal((line, code), (error.Line, error.Code));
    }

    [Fact]
    public void R14_zero_calls_offered_is_a_valid_quiet_interval() =>
        Assert.True(CallIntervalCsv.Parse($"{Header}\n2026-11-28T03:00,0,0,0\n").Ok);

    [Theory]
    [InlineData(100, 86, 0.86, true)]
    [InlineData(100, 85, 0.85, false)]
    [InlineData(200, 100, 0.5, false)]
    public void R14_answer_rate_is_answered_over_offered_and_must_be_above_85_percent(int offered, int answered, double rate, bool meets)
    {
        var figure = AnswerRateFigure.Sum([new CallIntervalRow(new DateTime(2026, 11, 28, 9, 0, 0), offered, answered, 0)]);
        Assert.Equal(rate, figure.Rate!.Value, 6);
        Assert.Equal(meets, figure.MeetsTarget);
    }

    [Fact]
    public void R14_the_rate_of_a_period_weights_intervals_by_their_calls_not_averages_them()
    {
        // 10/10 and 80/100: 90/110 = 81.8 %, not the 90 % an average of the two rates would claim.
        var figure = AnswerRateFigure.Sum([
            new CallIntervalRow(new DateTime(2026, 11, 28, 9, 0, 0), 10, 10, 0),
            new CallIntervalRow(new DateTime(2026, 11, 28, 9, 30, 0), 100, 80, 20)]);
        Assert.Equal((110L, 90L, 20L), (figure.Offered, figure.Answered, figure.Abandoned));
        Assert.Equal(90.0 / 110, figure.Rate!.Value, 6);
        Assert.False(figure.MeetsTarget);
    }

    [Fact]
    public void R14_no_calls_offered_has_no_rate()
    {
        Assert.Null(AnswerRateFigure.Empty.Rate);
        Assert.Null(AnswerRateFigure.Empty.MeetsTarget);
    }
}
