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
        await PickAsync(pages, "province", "四川");
        await page.FillAsync("[data-testid=city]", "成都");
        await page.FillAsync("[data-testid=respondent-name]", "快捷物流");
        await page.FillAsync("[data-testid=product-line]", "电商平台");
        await PickAsync(pages, "problem-type", "消费者权益");
        await PickAsync(pages, "problem-subtype", "运费争议");
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
        await page.WaitForSelectorAsync("[data-testid=complaint-detail]", new() { Timeout = 45_000 });

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

    [Fact]
    public async Task R27_R16_on_site_visit_is_signed_on_screen_and_a_letter_shows_its_due_date()
    {
        var pages = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        var page = pages.Page;
        await pages.SignInAsync("agent2", DemoUsers.Password);
        await page.GotoAsync("/intake");
        await pages.WaitForCircuitAsync();

        // R16: a letter shows when its reply is due before it is saved (today is Saturday 2026-11-28).
        await page.ClickAsync("[data-testid=channel-Letter]");
        await page.WaitForSelectorAsync("text=答复截止：2026-12-18");
        await pages.ScreenshotAsync("14-intake-letter-zh");

        await page.ClickAsync("[data-testid=channel-OnSiteVisit]");
        await page.WaitForSelectorAsync("[data-testid=signature-canvas]");
        // Leaving an empty required field says at once, in plain words, what it needs.
        await page.FocusAsync("[data-testid=name]");
        await page.Keyboard.PressAsync("Tab");
        await page.WaitForSelectorAsync("[data-testid=intake-form] >> text=请填写投诉人姓名。");
        await page.FillAsync("[data-testid=name]", "周敏");
        await page.FillAsync("[data-testid=phone]", "13500005678");
        await PickAsync(pages, "province", "湖北");
        await page.FillAsync("[data-testid=city]", "武汉");
        await page.FillAsync("[data-testid=respondent-name]", "优选家居");
        await page.FillAsync("[data-testid=product-line]", "电商平台");
        await PickAsync(pages, "problem-type", "产品");
        await PickAsync(pages, "problem-subtype", "故障");
        await page.FillAsync("[data-testid=title]", "扫地机器人无法充电");
        await page.FillAsync("[data-testid=description]", "购买一周后无法充电。");
        await page.FillAsync("[data-testid=demands]", "换新");

        // Unsigned: refused.
        await page.ClickAsync("[data-testid=intake-save]");
        await page.WaitForSelectorAsync("[data-testid=signature-error]");
        Assert.EndsWith("/intake", page.Url, StringComparison.Ordinal);

        // The visitor signs with the mouse.
        await page.WaitForSelectorAsync("[data-testid=signature-canvas][data-ready=true]");
        var canvas = page.Locator("[data-testid=signature-canvas]");
        await canvas.ScrollIntoViewIfNeededAsync();
        var box = (await canvas.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + 100);
        await page.Mouse.DownAsync();
        foreach (var (dx, dy) in new[] { (60, 40), (100, 110), (150, 50), (210, 120), (260, 60) })
            await page.Mouse.MoveAsync(box.X + dx, box.Y + dy, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForSelectorAsync("[data-testid=signature-canvas][data-signed=true]");
        // The stroke reached the server (the pad pushes each finished stroke), so saving has it.
        await page.WaitForSelectorAsync("[data-testid=signature-canvas][data-server-signed=true]", new() { Timeout = 45_000 });

        // The form counts the save attempts the server received: a click lost on the way (seen in loaded CI runs, where
        // the page still showed the refused first attempt) is clicked again; a save the server refused fails the test.
        await page.Locator("[data-testid=signature-pad]").ScreenshotAsync(new() { Path = Path.Combine(Support.BrowserFixture.ScreenshotDirectory, "15-intake-onsite-signed-zh.png") });
        var attempts = await page.GetAttributeAsync("[data-testid=intake-form]", "data-save-attempts");
        await page.ClickAsync("[data-testid=intake-save]");
        try
        {
            // The attempt counted, or the save already done and the page moved on to the complaint (a fast save).
            await page.WaitForSelectorAsync($"[data-testid=intake-form]:not([data-save-attempts='{attempts}']), [data-testid=complaint-detail]", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            await pages.ScreenshotAsync("15-intake-onsite-click-lost");
            if (await page.Locator("[data-testid=intake-save]").CountAsync() > 0) await page.ClickAsync("[data-testid=intake-save]");
        }
        // Saving stores the signature image first; on a loaded machine that can take a while.
        try
        {
            await page.WaitForSelectorAsync("[data-testid=complaint-detail]", new() { Timeout = 45_000 });
        }
        catch (TimeoutException)
        {
            await pages.ScreenshotAsync("15-intake-onsite-save-failed");
            Assert.Fail($"The signed on-site intake was not saved; signature error shown: {await page.Locator("[data-testid=signature-error]").CountAsync() > 0}, save attempts {await page.GetAttributeAsync("[data-testid=intake-form]", "data-save-attempts")}.");
        }
        Assert.Contains("王强", await page.InnerTextAsync("[data-testid=owner-name]"), StringComparison.Ordinal);

        var id = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await using var db = browser.App.OpenDb();
        var signature = Assert.Single(db.Attachments.Where(a => a.ComplaintId == id).ToList());
        Assert.Equal((ComplaintOps.Features.Attachments.AttachmentKind.Signature, "image/png"), (signature.Kind, signature.ContentType));
        Assert.True(signature.Size > 1000, $"a drawn signature is a real image, got {signature.Size} bytes");
    }

    /// <summary>Picks an option and waits for the list to close, so the next field gets the keystrokes.</summary>
    private static async Task PickAsync(ConsolePages pages, string testId, string option)
    {
        await pages.PickFilterAsync(testId, option);
        await pages.Page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }
}
