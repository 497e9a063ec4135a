using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Tests.Support;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Complaints;

public sealed class ComplaintDetailViewTests : ComponentTestBase
{
    private async Task<IRenderedComponent<ComplaintDetail>> RenderDetailAsync()
    {
        // Received three days ago by web, accepted at once, never answered: the first reply is overdue.
        var c = TestComplaints.Make("TS-20261125-00007", Now.AddDays(-3), Channel.Web, "张三丰", "13812341234", "110101199003071234");
        c.MoveTo(ComplaintStatus.Accepted, Agent, Now.AddDays(-3).AddMinutes(5));
        c.AddNote(Agent, Now.AddDays(-2), "已致电用户，未接通。");
        var id = await StoreAsync(c);
        Render<MudPopoverProvider>();
        var cut = Render<ComplaintDetail>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid=complaint-detail]", TimeSpan.FromSeconds(10));
        return cut;
    }

    [Fact]
    public async Task R15_detail_shows_the_sla_clocks_with_the_overdue_one_in_red()
    {
        var cut = await RenderDetailAsync();

        var clocks = cut.FindAll("[data-clock]").ToDictionary(e => e.GetAttribute("data-clock")!);
        Assert.Equal(
            new[] { nameof(SlaClockKind.RiskResponse), nameof(SlaClockKind.FirstReply), nameof(SlaClockKind.ProgressFeedback) }.Order(),
            clocks.Keys.Order());
        Assert.Equal(nameof(SlaClockState.Met), clocks[nameof(SlaClockKind.RiskResponse)].GetAttribute("data-state"));

        var firstReply = clocks[nameof(SlaClockKind.FirstReply)];
        Assert.Equal(nameof(SlaClockState.Overdue), firstReply.GetAttribute("data-state"));
        Assert.Contains("已超时", firstReply.TextContent, StringComparison.Ordinal);
        Assert.NotNull(firstReply.QuerySelector(".mud-chip-color-error"));
        Assert.Null(clocks[nameof(SlaClockKind.RiskResponse)].QuerySelector(".mud-chip-color-error"));
    }

    [Fact]
    public async Task R29_detail_shows_masked_phone_and_id_number()
    {
        var cut = await RenderDetailAsync();

        Assert.Equal("138****1234", cut.Find("[data-testid=detail-phone]").TextContent.Trim());
        Assert.Equal("110***********1234", cut.Find("[data-testid=detail-id-number]").TextContent.Trim());
        Assert.StartsWith("张**", cut.Find("[data-testid=detail-complainant]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("13812341234", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("110101199003071234", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_shows_the_timeline_newest_first()
    {
        var cut = await RenderDetailAsync();

        var kinds = cut.FindAll("[data-testid=timeline-event]").Select(e => e.GetAttribute("data-kind")).ToList();
        Assert.Equal([nameof(TimelineEventKind.Note), nameof(TimelineEventKind.StatusChanged), nameof(TimelineEventKind.Received)], kinds);
        var note = cut.FindAll("[data-testid=timeline-event]")[0];
        Assert.Contains("已致电用户，未接通。", note.TextContent, StringComparison.Ordinal);
        Assert.Contains("李娜", note.TextContent, StringComparison.Ordinal);
        var move = cut.FindAll("[data-testid=timeline-event]")[1];
        Assert.Contains("已接收 → 已受理", move.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_id_says_the_complaint_does_not_exist()
    {
        Render<MudPopoverProvider>();
        var cut = Render<ComplaintDetail>(p => p.Add(x => x.Id, 987654));
        cut.WaitForElement("[data-testid=complaint-missing]", TimeSpan.FromSeconds(10));
    }
}
