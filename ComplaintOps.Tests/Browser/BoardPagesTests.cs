using System.Text;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>R14 and B2 in Chromium: a supervisor uploads call figures, then follows a batch incident to one of its complaints.</summary>
[Trait("Category", "Browser")]
public sealed class BoardPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Header = "interval_start,offered,answered,abandoned";

    [Fact]
    public async Task R14_B2_supervisor_uploads_call_figures_and_follows_a_batch_incident()
    {
        var pages = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        var page = pages.Page;
        await pages.SignInAsync("supervisor", DemoUsers.Password);

        // R14: a file with a bad line imports nothing and names the line.
        await page.GotoAsync("/answer-rate");
        await pages.WaitForCircuitAsync();
        await Upload(page, $"{Header}\n2026-11-28T08:00,100,80,10\n2026-11-28T08:30,100,99,9\n");
        await page.WaitForSelectorAsync("[data-testid=answer-rate-errors] tr[data-line='3']");
        Assert.Equal("—", (await page.InnerTextAsync("[data-testid=rate-today] [data-testid=rate-value]")).Trim());
        await pages.ScreenshotAsync("20-answer-rate-error-zh");

        // A good file: today's rate (160/200 = 80 %) shows below the 85 % target.
        await Upload(page, $"{Header}\n2026-11-28T08:00,100,80,10\n2026-11-28T08:30,100,80,9\n");
        await page.WaitForSelectorAsync("[data-testid=rate-today][data-meets=False]");
        Assert.Equal("80.0%", (await page.InnerTextAsync("[data-testid=rate-today] [data-testid=rate-value]")).Trim());
        Assert.Equal(0, await page.Locator("[data-testid=answer-rate-errors]").CountAsync());
        await pages.ScreenshotAsync("21-answer-rate-zh");

        // B2: three similar complaints from three provinces form an incident.
        var intake = browser.App.Services.GetRequiredService<IntakeService>();
        foreach (var (province, phone) in new[] { ("浙江", "13900005001"), ("江苏", "13900005002"), ("广东", "13900005003") })
            await intake.ReceiveAsync(new NewComplaint
            {
                Channel = Channel.App,
                Complainant = new Complainant { Name = "用户", Phone = phone, Province = province, City = province },
                Respondent = new Respondent { Kind = RespondentKind.InternalDepartment, Name = "会员中心" },
                ProductLine = "浏览器测试会员",
                ProblemSubType = ProblemSubType.Renewal,
                Title = "会员被自动续费扣款",
                Description = "没有同意自动续费，会员到期后被自动扣款。",
                Demands = "退款",
            }, Actor.System);

        await page.GotoAsync("/incidents");
        await pages.WaitForCircuitAsync();
        var row = page.Locator("[data-testid=incidents] tr", new() { HasTextString = "浏览器测试会员" });
        Assert.Equal("3", (await row.Locator("[data-testid=incident-count]").InnerTextAsync()).Trim());
        await pages.ScreenshotAsync("22-incidents-zh");
        await row.Locator("[data-testid=incident-member]").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=complaint-detail]");
        await page.WaitForSelectorAsync("[data-testid=batch-incident-chip]");
        Assert.Contains("批次事件", await page.InnerTextAsync("[data-testid=batch-incident-chip]"), StringComparison.Ordinal);
        await pages.ScreenshotAsync("23-detail-batch-chip-zh");
    }

    // MudFileUpload adds a fresh input after each pick; the newest one is live.
    private static Task Upload(IPage page, string csv) =>
        page.Locator("[data-testid=answer-rate-upload] input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "intervals.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv),
        });
}
