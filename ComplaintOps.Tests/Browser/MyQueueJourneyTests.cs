using ComplaintOps.Data.Seeding;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Handling.Routing;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Features.Handling.Routing;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Browser;

/// <summary>
/// Routing in Debian's Chromium (R19): a high-risk letter is routed to the skilled expert; the expert signs in, lands on
/// "My queue", sees the case marked high-risk and overdue at the top, and opens it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MyQueueJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task R19_the_expert_lands_on_my_queue_sees_the_high_risk_case_marked_and_opens_it()
    {
        var services = browser.App.Services;
        var now = browser.App.Clock.GetUtcNow().UtcDateTime;
        var letter = await services.GetRequiredService<IntakeService>().ReceiveAsync(
            RoutingTestData.Complaint("电商平台", ProblemSubType.ReturnOrRefund, "13600008001",
                severity: ComplaintSeverity.HighRisk, triggers: HighRiskTriggers.GovernmentAttention, level: RiskLevel.High,
                channel: Channel.Letter, receivedAtUtc: now.AddDays(-29)),
            RoutingTestData.Web);
        await services.GetRequiredService<RoutingDispatcher>().RouteWaitingAsync();
        await using (var db = browser.App.OpenDb())
        {
            var expertId = await db.Users.Where(u => u.UserName == "expert").Select(u => u.Id).SingleAsync();
            Assert.Equal(expertId, await db.Complaints.Where(c => c.Id == letter.Id).Select(c => c.HandlerId).SingleAsync());
        }

        var pages = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        var page = pages.Page;
        await pages.SignInAsync("expert", DemoUsers.Password);
        await page.WaitForURLAsync("**/my-queue", new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("[data-testid=my-queue][data-loaded=true]", new() { Timeout = 30_000 });

        var row = page.Locator($"[data-testid=my-queue-row][data-id='{letter.Id}']");
        await row.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Equal("true", await row.GetAttributeAsync("data-high-risk"));
        Assert.Equal("true", await row.GetAttributeAsync("data-overdue"));
        Assert.Contains("高风险", await row.Locator("[data-testid=high-risk-chip]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已超时", await row.Locator("[data-testid=overdue-chip]").InnerTextAsync(), StringComparison.Ordinal);
        // Soonest due first: the 29-day-old letter heads the queue.
        Assert.Equal(letter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.Locator("[data-testid=my-queue-row]").First.GetAttributeAsync("data-id"));
        await pages.ScreenshotAsync("60-my-queue-expert-zh");

        await row.Locator("[data-testid=my-queue-open]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=complaint-detail]", new() { Timeout = 30_000 });
        Assert.Equal(letter.TrackingNumber, (await page.InnerTextAsync("[data-testid=tracking-number]")).Trim());
        var routing = await page.InnerTextAsync("[data-testid=routing-handler]");
        Assert.Contains("赵敏", routing, StringComparison.Ordinal);
        Assert.Contains("服务专家", routing, StringComparison.Ordinal);
        Assert.Contains(await page.Locator("[data-testid=timeline-event][data-kind=Routed]").AllInnerTextsAsync(), t => t.Contains("赵敏", StringComparison.Ordinal));
        await pages.ScreenshotAsync("61-my-queue-opened-zh");
    }
}
