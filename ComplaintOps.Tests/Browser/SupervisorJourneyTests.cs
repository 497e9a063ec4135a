using ComplaintOps.Data.Seeding;
using ComplaintOps.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>Issue 2's journey in Debian's Chromium: sign in, the queue, a high-risk filter, a complaint's clocks and timeline.</summary>
[Trait("Category", "Browser")]
public sealed class SupervisorJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Supervisor_signs_in_filters_high_risk_and_reads_a_complaint()
    {
        var pages = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        var page = pages.Page;

        await pages.SignInAsync("supervisor", DemoUsers.Password);
        await page.WaitForURLAsync("**/complaints");
        await pages.WaitForQueueAsync();
        var all = await pages.QueueTotalAsync();
        Assert.True(all >= 300, $"the seeded queue should list the demo complaints, saw {all}");
        await pages.ScreenshotAsync("01-queue-zh");

        // R10: filter to high-risk complaints only.
        await pages.PickFilterAsync("filter-severity", "高风险");
        await page.WaitForFunctionAsync($"() => Number(document.querySelector('[data-testid=queue-summary]').dataset.total) < {all}");
        // The summary updates before the grid re-renders its rows: wait until every shown row is the filtered kind.
        await page.WaitForFunctionAsync(
            "() => { const rows = document.querySelectorAll('[data-testid=queue-grid] tbody tr'); " +
            "return rows.length > 0 && [...rows].every(r => r.querySelector('[data-testid=high-risk]')); }");
        var highRisk = await pages.QueueTotalAsync();
        Assert.InRange(highRisk, 1, all - 1);
        var rows = page.Locator("[data-testid=queue-grid] tbody tr");
        var rowCount = await rows.CountAsync();
        Assert.True(rowCount > 0);
        Assert.Equal(rowCount, await page.Locator("[data-testid=queue-grid] tbody tr [data-testid=high-risk]").CountAsync());
        // R29: lists show masked phones only.
        var phone = await page.Locator("[data-testid=masked-phone]").First.InnerTextAsync();
        Assert.Matches(@"^1\d\d\*{4}\d{4}$", phone.Trim());
        await pages.ScreenshotAsync("02-queue-high-risk-zh");

        // Open the first high-risk complaint.
        var tracking = (await page.Locator("[data-testid=open-complaint]").First.InnerTextAsync()).Trim();
        await page.Locator("[data-testid=open-complaint]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=complaint-detail]");
        Assert.Equal(tracking, (await page.InnerTextAsync("[data-testid=tracking-number]")).Trim());
        // R8/R15–R17: the SLA clocks, each with a state; the timeline with at least the receipt.
        var clocks = page.Locator("[data-testid=sla-clocks] tr[data-clock]");
        Assert.True(await clocks.CountAsync() >= 1);
        Assert.Equal("RiskResponse", await clocks.First.GetAttributeAsync("data-clock"));
        Assert.True(await page.Locator("[data-testid=timeline-event][data-kind=Received]").CountAsync() == 1);
        Assert.Contains("****", await page.InnerTextAsync("[data-testid=detail-phone]"), StringComparison.Ordinal);
        await pages.ScreenshotAsync("03-detail-zh");

        // R29: revealing needs a purpose; then the full number shows and the look is audited.
        await page.ClickAsync("[data-testid=reveal-open]");
        await page.ClickAsync("[data-testid=reveal-confirm]");
        await page.WaitForSelectorAsync("text=请说明查看个人信息的目的");
        Assert.Contains("****", await page.InnerTextAsync("[data-testid=detail-phone]"), StringComparison.Ordinal);
        await page.FillAsync("[data-testid=reveal-purpose]", "回电核实身份");
        await page.ClickAsync("[data-testid=reveal-confirm]");
        await page.WaitForSelectorAsync("[data-testid=revealed]");
        Assert.Matches(@"^1\d{10}$", (await page.InnerTextAsync("[data-testid=detail-phone]")).Trim());

        // B4: the same page in English.
        await page.ClickAsync("[data-testid=language-menu] button");
        await page.ClickAsync("[data-testid=lang-en]");
        await page.WaitForSelectorAsync("text=SLA clocks");
        await pages.WaitForCircuitAsync();
        Assert.Contains("Timeline", await page.InnerTextAsync("[data-testid=timeline]"), StringComparison.Ordinal);
        await pages.ScreenshotAsync("04-detail-en");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        var pages = new ConsolePages(await browser.NewPageAsync("en"));
        await pages.Page.GotoAsync("/complaints");
        await pages.Page.WaitForURLAsync("**/account/login**");
        await pages.Page.FillAsync("#username", "supervisor");
        await pages.Page.FillAsync("#password", "not-the-password");
        await pages.Page.ClickAsync("[data-testid=sign-in]");
        var error = await pages.Page.WaitForSelectorAsync("[data-testid=login-error]");
        Assert.Contains("wrong", await error!.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await pages.ScreenshotAsync("00-login-error-en");
    }
}
