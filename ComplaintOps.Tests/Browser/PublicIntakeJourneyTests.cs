using ComplaintOps.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>Issue 3 §2 in Debian's Chromium on a phone-sized screen: the public form, the answer, the status lookup.</summary>
[Trait("Category", "Browser")]
public sealed class PublicIntakeJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> PhoneAsync(string locale)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            DeviceScaleFactor = 2,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    [Theory]
    [InlineData("zh-CN", "已收到，等待受理", "请填写此项。")]
    [InlineData("en", "Received, waiting to be taken on", "Please fill this in.")]
    public async Task R2_R17_a_person_on_a_phone_complains_gets_a_number_and_a_secret_then_checks_the_status(string locale, string statusText, string requiredText)
    {
        var page = await PhoneAsync(locale);
        await page.GotoAsync("/public/complaint");
        await page.WaitForSelectorAsync("[data-testid=public-form]");
        Assert.Equal("400-800-1234", (await page.InnerTextAsync("[data-testid=hotline]")).Trim());
        // Nothing is wider than the phone's screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the form scrolls sideways on a phone");
        await ShotAsync(page, $"public-01-form-{locale}");

        // Submitting with something missing says what.
        await page.ClickAsync("[data-testid=submit]");
        await page.WaitForSelectorAsync("[data-testid=form-errors]");
        Assert.Equal(requiredText, (await page.InnerTextAsync("[data-testid=error-Name]")).Trim());
        await ShotAsync(page, $"public-02-errors-{locale}");

        await page.CheckAsync("input[name='Form.Topic'][value=ReturnOrRefund]");
        await page.SelectOptionAsync("#product-line", "电商平台");
        await page.FillAsync("#description", "退款申请已通过十天，钱还没有退回到银行卡。");
        await page.FillAsync("#demands", "尽快退款");
        await page.FillAsync("#name", "李四");
        await page.FillAsync("#phone", "13800138000");
        await page.SelectOptionAsync("#province", "广东");
        await page.FillAsync("#city", "深圳");
        await page.CheckAsync("input[name='Form.SpecialGroup'][value=Elderly]");
        var slot = page.Locator("#callback-slot option:not([value=''])").First;
        await page.SelectOptionAsync("#callback-slot", await slot.GetAttributeAsync("value") ?? "");
        await page.SetInputFilesAsync("#attachments", new FilePayload { Name = "receipt.png", MimeType = "image/png", Buffer = Features.Intake.Public.PublicPages.Png });
        await ShotAsync(page, $"public-03-filled-{locale}");
        await page.ClickAsync("[data-testid=submit]");

        await page.WaitForSelectorAsync("[data-testid=submitted]");
        var tracking = (await page.InnerTextAsync("[data-testid=tracking-number]")).Trim();
        var secret = (await page.InnerTextAsync("[data-testid=lookup-secret]")).Trim();
        Assert.Matches(@"^TS-\d{8}-\d{5}$", tracking);
        Assert.Matches("^[A-Z2-9]{10}$", secret);
        Assert.True(await page.IsVisibleAsync("[data-testid=booked-slot]"));
        await ShotAsync(page, $"public-04-done-{locale}");

        await page.ClickAsync("[data-testid=go-status]");
        await page.WaitForSelectorAsync("[data-testid=status-form]");
        Assert.Equal(tracking, await page.InputValueAsync("#tracking"));
        await page.FillAsync("#code", secret);
        await page.ClickAsync("[data-testid=lookup]");
        await page.WaitForSelectorAsync("[data-testid=status-view]");
        Assert.Equal(statusText, (await page.InnerTextAsync("[data-testid=status-text]")).Trim());
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d", await page.InnerTextAsync("[data-testid=next-feedback]"));
        Assert.Matches(@"\d{4}-\d\d-\d\d \d\d:\d\d", await page.InnerTextAsync("[data-testid=callback-booked]"));
        Assert.Equal("complaints@example.com", (await page.InnerTextAsync("[data-testid=mailbox]")).Trim());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the status page scrolls sideways on a phone");
        await ShotAsync(page, $"public-05-status-{locale}");

        // A wrong code: one generic message.
        await page.FillAsync("#code", "0000");
        await page.ClickAsync("[data-testid=lookup]");
        await page.WaitForSelectorAsync("[data-testid=lookup-not-found]");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task R2_the_language_switch_works_without_signing_in()
    {
        var page = await PhoneAsync("zh-CN");
        await page.GotoAsync("/public/status");
        await page.ClickAsync("[data-testid=public-lang] a[lang=en]");
        // A full page load back to the same page, now in English (the cookie is set anonymously).
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.EndsWith("/public/status", page.Url, StringComparison.Ordinal);
        Assert.Equal("Check progress", (await page.InnerTextAsync("h1")).Trim());
        await page.ClickAsync("[data-testid=public-lang] a[lang=zh-CN]");
        await page.WaitForSelectorAsync("html[lang=zh-CN]");
        Assert.Equal("查询处理进度", (await page.InnerTextAsync("h1")).Trim());
        await page.Context.CloseAsync();
    }
}
