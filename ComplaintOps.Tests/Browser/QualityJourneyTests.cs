using ComplaintOps.Data;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Features.Quality;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>
/// R31: an inspector defines a plan and draws last week, scores a sampled case on the scorecard; the handler signs in,
/// sees the score with its comments and appeals once; the senior inspector upholds it.
/// </summary>
[Trait("Category", "Browser")]
public sealed class QualityJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Manual = ["Knowledge", "ProcessCompliance", "ResponseScript", "SystemOperation", "ServiceNorms"];

    [Fact]
    public async Task R31_an_inspector_samples_a_week_scores_a_case_and_the_handler_sees_the_score_and_appeals()
    {
        var dbFactory = browser.App.Services.GetRequiredService<IDbContextFactory<ComplaintOpsDb>>();
        var inspector = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        inspector.Page.Context.SetDefaultTimeout(45_000);
        await inspector.SignInAsync("inspector", DemoUsers.Password);

        // A plan: 20% of each handler's closed cases, seeded.
        await inspector.Page.GotoAsync("/quality/plans");
        await inspector.WaitForCircuitAsync();
        await inspector.Page.WaitForSelectorAsync("[data-testid=plans][data-loaded=true]");
        await inspector.Page.FillAsync("[data-testid=plan-name]", "浏览器抽检计划");
        await inspector.Page.FillAsync("[data-testid=plan-percent]", "20");
        await inspector.Page.PressAsync("[data-testid=plan-percent]", "Tab");
        await inspector.Page.ClickAsync("[data-testid=plan-save]");
        var planRow = inspector.Page.Locator("[data-testid=plan-row][data-name='浏览器抽检计划']");
        await planRow.WaitForAsync();
        // Draw last week (the page proposes it).
        await planRow.Locator("[data-testid=plan-draw]").ClickAsync();
        await inspector.Page.WaitForSelectorAsync("[data-testid=draw-result]");
        var sampled = int.Parse(await inspector.Page.GetAttributeAsync("[data-testid=draw-result]", "data-sampled") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(sampled > 0);
        await inspector.ScreenshotAsync("70-quality-plans-drawn-zh");

        // Pick one of this plan's inspections; its handler signs in later.
        long inspectionId;
        string tracking, handlerUser;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var planId = await db.SamplingPlans.Where(p => p.Name == "浏览器抽检计划").Select(p => p.Id).SingleAsync();
            var demoHandlers = await db.Users.Where(u => u.UserName == "agent" || u.UserName == "agent2" || u.UserName == "agent3" || u.UserName == "expert")
                .Select(u => new { u.Id, u.UserName }).ToListAsync();
            var ids = demoHandlers.Select(h => h.Id).ToList();
            var pick = await db.Inspections.Where(i => i.PlanId == planId && ids.Contains(i.HandlerId)).OrderBy(i => i.Id).FirstAsync();
            (inspectionId, tracking, handlerUser) = (pick.Id, pick.TrackingNumber, demoHandlers.Single(h => h.Id == pick.HandlerId).UserName!);
        }

        await inspector.Page.GotoAsync("/quality");
        await inspector.WaitForCircuitAsync();
        await inspector.Page.WaitForSelectorAsync("[data-testid=quality-queue][data-loaded=true]");
        await inspector.ScreenshotAsync("71-quality-queue-zh");
        await inspector.Page.GotoAsync($"/quality/inspections/{inspectionId}");
        await inspector.WaitForCircuitAsync();
        await inspector.Page.WaitForSelectorAsync("[data-testid=scorecard-form]");
        // Timeliness and user evaluation are filled from the case, not typed in.
        Assert.Equal(0, await inspector.Page.Locator("input[data-testid=score-Timeliness]").CountAsync());
        Assert.Equal("true", await inspector.Page.GetAttributeAsync("[data-dimension=Timeliness]", "data-auto"));
        foreach (var d in Manual)
        {
            await inspector.Page.FillAsync($"input[data-testid=score-{d}]", d == "ProcessCompliance" ? "50" : "90");
            await inspector.Page.PressAsync($"input[data-testid=score-{d}]", "Tab");
        }
        await inspector.Page.FillAsync("input[data-testid=comment-ProcessCompliance]", "超过两个工作日未向用户反馈进展");
        await inspector.Page.PressAsync("input[data-testid=comment-ProcessCompliance]", "Tab");
        await inspector.Page.WaitForSelectorAsync("[data-testid=scorecard-total]:not([data-total='—'])");
        await inspector.ScreenshotAsync("72-quality-scorecard-zh");
        await inspector.Page.ClickAsync("[data-testid=scorecard-submit]");
        await inspector.Page.WaitForSelectorAsync("[data-testid=scorecard-view][data-status=Scored]");
        var total = await inspector.Page.GetAttributeAsync("[data-testid=final-total]", "data-total");
        await inspector.ScreenshotAsync("73-quality-scored-zh");

        // The handler, in English, sees the score and the comment, and appeals once.
        var handler = new ConsolePages(await browser.NewPageAsync("en"));
        handler.Page.Context.SetDefaultTimeout(45_000);
        await handler.SignInAsync(handlerUser, DemoUsers.Password);
        await handler.Page.GotoAsync("/my-quality");
        await handler.WaitForCircuitAsync();
        await handler.Page.WaitForSelectorAsync("[data-testid=my-quality][data-loaded=true]");
        var card = handler.Page.Locator($"[data-testid=my-score][data-id='{inspectionId}']");
        await card.WaitForAsync();
        var text = await card.InnerTextAsync();
        Assert.Contains(tracking, text, StringComparison.Ordinal);
        Assert.Contains("超过两个工作日未向用户反馈进展", text, StringComparison.Ordinal);
        Assert.Equal(total, await card.Locator("[data-testid=final-total]").GetAttributeAsync("data-total"));
        await handler.ScreenshotAsync("74-my-quality-en");
        await card.Locator("[data-testid=appeal-open]").ClickAsync();
        await card.Locator("[data-testid=appeal-reason]").FillAsync("I called the user on day two; the call log shows it.");
        await card.Locator("[data-testid=appeal-reason]").PressAsync("Tab");
        await card.Locator("[data-testid=appeal-submit]").ClickAsync();
        await card.Locator("[data-testid=appeal-shown]").WaitForAsync();
        Assert.Equal(0, await card.Locator("[data-testid=appeal-open]").CountAsync());   // once only
        await handler.ScreenshotAsync("75-my-quality-appealed-en");

        // The senior inspector upholds it with a reason.
        var senior = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        senior.Page.Context.SetDefaultTimeout(45_000);
        await senior.SignInAsync(QualityDemoSeeder.SeniorInspectorUser, DemoUsers.Password);
        await senior.Page.GotoAsync("/quality/appeals");
        await senior.WaitForCircuitAsync();
        await senior.Page.WaitForSelectorAsync("[data-testid=appeals][data-loaded=true]");
        var appeal = senior.Page.Locator($"[data-testid=appeal-row][data-id='{inspectionId}']");
        await appeal.WaitForAsync();
        await appeal.Locator("[data-testid=appeal-decide-open]").ClickAsync();
        await appeal.Locator("[data-testid=decision-Uphold]").ClickAsync();
        await appeal.Locator("[data-testid=decision-reason]").FillAsync("通话记录中未见第二个工作日的回访。");
        await appeal.Locator("[data-testid=decision-reason]").PressAsync("Tab");
        await senior.ScreenshotAsync("76-quality-appeal-decide-zh");
        await appeal.Locator("[data-testid=decision-save]").ClickAsync();
        await appeal.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        int openCase;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            Assert.Equal(InspectionStatus.AppealUpheld, await db.Inspections.Where(i => i.Id == inspectionId).Select(i => i.Status).SingleAsync());
            openCase = await db.Complaints.Where(c => c.Status == ComplaintOps.Domain.Complaints.ComplaintStatus.Investigating && c.HandlerId != null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        }

        // An inspection (巡检) of an open case, started from the case page.
        await inspector.Page.GotoAsync($"/complaints/{openCase}");
        await inspector.WaitForCircuitAsync();
        await inspector.Page.ClickAsync("[data-testid=quality-case-start]");
        await inspector.Page.WaitForSelectorAsync("[data-testid=scorecard-form]");
        Assert.Contains("/quality/inspections/", inspector.Page.Url, StringComparison.Ordinal);
        await inspector.ScreenshotAsync("77-quality-open-case-inspection-zh");
    }
}
