using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;
using ComplaintOps.Features.Triage;

namespace ComplaintOps.Tests.Domain.Triage;

/// <summary>R8, R10: severity, level, triggers and reasons from the rules.</summary>
public sealed class RiskGraderTests
{
    private static readonly GradingPolicy Policy = new(
        RuleSeeder.RiskKeywords.Select(k => new RiskKeyword(k.Keyword, k.Level, k.Trigger)).ToArray(),
        CompensationThresholdCents: 5000_00,
        RepeatComplaintCount: 2,
        RepeatWindowDays: 30);

    private static RiskGrade Grade(string text = "退款没到账", Channel channel = Channel.Phone, SpecialGroup group = SpecialGroup.None, string demands = "尽快退款", int earlier = 0) =>
        RiskGrader.Grade(new GradingInput(channel, group, text, demands, earlier), Policy);

    [Fact]
    public void R8_nothing_matched_is_general_and_low_with_no_reasons()
    {
        var grade = Grade();
        Assert.Equal(ComplaintSeverity.General, grade.Severity);
        Assert.Equal(RiskLevel.Low, grade.Level);
        Assert.Equal(HighRiskTriggers.None, grade.Triggers);
        Assert.Empty(grade.Reasons);
    }

    [Theory]
    [InlineData(Channel.Regulator, ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.GovernmentAttention)]
    [InlineData(Channel.Media, ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.NationalMediaExposure)]
    [InlineData(Channel.PublicOpinion, ComplaintSeverity.General, RiskLevel.Medium, HighRiskTriggers.None)]
    [InlineData(Channel.Web, ComplaintSeverity.General, RiskLevel.Low, HighRiskTriggers.None)]
    public void R10_the_source_channel_grades(Channel channel, ComplaintSeverity severity, RiskLevel level, HighRiskTriggers trigger)
    {
        var grade = Grade(channel: channel);
        Assert.Equal((severity, level, trigger), (grade.Severity, grade.Level, grade.Triggers));
        if (level > RiskLevel.Low) Assert.Equal(GradeReasonKind.Channel, Assert.Single(grade.Reasons).Kind);
    }

    [Theory]
    [InlineData("央视记者要来曝光", RiskLevel.Critical, HighRiskTriggers.NationalMediaExposure)]
    [InlineData("我已经联系了媒体", RiskLevel.High, HighRiskTriggers.NationalMediaExposure)]
    [InlineData("我要打12315投诉你们", RiskLevel.High, HighRiskTriggers.GovernmentAttention)]
    [InlineData("再不处理我就自杀", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty)]
    [InlineData("这关系到人身安全", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty)]
    [InlineData("A journalist from a national paper is asking", RiskLevel.High, HighRiskTriggers.NationalMediaExposure)]
    [InlineData("I will commit SUICIDE", RiskLevel.Critical, HighRiskTriggers.DangerToLifeOrProperty)]
    public void R10_high_risk_keywords_make_it_high_risk_with_their_trigger(string text, RiskLevel level, HighRiskTriggers trigger)
    {
        var grade = Grade(text);
        Assert.Equal(ComplaintSeverity.HighRisk, grade.Severity);
        Assert.Equal(level, grade.Level);
        Assert.Equal(trigger, grade.Triggers);
        Assert.All(grade.Reasons, r => Assert.Equal(GradeReasonKind.Keyword, r.Kind));
    }

    [Theory]
    [InlineData("我要起诉你们", "起诉", RiskLevel.Medium)]
    [InlineData("已经请了律师", "律师", RiskLevel.Medium)]
    [InlineData("我要报警", "报警", RiskLevel.High)]
    [InlineData("My lawyer will file a lawsuit", "lawyer", RiskLevel.Medium)]
    [InlineData("I called the police", "police", RiskLevel.High)]
    public void R8_legal_and_police_keywords_raise_the_level_but_are_not_high_risk_triggers(string text, string keyword, RiskLevel level)
    {
        var grade = Grade(text);
        Assert.Equal(ComplaintSeverity.General, grade.Severity);
        Assert.Equal(level, grade.Level);
        Assert.Contains(grade.Reasons, r => r.Kind == GradeReasonKind.Keyword && r.Detail == keyword);
    }

    [Theory]
    [InlineData(SpecialGroup.None, RiskLevel.Low)]
    [InlineData(SpecialGroup.Elderly, RiskLevel.Medium)]
    [InlineData(SpecialGroup.Minor, RiskLevel.Medium)]
    [InlineData(SpecialGroup.AssistanceRequested, RiskLevel.Medium)]
    public void R8_a_special_group_raises_the_level_one_step(SpecialGroup group, RiskLevel level)
    {
        var grade = Grade(group: group);
        Assert.Equal(level, grade.Level);
        Assert.Equal(ComplaintSeverity.General, grade.Severity);
        Assert.Equal(group != SpecialGroup.None, grade.Reasons.Any(r => r.Kind == GradeReasonKind.SpecialGroup));
    }

