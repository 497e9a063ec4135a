using System.Globalization;
using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Tests.Support;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Complaints;

public sealed class ComplaintActionsViewTests : ComponentTestBase
{
    private async Task<(IRenderedComponent<ComplaintActions> Cut, Complaint Loaded, Func<int> ChangedCount)> RenderAsync()
    {
        var id = await StoreAsync(TestComplaints.Make("TS-20261128-00003", Now.AddHours(-1)));
        var loaded = (await Services.GetService<ComplaintQueries>()!.DetailAsync(id))!;
        var changed = 0;
        Render<MudPopoverProvider>();
        var cut = Render<ComplaintActions>(p => p
            .Add(x => x.Complaint, loaded)
            .Add(x => x.Changed, () => changed++));
        return (cut, loaded, () => changed);
    }

    [Fact]
    public async Task R7_out_of_scope_without_a_reason_shows_the_plain_words_error_and_saves_nothing()
    {
        var (cut, loaded, changed) = await RenderAsync();

        cut.Find("[data-testid=move-OutOfScope]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "这一步必须在上方填写理由（将存档并告知用户）。",
            cut.Find("[data-testid=action-error]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal(0, changed());
        var stored = (await Services.GetService<ComplaintQueries>()!.DetailAsync(loaded.Id))!;
        Assert.Equal(ComplaintStatus.Received, stored.Status);
        Assert.Equal(loaded.Version, stored.Version);
    }

    [Fact]
    public async Task R7_the_error_is_in_english_for_english_users()
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var (cut, _, _) = await RenderAsync();
            cut.Find("[data-testid=move-OutOfScope]").Click();
            cut.WaitForAssertion(() => Assert.Equal(
                "This step needs a written reason above (it is kept on record and told to the user).",
                cut.Find("[data-testid=action-error]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public async Task R7_out_of_scope_with_a_reason_is_saved_with_the_reason()
    {
        var (cut, loaded, changed) = await RenderAsync();

        cut.Find("textarea[data-testid=action-text]").Change("不属于本公司产品范围，已告知用户向相关单位反映。");
        cut.Find("[data-testid=move-OutOfScope]").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, changed()), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("[data-testid=action-error]"));
        var stored = (await Services.GetService<ComplaintQueries>()!.DetailAsync(loaded.Id))!;
        // Out of scope is a closure: archived at once (R27).
        Assert.Equal(ComplaintStatus.Archived, stored.Status);
        Assert.Equal(ComplaintStatus.OutOfScope, stored.ArchivedFrom);
        Assert.Equal("不属于本公司产品范围，已告知用户向相关单位反映。", stored.Resolution);
        var move = Assert.Single(stored.Timeline, e => e.Kind == TimelineEventKind.StatusChanged && e.After == nameof(ComplaintStatus.OutOfScope));
        Assert.Equal(Agent.Id, move.ActorId);
        Assert.Equal(Agent.Name, move.ActorName);
    }

    [Fact]
    public async Task A_stale_copy_shows_the_conflict_message_with_a_reload_button()
    {
        var (cut, loaded, changed) = await RenderAsync();
        // Someone else adds a note after this page loaded the complaint.
        await Services.GetService<ComplaintCommands>()!.AddNoteAsync(loaded.Id, loaded.Version, "另一位客服的备注", new Actor("other", "王强"));

        cut.Find("textarea[data-testid=action-text]").Change("我的备注");
        cut.Find("[data-testid=add-note]").Click();

        cut.WaitForAssertion(() => Assert.Contains("TS-20261128-00003 在您处理期间已被他人修改", cut.Find("[data-testid=action-error]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(0, changed());
        cut.Find("[data-testid=reload-after-conflict]").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, changed()), TimeSpan.FromSeconds(10));
        var stored = (await Services.GetService<ComplaintQueries>()!.DetailAsync(loaded.Id))!;
        Assert.DoesNotContain(stored.Timeline, e => e.Note == "我的备注");
    }
}
