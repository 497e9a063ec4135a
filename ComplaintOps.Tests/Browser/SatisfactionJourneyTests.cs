using System.Text.RegularExpressions;
using ComplaintOps.Data;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake;
using ComplaintOps.Features.Satisfaction;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>
/// R26: a user rates a closed case 1 star on the public survey page; the call-back job (run here directly, as Quartz
/// would) gives an expert or coach a call-back on /callbacks and the supervisor's open board shows the low-satisfaction alarm.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class SatisfactionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [GeneratedRegex(@"/public/survey/([A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();

    [Fact]
    public async Task R26_a_one_star_answer_gives_an_expert_a_call_back_and_the_supervisor_an_alarm()
    {
        var services = browser.App.Services;
        var dbFactory = services.GetRequiredService<IDbContextFactory<ComplaintOpsDb>>();
        Actor agent;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var u = await db.Users.SingleAsync(x => x.UserName == "agent");
            agent = new Actor(u.Id, u.DisplayName);
        }
        var c = await services.GetRequiredService<IntakeService>().ReceiveAtConsoleAsync(new NewComplaint
        {
            Channel = Channel.Phone,
            Complainant = new Complainant { Name = "司马光华", Phone = "13611112222", Province = "江苏", City = "南京" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "某某书店" },
            ProductLine = "电商平台",
            ProblemSubType = ProblemSubType.ShippingFeeDispute,
            Title = "运费疑问",
            Description = "询问运费为何收取两次。",
            Demands = "解释",
        }, agent, new ConsoleDecision(FirstContactOutcome.SolvedOnFirstContact, "已说明。"));
        string token;
        await using (var db = await dbFactory.CreateDbContextAsync())
            token = (await db.OutboundMessages.Where(m => m.ComplaintId == c.Id).Select(m => m.Text).ToListAsync())
                .Select(t => LinkPattern().Match(t)).Single(m => m.Success).Groups[1].Value;

        var supervisor = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        supervisor.Page.Context.SetDefaultTimeout(45_000);
        await supervisor.SignInAsync("supervisor", DemoUsers.Password);
        await supervisor.Page.GotoAsync("/board");
        await supervisor.Page.WaitForSelectorAsync("[data-testid=board][data-ready=true]");

        // The user, not signed in, rates 1 star.
        var user = await browser.NewPageAsync("zh-CN");
        user.Context.SetDefaultTimeout(45_000);
        await user.GotoAsync($"/public/survey/{token}");
        await user.WaitForSelectorAsync($"[data-testid=survey-tracking]:has-text('{c.TrackingNumber}')");
        Assert.DoesNotContain("司马光华", await user.ContentAsync(), StringComparison.Ordinal);
        await user.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "60-survey-open-zh.png"), FullPage = true });
        await user.CheckAsync("[data-testid=star-1]");
        await user.FillAsync("#comment", "问题根本没解决");
        await user.ClickAsync("[data-testid=survey-submit]");
        await user.WaitForSelectorAsync("[data-testid=survey-thanks]");
        await user.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "61-survey-thanks-zh.png"), FullPage = true });

        await services.GetRequiredService<CallbackScheduler>().RunAsync();

        await supervisor.Page.WaitForSelectorAsync($"[data-testid=alarm][data-kind=LowSatisfaction]:has-text('{c.TrackingNumber}')");
        // The satisfaction tile was pushed live too: today has an answer (no longer "—").
        await supervisor.Page.WaitForSelectorAsync("[data-testid=satisfaction-Today] [data-testid=satisfaction-value]:not(:has-text('—'))");
        await supervisor.ScreenshotAsync("62-board-low-satisfaction-zh");

        string assignee;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var task = await db.CallbackTasks.SingleAsync(t => t.ComplaintId == c.Id);
            assignee = await db.Users.Where(u => u.Id == task.AssignedToId).Select(u => u.UserName!).SingleAsync();
        }
        Assert.Contains(assignee, new[] { "expert", "expert2", "coach" });
        var expert = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        expert.Page.Context.SetDefaultTimeout(45_000);
        await expert.SignInAsync(assignee, DemoUsers.Password);
        await expert.Page.GotoAsync("/callbacks");
        await expert.Page.WaitForSelectorAsync("[data-testid=callbacks][data-ready=true]");
        var row = expert.Page.Locator($"[data-testid=callback-row][data-tracking='{c.TrackingNumber}']");
        await row.WaitForAsync();
        Assert.Contains("问题根本没解决", await row.InnerTextAsync(), StringComparison.Ordinal);
        await expert.ScreenshotAsync("63-callbacks-expert-zh");

        // The expert records the outcome: resolved; the call-back leaves the list.
        await row.Locator("[data-testid=callback-record]").ClickAsync();
        await expert.Page.Locator("[data-testid=outcome-Resolved]").ClickAsync();
        await expert.Page.ClickAsync("[data-testid=callback-save]");
        await row.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        await expert.ScreenshotAsync("64-callbacks-done-zh");
    }
}
