using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Tests.Support;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Handling;

/// <summary>The case view's investigation and collaboration panels on the detail page (R12, R18, R20), as the agent sees them.</summary>
public sealed class InvestigationPanelViewTests : ComponentTestBase
{
    private async Task<IRenderedComponent<ComplaintDetail>> RenderAsync(ProblemSubType subType)
    {
        var complaint = Complaint.Receive(new NewComplaint
        {
            Channel = Channel.Web,
            Complainant = new Complainant { Name = "张三丰", Phone = "13812341234", Province = "北京", City = "北京" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "示例商家" },
            ProductLine = "电商平台",
            ProblemSubType = subType,
            Title = "店铺销售盗版图书",
            Description = "多本图书为盗版。",
            Demands = "下架并退款",
        }, "TS-20261128-00901", Agent, Agent, Now.AddHours(-3));
        complaint.MoveTo(ComplaintStatus.Accepted, Agent, Now.AddHours(-2));
        complaint.MoveTo(ComplaintStatus.Investigating, Agent, Now.AddHours(-1));
        var id = await StoreAsync(complaint);
        Render<MudPopoverProvider>();
        var cut = Render<ComplaintDetail>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("[data-testid=investigation-panel]", TimeSpan.FromSeconds(10));
        return cut;
    }

    private static string[] Blockers(IRenderedComponent<ComplaintDetail> cut) =>
        cut.FindAll("[data-testid=resolution-blockers] [data-code]").Select(e => e.GetAttribute("data-code")!).ToArray();

    [Fact]
    public async Task R20_R12_the_agent_records_the_investigation_and_an_infringement_case_still_waits_for_verification()
    {
        var cut = await RenderAsync(ProblemSubType.Copyright);
        Assert.Equal(["InvestigationRecordRequired", "DepartmentVerificationRequired"], Blockers(cut));
        Assert.NotNull(cut.Find("[data-testid=verification-needed]"));
        // The demand starts from the intake's words.
        Assert.Equal("下架并退款", cut.Find("textarea[data-testid=investigation-demand-input]").GetAttribute("value"));

        cut.Find("textarea[data-testid=investigation-cause-input]").Change("商家上架未经授权的电子书");
        cut.Find("button[data-testid=investigation-save]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=investigation-error]")));
        Assert.Equal("请填写全部三项：投诉原因、损害程度和用户诉求。", cut.Find("[data-testid=investigation-error]").TextContent.Trim());

        cut.Find("textarea[data-testid=investigation-damage-input]").Change("用户购买 3 本，共 87 元");
        cut.Find("button[data-testid=investigation-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("商家上架未经授权的电子书", cut.Find("[data-testid=investigation-cause]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal(["DepartmentVerificationRequired"], Blockers(cut));
        Assert.Contains(cut.FindAll("[data-testid=timeline-event]"), e => e.GetAttribute("data-kind") == nameof(TimelineEventKind.InvestigationRecorded));
    }

    [Fact]
    public async Task R18_R29_the_case_view_shows_masked_parties_history_counts_and_the_product_lines_policy()
    {
        var cut = await RenderAsync(ProblemSubType.ReturnOrRefund);
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-testid=count-same-complainant]").TextContent.Trim()));
        Assert.Contains("张**", cut.Find("[data-testid=lookup-complainant]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", cut.Markup, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=applicable-policies]"));

        // Listing the history without a purpose is refused in place.
        cut.Find("button[data-testid=history-show]").Click();
        cut.WaitForAssertion(() => Assert.Contains("请说明", cut.Find("[data-testid=case-lookups]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=history-complainant]"));

        cut.Find("input[data-testid=history-purpose]").Change("核实是否重复投诉");
        cut.Find("button[data-testid=history-show]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=history-complainant]")), TimeSpan.FromSeconds(10));
        await using var db = await DbFactory.CreateDbContextAsync();
        Assert.Single(db.AuditEntries.Where(e => e.Subject == "TS-20261128-00901" && e.Purpose == "核实是否重复投诉"));
    }
}
