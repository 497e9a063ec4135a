using ComplaintOps.Data.Seeding;
using ComplaintOps.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>Issue 3's agent journey in Debian's Chromium: sign in, record a phone complaint, land on it as its owner.</summary>
[Trait("Category", "Browser")]
public sealed class AgentIntakeJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task R1_R27_R34_agent_records_a_phone_complaint_and_lands_on_it_as_its_owner_with_its_clocks()
    {
        var pages = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        var page = pages.Page;

        await pages.SignInAsync("agent", DemoUsers.Password);
        await page.ClickAsync("[data-testid=nav-intake]");
        await page.WaitForURLAsync("**/intake");
        await pages.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=intake-form]");
        await pages.ScreenshotAsync("10-intake-empty-zh");

        // Saving an empty form says what is missing and saves nothing.
        await page.ClickAsync("[data-testid=intake-save]");
        await page.WaitForSelectorAsync("[data-testid=intake-error]");
        Assert.Contains("请填写投诉人姓名。", await page.InnerTextAsync("[data-testid=intake-form]"), StringComparison.Ordinal);
        Assert.EndsWith("/intake", page.Url, StringComparison.Ordinal);
        await pages.ScreenshotAsync("11-intake-errors-zh");

        await page.FillAsync("[data-testid=name]", "刘洋");
        await page.FillAsync("[data-testid=phone]", "13600001234");
        await pages.PickFilterAsync("province", "四川");
        await page.FillAsync("[data-testid=city]", "成都");
        await page.FillAsync("[data-testid=respondent-name]", "快捷物流");
        await page.FillAsync("[data-testid=product-line]", "电商平台");
        await pages.PickFilterAsync("problem-type", "消费者权益");
        await pages.PickFilterAsync("problem-subtype", "运费争议");
        await page.FillAsync("[data-testid=title]", "运费被重复收取");
        // Enter in a multi-line field adds a line; it does not save the form.
        await page.FillAsync("[data-testid=description]", "同一订单被收取两次运费。");
        await page.FocusAsync("[data-testid=description]");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("客服电话中已核对账单。");
        Assert.EndsWith("/intake", page.Url, StringComparison.Ordinal);
        await page.FillAsync("[data-testid=demands]", "退还多收的运费");
        await page.FillAsync("[data-testid=record]", "14:05 来电，用户提供订单号 5521，称运费 12 元被扣两次。");
        await pages.ScreenshotAsync("12-intake-filled-zh");

        await page.ClickAsync("[data-testid=intake-save]");
        await page.WaitForURLAsync("**/complaints/*");
        await page.WaitForSelectorAsync("[data-testid=complaint-detail]");

        Assert.Contains("李娜", await page.InnerTextAsync("[data-testid=owner-name]"), StringComparison.Ordinal);
        Assert.Contains("运费被重复收取", await page.InnerTextAsync("[data-testid=complaint-detail]"), StringComparison.Ordinal);
        var clocks = page.Locator("[data-testid=sla-clocks] tr[data-clock]");
        Assert.Equal("RiskResponse", await clocks.First.GetAttributeAsync("data-clock"));
        Assert.Equal(1, await page.Locator("[data-testid=sla-clocks] tr[data-clock=ProgressFeedback]").CountAsync());
        Assert.Equal(1, await page.Locator("[data-testid=timeline-event][data-kind=Note]").CountAsync());
        Assert.Contains("订单号 5521", await page.InnerTextAsync("[data-testid=timeline]"), StringComparison.Ordinal);
        Assert.True(await page.Locator("[data-testid=handover-offer]").IsVisibleAsync());
        await pages.ScreenshotAsync("13-intake-saved-detail-zh");
    }
}
