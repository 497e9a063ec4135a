using System.Globalization;
using ClosedXML.Excel;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Features.Reports;
using ComplaintOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>
/// Issue 7 in Chromium: a manager makes last month's report on /reports, watches its progress to the end, downloads it and the
/// file's Summary carries the console's figures; a report for today's date matches the crisis board's conformance panel.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReportsJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task R33_manager_makes_last_months_report_downloads_it_and_its_summary_matches_the_board()
    {
        var pages = new ConsolePages(await browser.NewPageAsync("en"));
        var page = pages.Page;
        await pages.SignInAsync("manager", DemoUsers.Password);

        // The board's panel today, as the manager sees it.
        await page.GotoAsync("/board");
        await pages.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=conformance]");
        var board = new Dictionary<string, string>();
        foreach (var key in new[] { "FirstReply", "LetterReply", "ProgressFeedback", "AnswerRate", "Satisfaction" })
            board[key] = (await page.InnerTextAsync($"[data-testid=conformance-{key}] [data-testid=conformance-value]")).Trim();

        await page.GotoAsync("/reports");
        await pages.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=reports-make]");
        // Month mode is the default and last month (October 2026 on the fake clock) is preselected.
        Assert.Contains("2026-10", await page.InnerTextAsync("[data-testid=reports-month]"), StringComparison.Ordinal);
        await page.ClickAsync("[data-testid=reports-make-button]");
        await page.WaitForSelectorAsync("[data-testid=reports-job]");
        await pages.ScreenshotAsync("70-reports-progress-en");
        await page.WaitForSelectorAsync("[data-testid=reports-job][data-state=Done]", new() { Timeout = 120_000 });
        await page.WaitForSelectorAsync(".mud-snackbar", new() { Timeout = 30_000 });
        Assert.Contains("complaintops-report-2026-10.en.xlsx", await page.InnerTextAsync(".mud-snackbar"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("[data-testid=reports-stored-row][data-file='complaintops-report-2026-10.en.xlsx']");
        await pages.ScreenshotAsync("71-reports-done-en");

        var october = await DownloadAsync(page, "complaintops-report-2026-10.en.xlsx");
        using (var wb = new XLWorkbook(october))
        {
            var expected = await browser.App.Services.GetRequiredService<ReportQueries>().KpisAsync(ReportPeriod.Month(2026, 10));
            var summary = wb.Worksheet("Summary");
            for (var i = 0; i < expected.Count; i++)
            {
                var row = summary.Row(i + 2);
                Assert.Equal(expected[i].Measured, row.Cell(6).GetValue<long>());
                if (expected[i].Rate is { } rate) Assert.Equal(rate, row.Cell(5).GetDouble(), 9);
                else Assert.True(row.Cell(5).IsEmpty());
            }
        }

        // A report for today's date counts exactly what the board shows today.
        await page.Locator(".mud-radio", new() { HasTextString = "Date range" }).ClickAsync();
        await page.Locator("input[data-testid=reports-from], [data-testid=reports-from] input").First.FillAsync("2026-11-28");
        await page.Locator("input[data-testid=reports-to], [data-testid=reports-to] input").First.FillAsync("2026-11-28");
        await page.ClickAsync("[data-testid=reports-make-button]");
        await page.WaitForSelectorAsync("[data-testid=reports-job][data-file='complaintops-report-2026-11-28_2026-11-28.en.xlsx'][data-state=Done]", new() { Timeout = 120_000 });
        var today = await DownloadAsync(page, "complaintops-report-2026-11-28_2026-11-28.en.xlsx");
        using (var wb = new XLWorkbook(today))
        {
            var rows = wb.Worksheet("Summary").RowsUsed().Skip(1).Take(5).ToList();
            var keys = new[] { "FirstReply", "LetterReply", "ProgressFeedback", "AnswerRate", "Satisfaction" };
            for (var i = 0; i < keys.Length; i++)
            {
                var shown = board[keys[i]];
                if (rows[i].Cell(5).IsEmpty()) Assert.StartsWith("—", shown, StringComparison.Ordinal);
                else Assert.Equal($"{rows[i].Cell(5).GetDouble().ToString("P1", En)} ({rows[i].Cell(6).GetValue<long>()})", shown.Replace("\u00a0", " ", StringComparison.Ordinal));
            }
        }

        // The download is in the log on the page.
        await page.ClickAsync("[data-testid=reports-refresh]");
        await page.WaitForSelectorAsync("[data-testid=reports-log-row]");
        Assert.Contains("complaintops-report-2026-10.en.xlsx", await page.InnerTextAsync("[data-testid=reports-log]"), StringComparison.Ordinal);
        await pages.ScreenshotAsync("72-reports-log-en");
    }

    private static async Task<string> DownloadAsync(IPage page, string fileName)
    {
        var download = await page.RunAndWaitForDownloadAsync(
            () => page.ClickAsync($"[data-testid=reports-stored-row][data-file='{fileName}'] [data-testid=reports-download]"), new() { Timeout = 60_000 });
        Assert.Equal(fileName, download.SuggestedFilename);
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, "downloaded-" + fileName);
        await download.SaveAsAsync(path);
        return path;
    }
}
