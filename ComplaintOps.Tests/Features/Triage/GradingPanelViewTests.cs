using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Triage;
using ComplaintOps.Tests.Support;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Triage;

public sealed class GradingPanelViewTests : ComponentTestBase
{
    private async Task<(IRenderedComponent<GradingPanel> Cut, Complaint Loaded, Func<int> ChangedCount)> RenderHighRiskAsync()
    {
        var complaint = Complaint.Receive(new NewComplaint
        {
            Channel = Channel.Phone,
            Complainant = new Complainant { Name = "张三丰", Phone = "13812341234", Province = "北京", City = "北京" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "示例商家" },
            ProductLine = "电商",
            ProblemSubType = ProblemSubType.ReturnOrRefund,
            Severity = ComplaintSeverity.HighRisk,
            HighRiskTriggers = HighRiskTriggers.NationalMediaExposure,
            RiskLevel = RiskLevel.Critical,
            Title = "退款未到账，要找央视曝光",
            Description = "申请退款后十天仍未到账，已联系央视记者。",
            Demands = "尽快退款",
        }, "TS-20261128-00009", Actor.System, Agent, Now.AddHours(-1));
        complaint.MoveTo(ComplaintStatus.Accepted, Agent, Now.AddMinutes(-50));
        var id = await StoreAsync(complaint);
        var loaded = (await Services.GetService<ComplaintQueries>()!.DetailAsync(id))!;
        var changed = 0;
        Render<MudPopoverProvider>();
        var cut = Render<GradingPanel>(p => p.Add(x => x.Complaint, loaded).Add(x => x.Changed, () => changed++));
        return (cut, loaded, () => changed);
    }

    [Fact]
    public async Task R10_a_high_risk_complaint_without_plans_says_what_is_missing()
    {
        var (cut, _, _) = await RenderHighRiskAsync();
        Assert.Equal("高风险投诉须先登记预处理方案、应答口径和处理方案，才能进入调查处理。", cut.Find("[data-testid=plans-missing]").TextContent.Trim());
    }

    [Fact]
    public async Task R10_saving_incomplete_plans_shows_the_plain_words_error_and_saves_nothing()
    {
        var (cut, loaded, changed) = await RenderHighRiskAsync();

        cut.Find("textarea[data-testid=plan-pre]").Change("专人对接，当日回访");
        cut.Find("textarea[data-testid=plan-line]").Change("高度重视，专项核查");
        cut.Find("[data-testid=plans-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "请填写全部三项：预处理方案、应答口径和处理方案。",
            cut.Find("[data-testid=plans-error]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal(0, changed());
        var stored = (await Services.GetService<ComplaintQueries>()!.DetailAsync(loaded.Id))!;
        Assert.Null(stored.PreHandlingPlan);
        Assert.Equal(loaded.Version, stored.Version);
    }

    [Fact]
    public async Task R10_saving_all_three_plans_records_them()
    {
        var (cut, loaded, changed) = await RenderHighRiskAsync();

        cut.Find("textarea[data-testid=plan-pre]").Change("专人对接，当日回访");
        cut.Find("textarea[data-testid=plan-line]").Change("高度重视，专项核查");
        cut.Find("textarea[data-testid=plan-handling]").Change("两个工作日内给出方案");
        cut.Find("[data-testid=plans-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, changed()), TimeSpan.FromSeconds(10));
        var stored = (await Services.GetService<ComplaintQueries>()!.DetailAsync(loaded.Id))!;
        Assert.True(stored.HasHighRiskPlans);
        Assert.Equal("两个工作日内给出方案", stored.HandlingPlan);
    }

    [Fact]
    public async Task R8_changing_the_grade_without_a_reason_shows_the_plain_words_error()
    {
        var (cut, _, changed) = await RenderHighRiskAsync();

        cut.Find("[data-testid=grade-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "调整分级须填写原因，原因将记入时间线。",
            cut.Find("[data-testid=grade-error]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal(0, changed());
    }
}
