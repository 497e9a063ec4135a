using ComplaintOps.Data.Seeding;
using ComplaintOps.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>
/// Issue 3's high-risk journey in Debian's Chromium: a phone complaint naming national media is suggested and
/// graded high-risk at intake (R8–R10), and cannot leave acceptance until its three plans are on record (R10).
/// </summary>
[Trait("Category", "Browser")]
public sealed class HighRiskIntakeJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task R9_R10_a_phone_complaint_naming_cctv_is_graded_high_risk_and_blocked_until_its_plans_are_recorded()
    {
        var pages = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        var page = pages.Page;
        await pages.SignInAsync("agent3", DemoUsers.Password);
        await page.GotoAsync("/intake");
        await pages.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=intake-form]");

        await page.FillAsync("[data-testid=name]", "孙丽");
        await page.FillAsync("[data-testid=phone]", "13700004321");
        await PickAsync(pages, "province", "广东");
        await page.FillAsync("[data-testid=city]", "深圳");
        await page.FillAsync("[data-testid=respondent-name]", "数码前沿专卖店");
        await page.FillAsync("[data-testid=product-line]", "电商平台");
        await page.FillAsync("[data-testid=title]", "手机买来就闪退");
        await page.FillAsync("[data-testid=description]", "新手机开机就闪退，商家拒绝退换，我已联系央视记者准备曝光。");
        await page.FillAsync("[data-testid=demands]", "退货退款");
        // Leaving the field lets the rules read the text: the type is suggested and the grade previewed.
        await page.FocusAsync("[data-testid=demands]");
        var suggestion = await page.WaitForSelectorAsync("[data-testid=triage-suggestion]:has-text('高风险')");
        var text = await suggestion!.InnerTextAsync();
        Assert.Contains("功能故障", text, StringComparison.Ordinal);
        Assert.Contains("高风险", text, StringComparison.Ordinal);
        await page.FillAsync("[data-testid=record]", "10:20 来电，用户情绪激动，称已联系央视。");
        await pages.ScreenshotAsync("30-high-risk-intake-zh");

        await page.ClickAsync("[data-testid=intake-save]");
        await page.WaitForSelectorAsync("[data-testid=complaint-detail]", new() { Timeout = 45_000 });
        await page.WaitForSelectorAsync("[data-testid=plans-missing]");
        Assert.Contains("高风险", await page.InnerTextAsync("[data-testid=complaint-detail]"), StringComparison.Ordinal);

        // Blocked: investigating needs the three plans first.
        await page.ClickAsync("[data-testid=move-Investigating]");
        var error = await page.WaitForSelectorAsync("[data-testid=action-error]");
        Assert.Contains("预处理方案、应答口径和处理方案", await error!.InnerTextAsync(), StringComparison.Ordinal);
        await pages.ScreenshotAsync("31-high-risk-blocked-zh");

        await page.FillAsync("[data-testid=plan-pre]", "立即致电安抚，核实订单与故障情况。");
        await page.FillAsync("[data-testid=plan-line]", "公司高度重视，已成立专项小组，24 小时内给出处理结果。");
        await page.FillAsync("[data-testid=plan-handling]", "协调商家先行退货退款，法务与公关同步评估。");
        await page.ClickAsync("[data-testid=plans-save]");
        await page.WaitForSelectorAsync("[data-testid=plans-recorded]");

        await page.ClickAsync("[data-testid=move-Investigating]");
        await page.WaitForSelectorAsync("[data-status=Investigating]");
        await pages.ScreenshotAsync("32-high-risk-investigating-zh");
    }

    private static async Task PickAsync(ConsolePages pages, string testId, string option)
    {
        await pages.PickFilterAsync(testId, option);
        await pages.Page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }
}
