using ComplaintOps.Data.Seeding;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>
/// Issue 4's resolution journey in Debian's Chromium: on a case being resolved the expert proposes compensation
/// above the fast limit (R22), a supervisor approves it in a second browser context, the result goes to both
/// parties and both agree (R24), the solution is carried out and the case closes (R25) and is archived read-only (R27).
/// </summary>
[Trait("Category", "Browser")]
public sealed class ResolutionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Timeout = 45_000;

    [Fact]
    public async Task R22_R24_R25_R27_expert_compensation_above_the_limit_approved_by_a_supervisor_then_both_agree_and_the_case_closes_archived()
    {
        var (id, tracking) = await ResolvingCaseAsync();

        var expert = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        expert.Page.Context.SetDefaultTimeout(Timeout);
        await expert.SignInAsync("expert", DemoUsers.Password);
        var page = expert.Page;
        await OpenAsync(expert, id);

        // Above the fast limit (¥200): waits for approval.
        await ResolutionSteps.ProposeCompensationAsync(page, "1500", "商家拖延退款导致用户损失");
        await expert.ScreenshotAsync("40-compensation-proposed-zh");

        // A supervisor, in a browser context of their own, approves it.
        var supervisor = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        supervisor.Page.Context.SetDefaultTimeout(Timeout);
        await supervisor.SignInAsync("supervisor", DemoUsers.Password);
        await supervisor.Page.GotoAsync("/approvals");
        await supervisor.WaitForCircuitAsync();
        var row = supervisor.Page.Locator($"[data-testid=approval-row][data-tracking='{tracking}']");
        await row.WaitForAsync();
        Assert.Contains("¥1,500.00", await row.InnerTextAsync(), StringComparison.Ordinal);
        await supervisor.ScreenshotAsync("41-approvals-zh");
        await row.Locator("[data-testid=approve]").ClickAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // The expert sees it approved, proposes the solution and sends the result to both parties.
        await OpenAsync(expert, id);
        await page.WaitForSelectorAsync("[data-testid=compensation-row][data-status=Approved]");
        await ResolutionSteps.SendResultToBothAsync(page, "商家全额退款 1500 元。",
            "您好，经协调商家将全额退款 1500 元，两个工作日内到账。", "请于两个工作日内向用户全额退款 1500 元。");
        Assert.Contains("服务专家 0203", await page.InnerTextAsync("[data-testid=outbox]"), StringComparison.Ordinal);
        Assert.DoesNotContain("赵敏", await page.InnerTextAsync("[data-testid=outbox]"), StringComparison.Ordinal);

        // Both parties' answers are recorded.
        await ResolutionSteps.BothAgreeAndCarriedOutAsync(page, "1500 元已原路退回", complainantComment: "同意");
        await expert.ScreenshotAsync("42-both-agreed-zh");

        await ResolutionSteps.CloseAndWaitArchivedAsync(page);
        await page.WaitForSelectorAsync("[data-testid=archive-panel]");
        Assert.Equal(0, await page.Locator("[data-testid=complaint-actions]").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=resolution-panel]").CountAsync());
        Assert.Contains("已办结", await page.InnerTextAsync("[data-testid=archive-outcome]"), StringComparison.Ordinal);
        await expert.ScreenshotAsync("43-closed-archived-zh");

        // The supervisor finds it in the archive.
        await supervisor.Page.GotoAsync("/archive");
        await supervisor.WaitForCircuitAsync();
        await supervisor.Page.FillAsync("[data-testid=archive-search]", tracking);
        await supervisor.Page.ClickAsync("[data-testid=archive-go]");
        await supervisor.Page.WaitForSelectorAsync($"[data-testid=archive-row][data-tracking='{tracking}']");
        await supervisor.ScreenshotAsync("44-archive-search-zh");
    }

    private static async Task OpenAsync(ConsolePages pages, int id)
    {
        await pages.Page.GotoAsync($"/complaints/{id}");
        await pages.WaitForCircuitAsync();
        await pages.Page.WaitForSelectorAsync("[data-testid=complaint-detail][data-loaded=true]");
    }

    /// <summary>A complaint the expert accepted and moved to resolving, through the app's own services.</summary>
    private async Task<(int Id, string Tracking)> ResolvingCaseAsync()
    {
        var services = browser.App.Services;
        await using var db = browser.App.OpenDb();
        var u = await db.Users.SingleAsync(x => x.UserName == "expert");
        var expert = new Actor(u.Id, u.DisplayName);
        var c = await services.GetRequiredService<IntakeService>().ReceiveAsync(new NewComplaint
        {
            Channel = Channel.Web,
            Complainant = new Complainant { Name = "钱多多", Phone = "13655557777", Province = "四川", City = "成都" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "蜀味生鲜店" },
            ProductLine = "本地生活",
            ProblemSubType = ProblemSubType.ReturnOrRefund,
            Title = "生鲜变质拒绝退款",
            Description = "收到的海鲜已变质，商家拒绝退款。" + Guid.NewGuid(),
            Demands = "全额退款",
        }, expert, expert);
        var commands = services.GetRequiredService<ComplaintCommands>();
        var v = await commands.MoveAsync(c.Id, c.Version, ComplaintStatus.Investigating, null, expert);
        v = await commands.ChangeAsync(c.Id, v, x => x.RecordInvestigation("海鲜运输中失温变质", "货款 ¥1500", "全额退款", expert, browser.App.Clock.GetUtcNow().UtcDateTime), default);
        await commands.MoveAsync(c.Id, v, ComplaintStatus.Resolving, null, expert);
        return (c.Id, c.TrackingNumber);
    }
}
