using ComplaintOps.Data.Seeding;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ComplaintOps.Tests.Browser;

/// <summary>
/// Issue 4's collaboration journey in Debian's Chromium (R21): an expert opens a Legal task from a case; the legal liaison
/// answers it from the task inbox in a second browser context; the answer is on the case timeline.
/// </summary>
[Trait("Category", "Browser")]
public sealed class CollaborationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Question = "用户主张格式条款无效，请法务评估该条款的效力。";
    private const string Answer = "经评估，该条款已履行提示义务，合法有效；建议向用户说明依据。";

    [Fact]
    public async Task R21_an_expert_opens_a_legal_task_the_liaison_answers_it_and_the_answer_is_on_the_case_timeline()
    {
        int id;
        string trackingNumber;
        await using (var db = browser.App.OpenDb())
        {
            var open = await db.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.Investigating).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.TrackingNumber }).FirstAsync();
            (id, trackingNumber) = (open.Id, open.TrackingNumber);
        }

        // The expert, in the first browser context.
        var expert = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        await expert.SignInAsync("expert", DemoUsers.Password);
        await expert.Page.GotoAsync($"/complaints/{id}");
        await expert.WaitForCircuitAsync();
        await expert.Page.WaitForSelectorAsync("[data-testid=collaboration-panel]");
        await expert.PickFilterAsync("task-department", "法务");
        await expert.Page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
        await expert.Page.FillAsync("[data-testid=task-question]", Question);
        await expert.Page.ClickAsync("[data-testid=task-open]");
        var task = await expert.Page.WaitForSelectorAsync("[data-testid=case-task][data-status=Open]", new() { Timeout = 30_000 });
        Assert.Contains("法务", await task!.InnerTextAsync(), StringComparison.Ordinal);
        await expert.Page.WaitForSelectorAsync("[data-testid=timeline-event][data-kind=CollaborationTaskOpened]");
        await expert.ScreenshotAsync("40-collaboration-task-opened-zh");

        // The legal liaison, in a second browser context (own cookies, own circuit).
        var liaison = new ConsolePages(await browser.NewPageAsync("zh-CN"));
        await liaison.SignInAsync("liaison", DemoUsers.Password);
        await liaison.Page.GotoAsync("/tasks");
        await liaison.WaitForCircuitAsync();
        await liaison.Page.WaitForSelectorAsync("[data-testid=task-inbox][data-loaded=true]");
        var row = liaison.Page.Locator($"[data-testid=inbox-task][data-tracking='{trackingNumber}']");
        await row.WaitForAsync(new() { Timeout = 30_000 });
        var rowText = await row.InnerTextAsync();
        Assert.Contains(Question, rowText, StringComparison.Ordinal);
        Assert.Matches(@"投诉人 \S\*+", rowText);
        await liaison.ScreenshotAsync("41-liaison-inbox-zh");

        await row.Locator("[data-testid=inbox-answer]").ClickAsync();
        await liaison.Page.WaitForSelectorAsync("[data-testid=answer-text]");
        await liaison.Page.FillAsync("[data-testid=answer-text]", Answer);
        await liaison.ScreenshotAsync("42-liaison-answer-dialog-zh");
        await liaison.Page.ClickAsync("[data-testid=answer-submit]");
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });

        // The expert's open case shows the answer without a reload: on the timeline and on the task.
        var answered = expert.Page.Locator("[data-testid=timeline-event][data-kind=CollaborationTaskAnswered]");
        await answered.WaitForAsync(new() { Timeout = 30_000 });
        Assert.Contains(Answer, await answered.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(Answer, await expert.Page.InnerTextAsync("[data-testid=case-task-answer]"), StringComparison.Ordinal);
        await expert.ScreenshotAsync("43-collaboration-answer-on-timeline-zh");

        // And after a reload it is still there (stored, not just pushed).
        await expert.Page.ReloadAsync();
        await expert.WaitForCircuitAsync();
        await expert.Page.Locator("[data-testid=timeline-event][data-kind=CollaborationTaskAnswered]").WaitForAsync(new() { Timeout = 30_000 });
    }
}
