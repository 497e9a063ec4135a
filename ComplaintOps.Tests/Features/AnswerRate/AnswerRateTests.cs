using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.AnswerRate;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.AnswerRate;

/// <summary>R14: importing call-centre intervals (file and API), all or none, upsert; today's and the month's rate; who may.</summary>
public sealed class AnswerRateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Header = "interval_start,offered,answered,abandoned";
    private static readonly Actor Supervisor = new("sup", "主管");

    private AnswerRateService Service()
    {
        _ = app.CreateClient();
        return app.Services.GetRequiredService<AnswerRateService>();
    }

    private async Task<List<CallInterval>> TableAsync()
    {
        await using var db = app.OpenDb();
        return await db.CallIntervals.AsNoTracking().OrderBy(x => x.IntervalStartUtc).ToListAsync();
    }

    [Fact]
    public async Task R14_a_good_file_is_stored_in_utc_and_today_and_the_month_are_summed_in_business_time()
    {
        var service = Service();
        // The fake clock is 2026-11-28 10:00 Shanghai. 2026-11-01 00:00 Shanghai is still October in UTC; 10-31 23:30 is not this month.
        var result = await service.ImportCsvAsync(
            $"{Header}\n2026-11-28T09:00,100,90,8\n2026-11-28T09:30,100,80,15\n2026-11-01T00:00,50,50,0\n2026-10-31T23:30,1000,0,1000\n", Supervisor);

        Assert.True(result.Ok);
        var stored = await TableAsync();
        Assert.Contains(stored, x => x.IntervalStartUtc == TestClock.Shanghai(2026, 11, 28, 9, 0) && x.Offered == 100 && x.ImportedBy == "主管");
        var summary = await service.SummaryAsync();
        Assert.Equal(new DateOnly(2026, 11, 28), summary.Today);
        Assert.Equal((200L, 170L, 23L), (summary.TodayFigure.Offered, summary.TodayFigure.Answered, summary.TodayFigure.Abandoned));
        Assert.Equal(0.85, summary.TodayFigure.Rate!.Value, 6);
        Assert.False(summary.TodayFigure.MeetsTarget);
        Assert.Equal((250L, 220L), (summary.MonthFigure.Offered, summary.MonthFigure.Answered));
        Assert.Equal(2, summary.TodayIntervals.Count);
    }

    [Fact]
    public async Task R14_a_file_with_one_bad_row_imports_nothing_and_reports_the_line()
    {
        var service = Service();
        var before = await TableAsync();

        var result = await service.ImportCsvAsync($"{Header}\n2026-11-20T09:00,10,9,1\n2026-11-20T09:30,10,9,5\n2026-11-20T10:00,10,9,1\n", Supervisor);

        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "MoreThanOffered"), (error.Line, error.Code));
        Assert.Equal(before.Count, (await TableAsync()).Count);
        Assert.DoesNotContain(await TableAsync(), x => x.IntervalStartUtc == TestClock.Shanghai(2026, 11, 20, 9, 0));
    }

    [Fact]
    public async Task R14_reimporting_an_interval_replaces_it()
    {
        var service = Service();
        await service.ImportCsvAsync($"{Header}\n2026-11-21T09:00,10,5,5\n", Supervisor);

        var again = await service.ImportCsvAsync($"{Header}\n2026-11-21T09:00,20,19,1\n2026-11-21T09:30,4,4,0\n", Supervisor);

        Assert.Equal((1, 1), (again.Added, again.Replaced));
        var rows = (await TableAsync()).Where(x => x.IntervalStartUtc >= TestClock.Shanghai(2026, 11, 21) && x.IntervalStartUtc < TestClock.Shanghai(2026, 11, 22)).ToList();
        Assert.Equal([(20, 19, 1), (4, 4, 0)], rows.Select(x => (x.Offered, x.Answered, x.Abandoned)));
    }

    [Fact]
    public async Task R14_the_api_takes_the_csv_file_from_a_supervisor()
    {
        var client = await SignIn.AsAsync(app, "supervisor");
        var response = await client.PostAsync("/api/v1/call-intervals", new StringContent($"{Header}\n2026-11-22T09:00,30,29,1\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await TableAsync(), x => x.IntervalStartUtc == TestClock.Shanghai(2026, 11, 22, 9, 0) && x.Answered == 29);
    }

    [Fact]
    public async Task R14_the_api_takes_json_rows_from_a_manager()
    {
        var client = await SignIn.AsAsync(app, "manager");
        var response = await client.PostAsJsonAsync("/api/v1/call-intervals", new[] { new { intervalStart = "2026-11-23T14:30", offered = 12, answered = 11, abandoned = 1 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await TableAsync(), x => x.IntervalStartUtc == TestClock.Shanghai(2026, 11, 23, 14, 30) && x.Offered == 12);
    }

    [Fact]
    public async Task R14_the_api_refuses_a_bad_file_with_problem_details_naming_the_lines()
    {
        var client = await SignIn.AsAsync(app, "supervisor");
        var response = await client.PostAsync("/api/v1/call-intervals",
            new StringContent($"{Header}\n2026-11-24T09:00,30,29,1\n2026-11-24T09:10,30,29,1\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "NotOnBoundary"), (error.GetProperty("line").GetInt32(), error.GetProperty("code").GetString()));
        Assert.DoesNotContain(await TableAsync(), x => x.IntervalStartUtc == TestClock.Shanghai(2026, 11, 24, 9, 0));
    }

    [Fact]
    public async Task R14_the_api_refuses_other_content_types()
    {
        var client = await SignIn.AsAsync(app, "supervisor");
        var response = await client.PostAsync("/api/v1/call-intervals", new StringContent($"{Header}\n2026-11-24T09:00,30,29,1\n", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task R28_the_api_answers_401_without_sign_in_and_403_to_an_agent_not_a_redirect()
    {
        _ = app.CreateClient();
        var anonymous = SignIn.NewClient(app);
        var content = new StringContent($"{Header}\n2026-11-25T09:00,30,29,1\n", Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/call-intervals", content)).StatusCode);

        var agent = await SignIn.AsAsync(app, "agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync("/api/v1/call-intervals", content)).StatusCode);
        Assert.DoesNotContain(await TableAsync(), x => x.IntervalStartUtc == TestClock.Shanghai(2026, 11, 25, 9, 0));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("expert")]
    [InlineData("admin")]
    public async Task R28_R14_the_answer_rate_page_refuses_other_roles(string user)
    {
        await SignIn.AssertRefusedAsync(app, user, "/answer-rate");
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    public async Task R14_the_answer_rate_page_shows_today_and_the_month_beside_the_target(string user)
    {
        var client = await SignIn.AsAsync(app, user);
        var response = await client.GetAsync("/answer-rate");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"rate-today\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rate-month\"", html, StringComparison.Ordinal);
        Assert.Contains("85.0", html, StringComparison.Ordinal);
    }
}