    [Fact]
    public void R8_a_special_group_raises_a_high_keyword_to_critical_and_critical_stays_critical()
    {
        Assert.Equal(RiskLevel.Critical, Grade("我要报警", group: SpecialGroup.Elderly).Level);
        Assert.Equal(RiskLevel.Critical, Grade("自杀", group: SpecialGroup.Minor).Level);
    }

    [Theory]
    [InlineData("赔偿5000元", true)]
    [InlineData("赔偿4999元", false)]
    [InlineData("赔偿4999.99元", false)]
    [InlineData("赔偿5000.00元", true)]
    [InlineData("¥5,000", true)]
    [InlineData("￥4,999", false)]
    [InlineData("5000 yuan compensation", true)]
    [InlineData("compensation of RMB 8000", true)]
    [InlineData("赔偿2万元", true)]
    [InlineData("先赔100元，再退货", false)]
    [InlineData("退款并赔偿300元，另加¥6000精神损失", true)]
    [InlineData("拨打12315，要求5000", false)]
    [InlineData("", false)]
    public void R8_a_compensation_demand_at_or_above_the_threshold_is_medium(string demands, bool medium)
    {
        var grade = Grade(text: "退款", demands: demands);
        Assert.Equal(medium ? RiskLevel.Medium : RiskLevel.Low, grade.Level);
        Assert.Equal(medium, grade.Reasons.Any(r => r.Kind == GradeReasonKind.Compensation));
    }

    [Theory]
    [InlineData("赔偿5000元", 5000_00L)]
    [InlineData("¥5,000.50", 5000_50L)]
    [InlineData("赔偿2万元", 20000_00L)]
    [InlineData("1.5万元", 15000_00L)]
    [InlineData("100元和300元", 300_00L)]
    [InlineData("5000 Yuan", 5000_00L)]
    [InlineData("12315", null)]
    [InlineData("赔偿五千", null)]
    public void R8_amounts_are_read_from_the_demands(string text, long? cents) => Assert.Equal(cents, RiskGrader.LargestAmountCents(text));

    [Fact]
    public void R8_a_zero_threshold_turns_the_compensation_rule_off()
    {
        var grade = RiskGrader.Grade(new GradingInput(Channel.Web, SpecialGroup.None, "", "赔偿100000元"), Policy with { CompensationThresholdCents = 0 });
        Assert.Equal(RiskLevel.Low, grade.Level);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(7, true)]
    public void R8_a_repeat_complainant_is_medium_from_the_threshold(int earlier, bool repeat)
    {
        var grade = Grade(earlier: earlier);
        Assert.Equal(repeat ? RiskLevel.Medium : RiskLevel.Low, grade.Level);
        Assert.Equal(repeat, grade.Reasons.Any(r => r.Kind == GradeReasonKind.RepeatComplainant));
    }

    [Fact]
    public void R8_R10_a_combination_takes_the_highest_level_and_all_triggers_and_reasons()
    {
        var grade = Grade("记者说要曝光，我也打了12315，再不处理就报警", channel: Channel.Regulator, demands: "赔偿10000元", earlier: 3);

        Assert.Equal(ComplaintSeverity.HighRisk, grade.Severity);
        Assert.Equal(RiskLevel.High, grade.Level);
        Assert.Equal(HighRiskTriggers.NationalMediaExposure | HighRiskTriggers.GovernmentAttention, grade.Triggers);
        Assert.Equal(
            [GradeReasonKind.Channel, GradeReasonKind.Keyword, GradeReasonKind.Compensation, GradeReasonKind.RepeatComplainant],
            grade.Reasons.Select(r => r.Kind).Distinct().Order());
        Assert.Equal(["12315", "报警", "曝光", "记者"], grade.Reasons.Where(r => r.Kind == GradeReasonKind.Keyword).Select(r => r.Detail).Order(StringComparer.Ordinal));

        var withCctv = Grade("央视记者要曝光", demands: "赔偿10000元");
        Assert.Equal(RiskLevel.Critical, withCctv.Level);
    }

    [Fact]
    public void R10_a_high_risk_trigger_lifts_a_low_keyword_level_to_high()
    {
        var policy = Policy with { Keywords = [new RiskKeyword("黑猫", RiskLevel.Low, HighRiskTriggers.MajorSocialImpact)] };
        var grade = RiskGrader.Grade(new GradingInput(Channel.Web, SpecialGroup.None, "发到黑猫上了", ""), policy);
        Assert.Equal((ComplaintSeverity.HighRisk, RiskLevel.High), (grade.Severity, grade.Level));
    }

    [Fact]
    public void R10_the_summary_names_the_grade_and_the_reasons()
    {
        Assert.Equal("Graded: High risk, Critical — 央视, 记者, 曝光", Grade("央视记者要曝光").Summary);
        Assert.Equal("Graded: General, Low — no risk rule matched", Grade().Summary);
    }
}
