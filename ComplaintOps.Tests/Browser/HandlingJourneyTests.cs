using ComplaintOps.Data.Seeding;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Handling.Routing;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Features.Handling.Routing;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>
/// Issue 4's whole journey in Debian's Chromium, three people in three browser contexts: the expert takes a high-risk
/// case from "My queue" (R19), records its plans (R10) and the investigation (R20), opens a Legal task (R21) that the
/// legal liaison answers; the expert proposes compensation above the fast limit (R22), a supervisor approves it, the
/// result goes to both parties and both agree (R24), the case closes (R25) and is archived read-only (R27).
/// </summary>
[Trait("Category", "Browser")]
public sealed class HandlingJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Timeout = 45_000;

    [Fact]
    public async Task R19_R21_R22_R24_R25_R27_an_expert_takes_a_high_risk_case_from_acceptance_to_archive()
    {
        var services = browser.App.Services;
        var complaint = await services.GetRequiredService<IntakeService>().ReceiveAsync(
            RoutingTestData.Complaint("电商平台", ProblemSubType.ReturnOrRefund, "13600009001",
                severity: ComplaintSeverity.HighRisk, triggers: HighRiskTriggers.GovernmentAttention, level: RiskLevel.High),
            RoutingTestData.Web);
        await services.GetRequiredService<RoutingDispatcher>().RouteWaitingAsync();
        var (id, tracking) = (complaint.Id, complaint.TrackingNumber);

        // The expert takes it from My queue.
        var expert = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        expert.Page.Context.SetDefaultTimeout(Timeout);
        var page = expert.Page;
        await expert.SignInAsync("expert", DemoUsers.Password);
        await page.WaitForURLAsync("**/my-queue");
        var row = page.Locator($"[data-testid=my-queue-row][data-id='{id}']");
        await row.WaitForAsync();
        Assert.Equal("true", await row.GetAttributeAsync("data-high-risk"));
        await row.Locator("[data-testid=my-queue-open]").ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=complaint-detail][data-loaded=true]");
        await expert.WaitForCircuitAsync();

        // Accepted, its three plans on record (R10), then investigating.
        await page.ClickAsync("[data-testid=move-Accepted]");
        await page.WaitForSelectorAsync("[data-status=Accepted]");
        await page.FillAsync("[data-testid=plan-pre]", "立即致电安抚，核实订单情况。");
        await page.FillAsync("[data-testid=plan-line]", "公司高度重视，24 小时内给出处理结果。");
        await page.FillAsync("[data-testid=plan-handling]", "协调商家退款，法务同步评估。");
        await page.ClickAsync("[data-testid=plans-save]");
        await page.WaitForSelectorAsync("[data-testid=plans-recorded]");
        await page.ClickAsync("[data-testid=move-Investigating]");
        await page.WaitForSelectorAsync("[data-status=Investigating]");

        // The investigation's findings (R20).
        await page.FillAsync("[data-testid=investigation-cause-input]", "商家以格式条款拒绝退款");
        await page.FillAsync("[data-testid=investigation-damage-input]", "货款 ¥1500 未退");
        await page.FillAsync("[data-testid=investigation-demand-input]", "全额退款");
        await page.ClickAsync("[data-testid=investigation-save]");
        await page.WaitForSelectorAsync("[data-testid=investigation-record]");

        // A Legal task (R21), answered by the legal liaison in a second browser context.
        await expert.PickFilterAsync("task-department", "法务");
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        await page.FillAsync("[data-testid=task-question]", "商家的格式条款是否有效？");
        await page.ClickAsync("[data-testid=task-open]");
        await page.WaitForSelectorAsync("[data-testid=case-task][data-status=Open]");

        var liaison = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        liaison.Page.Context.SetDefaultTimeout(Timeout);
        await liaison.SignInAsync("liaison", DemoUsers.Password);
        await liaison.Page.GotoAsync("/tasks");
        await liaison.WaitForCircuitAsync();
        var task = liaison.Page.Locator($"[data-testid=inbox-task][data-tracking='{tracking}']");
        await task.WaitForAsync();
        await task.Locator("[data-testid=inbox-answer]").ClickAsync();
        await liaison.Page.FillAsync("[data-testid=answer-text]", "该条款未履行提示义务，不能排除用户的退款权利。");
        await liaison.Page.ClickAsync("[data-testid=answer-submit]");
        await task.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.Locator("[data-testid=timeline-event][data-kind=CollaborationTaskAnswered]").WaitForAsync();
        await expert.ScreenshotAsync("70-handling-legal-answered-zh");

        // Resolving: compensation above the fast limit waits for a supervisor (R22).
        await page.ClickAsync("[data-testid=move-Resolving]");
        await page.WaitForSelectorAsync("[data-status=Resolving]");
        await ResolutionSteps.ProposeCompensationAsync(page, "1500", "格式条款无效，应全额退款");

        var supervisor = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        supervisor.Page.Context.SetDefaultTimeout(Timeout);
        await supervisor.SignInAsync("supervisor", DemoUsers.Password);
        await supervisor.Page.GotoAsync("/approvals");
        await supervisor.WaitForCircuitAsync();
        var approval = supervisor.Page.Locator($"[data-testid=approval-row][data-tracking='{tracking}']");
        await approval.Locator("[data-testid=approve]").ClickAsync();
        await approval.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        // The result to both parties, both agree, carried out, closed and archived.
        await page.ReloadAsync();
        await expert.WaitForCircuitAsync();
        await page.WaitForSelectorAsync("[data-testid=compensation-row][data-status=Approved]");
        await ResolutionSteps.SendResultToBothAsync(page, "商家全额退款 1500 元。",
            "您好，商家将在两个工作日内全额退款 1500 元。", "请于两个工作日内向用户全额退款 1500 元。");
        await ResolutionSteps.BothAgreeAndCarriedOutAsync(page, "1500 元已原路退回");
        await ResolutionSteps.CloseAndWaitArchivedAsync(page);
        Assert.Equal(0, await page.Locator("[data-testid=complaint-actions]").CountAsync());
        await expert.ScreenshotAsync("71-handling-archived-zh");

        // Every step is on the stored timeline, and the owner never changed (R34).
        await using var db = browser.App.OpenDb();
        var stored = await db.Complaints.Include(c => c.Timeline).AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal((ComplaintStatus.Archived, ComplaintStatus.Closed), (stored.Status, stored.ArchivedFrom));
        Assert.Equal(complaint.OwnerId, stored.OwnerId);
        var kinds = stored.Timeline.Select(e => e.Kind).ToHashSet();
        Assert.Superset(new HashSet<TimelineEventKind>
        {
            TimelineEventKind.Routed, TimelineEventKind.InvestigationRecorded, TimelineEventKind.CollaborationTaskOpened,
            TimelineEventKind.CollaborationTaskAnswered, TimelineEventKind.CompensationRecorded, TimelineEventKind.SolutionProposed,
            TimelineEventKind.OutboundSent, TimelineEventKind.PartyResponded, TimelineEventKind.SolutionCarriedOut,
        }, kinds);
    }
}
