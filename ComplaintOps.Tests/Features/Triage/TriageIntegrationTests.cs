using System.Net;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Intake;
using ComplaintOps.Features.Triage;
using ComplaintOps.Tests.Features.Identity;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Triage;

/// <summary>R8, R9, R10 through the real host: grading at intake, the plans gate, the rules page and rule edits.</summary>
public sealed class TriageIntegrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Actor Agent = new("agent-t", "李娜");
    private static readonly Actor Admin = new("admin-t", "系统管理员");

    private static NewComplaint Phone(string description, string phone = "13700001111", string demands = "尽快处理") => new()
    {
        Channel = Channel.Phone,
        Complainant = new Complainant { Name = "赵敏", Phone = phone, Province = "北京", City = "北京" },
        Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "数码前沿专卖店" },
        ProductLine = "电商平台",
        ProblemSubType = ProblemSubType.Malfunction,
        Title = "手机故障",
        Description = description,
        Demands = demands,
    };

    private T Get<T>() where T : notnull
    {
        _ = app.CreateClient();
        return app.Services.GetRequiredService<T>();
    }

    [Fact]
    public async Task R10_a_complaint_saying_央视记者要曝光_is_received_high_risk_with_its_triggers_and_the_grading_note()
    {
        var intake = Get<IntakeService>();

        var received = await intake.ReceiveAsync(Phone("手机用了三天就黑屏，央视记者要曝光你们", phone: "13700002222"), Agent, Agent);

        await using var db = app.OpenDb();
        var saved = await db.Complaints.Include(c => c.Timeline).SingleAsync(c => c.Id == received.Id);
        Assert.Equal(ComplaintSeverity.HighRisk, saved.Severity);
        Assert.Equal(RiskLevel.Critical, saved.RiskLevel);
        Assert.Equal(HighRiskTriggers.NationalMediaExposure, saved.HighRiskTriggers);
        var graded = Assert.Single(saved.Timeline, e => e.Field == "Grade");
        Assert.Equal("HighRisk/Critical", graded.After);
        Assert.StartsWith("Graded: High risk, Critical — ", graded.Note, StringComparison.Ordinal);
        Assert.Contains("央视", graded.Note, StringComparison.Ordinal);
        Assert.Contains("曝光", graded.Note, StringComparison.Ordinal);
        // Received → graded → accepted, in that order.
        Assert.Equal([TimelineEventKind.Received, TimelineEventKind.FieldChanged, TimelineEventKind.StatusChanged], saved.Timeline.OrderBy(e => e.Id).Select(e => e.Kind));
        // The critical level sets the 30-minute risk-response clock (R8).
        Assert.Equal(saved.ReceivedAtUtc.AddMinutes(30), saved.RiskResponseDueUtc);
    }

    [Fact]
    public async Task R10_the_plans_gate_holds_through_the_commands_until_the_plans_are_recorded()
    {
        var intake = Get<IntakeService>();
        var commands = app.Services.GetRequiredService<ComplaintCommands>();
        var triage = app.Services.GetRequiredService<TriageCommands>();
        var c = await intake.ReceiveAsync(Phone("商家不处理我就找媒体曝光", phone: "13700003333"), Agent, Agent);

        var refused = await Assert.ThrowsAsync<DomainException>(() => commands.MoveAsync(c.Id, c.Version, ComplaintStatus.Investigating, null, Agent));
        Assert.Equal("HighRiskPlansRequired", refused.Code);

        var version = await triage.RecordHighRiskPlansAsync(c.Id, c.Version, "专人对接", "统一应答口径", "两日内出方案", Agent);
        await commands.MoveAsync(c.Id, version, ComplaintStatus.Investigating, null, Agent);

        await using var db = app.OpenDb();
        var saved = await db.Complaints.Include(x => x.Timeline).SingleAsync(x => x.Id == c.Id);
        Assert.Equal(ComplaintStatus.Investigating, saved.Status);
        Assert.Equal("统一应答口径", saved.EmergencyResponseLine);
        Assert.Contains(saved.Timeline, e => e.Field == "HighRiskPlans");
    }

    [Fact]
    public async Task R8_an_override_through_the_command_keeps_the_reason_and_resets_the_risk_clock()
    {
        var intake = Get<IntakeService>();
        var triage = app.Services.GetRequiredService<TriageCommands>();
        var c = await intake.ReceiveAsync(Phone("屏幕有坏点", phone: "13700004444"), Agent, Agent);
        Assert.Equal(RiskLevel.Low, c.RiskLevel);

        await Assert.ThrowsAsync<DomainException>(() => triage.OverrideGradeAsync(c.Id, c.Version, ComplaintSeverity.General, RiskLevel.High, null, "", Agent));
        await triage.OverrideGradeAsync(c.Id, c.Version, ComplaintSeverity.General, RiskLevel.High, null, "老人独居，情绪激动", Agent);

        await using var db = app.OpenDb();
        var saved = await db.Complaints.Include(x => x.Timeline).SingleAsync(x => x.Id == c.Id);
        Assert.Equal(RiskLevel.High, saved.RiskLevel);
        var e = saved.Timeline.OrderBy(x => x.Id).Last();
        Assert.Equal(("General/Low", "General/High", "老人独居，情绪激动"), (e.Before, e.After, e.Note));
        Assert.Equal(saved.ReceivedAtUtc.AddHours(2), saved.RiskResponseDueUtc);
    }

    [Fact]
    public async Task R10_triggers_the_caller_passed_stand_and_the_rules_only_add_to_them()
    {
        var intake = Get<IntakeService>();
        var data = Phone("多个省份的用户同时反映", phone: "13700005555") with
        {
            Severity = ComplaintSeverity.HighRisk, HighRiskTriggers = HighRiskTriggers.MultiProvinceBatch, RiskLevel = RiskLevel.Medium,
        };

        var c = await intake.ReceiveAsync(data, Agent);

        Assert.Equal((ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.MultiProvinceBatch), (c.Severity, c.RiskLevel, c.HighRiskTriggers));

        var withKeyword = await intake.ReceiveAsync(data with { Description = "多个省份的用户同时反映，已报12315" }, Agent);
        Assert.Equal(HighRiskTriggers.MultiProvinceBatch | HighRiskTriggers.GovernmentAttention, withKeyword.HighRiskTriggers);
    }

    [Fact]
    public async Task R8_without_triggers_the_rules_grade_replaces_what_the_caller_set()
    {
        var c = await Get<IntakeService>().ReceiveAsync(Phone("屏幕碎了", phone: "13700006666") with { RiskLevel = RiskLevel.Critical }, Agent);
        Assert.Equal((ComplaintSeverity.General, RiskLevel.Low), (c.Severity, c.RiskLevel));
    }

    [Fact]
    public async Task R8_the_third_complaint_from_the_same_phone_within_30_days_is_a_repeat_and_medium()
    {
        var intake = Get<IntakeService>();
        const string phone = "13612349876";
        var first = await intake.ReceiveAsync(Phone("耳机没声音", phone), Agent);
        var second = await intake.ReceiveAsync(Phone("耳机还是没声音", phone), Agent);
        // Same last four digits, different number: not the same complainant.
        await intake.ReceiveAsync(Phone("耳机没声音", "13800009876"), Agent);
        var third = await intake.ReceiveAsync(Phone("第三次反映耳机没声音", phone), Agent);

        Assert.Equal(RiskLevel.Low, first.RiskLevel);
        Assert.Equal(RiskLevel.Low, second.RiskLevel);
        Assert.Equal(RiskLevel.Medium, third.RiskLevel);
        Assert.Contains("repeat complainant (2 earlier in 30 days)", third.Timeline.Single(e => e.Field == "Grade").Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R9_R10_suggest_returns_the_sub_type_the_matched_keywords_and_the_proposed_grade()
    {
        var triage = Get<TriageService>();

        var s = await triage.SuggestAsync("退货后退款一直没到账，我要找记者曝光", new TriageContext(Channel.Phone, SpecialGroup.Elderly, "赔偿5000元"));

        Assert.Equal(ProblemSubType.ReturnOrRefund, s.SubType);
        Assert.Equal(ProblemType.ConsumerRights, s.Type);
        Assert.Equal(["退款", "退货"], s.MatchedKeywords.Order(StringComparer.Ordinal));
        Assert.Equal(ComplaintSeverity.HighRisk, s.Grade.Severity);
        Assert.Equal(RiskLevel.Critical, s.Grade.Level);
        Assert.Contains(s.Grade.Reasons, r => r.Kind == GradeReasonKind.Compensation);
        Assert.Contains(s.Grade.Reasons, r => r.Kind == GradeReasonKind.SpecialGroup);

        var none = await triage.SuggestAsync("你好，请问营业时间");
        Assert.Null(none.SubType);
        Assert.Empty(none.MatchedKeywords);
        Assert.Equal(RiskLevel.Low, none.Grade.Level);
    }

    [Fact]
    public async Task R9_a_rule_the_admin_adds_changes_the_next_suggestion_and_disabling_it_takes_it_back()
    {
        var triage = Get<TriageService>();
        var admin = app.Services.GetRequiredService<TriageRuleAdmin>();
        const string text = "包裹在中转站丢件了";
        Assert.Null((await triage.SuggestAsync(text)).SubType);

        var id = await admin.SaveClassificationRuleAsync(null, ProblemSubType.ShippingFeeDispute, "丢件、中转站", 1, true, Admin);
        var after = await triage.SuggestAsync(text);
        Assert.Equal(ProblemSubType.ShippingFeeDispute, after.SubType);
        Assert.Equal(2, after.Score);

        await admin.SaveClassificationRuleAsync(id, ProblemSubType.ShippingFeeDispute, "丢件、中转站", 1, false, Admin);
        Assert.Null((await triage.SuggestAsync(text)).SubType);
    }

    [Fact]
    public async Task R10_a_risk_keyword_the_admin_adds_grades_the_next_complaint_and_the_edit_is_audited()
    {
        var triage = Get<TriageService>();
        var admin = app.Services.GetRequiredService<TriageRuleAdmin>();
        Assert.Equal(ComplaintSeverity.General, (await triage.SuggestAsync("我已经发到黑猫平台了")).Grade.Severity);

        var id = await admin.SaveRiskRuleAsync(null, "黑猫平台", RiskLevel.High, HighRiskTriggers.MajorSocialImpact, true, Admin);

        var grade = (await triage.SuggestAsync("我已经发到黑猫平台了")).Grade;
        Assert.Equal((ComplaintSeverity.HighRisk, HighRiskTriggers.MajorSocialImpact), (grade.Severity, grade.Triggers));
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Subject == $"RiskRule:{id}"));
    }

    [Theory]
    [InlineData("", RiskLevel.High, HighRiskTriggers.None, "RuleKeywordsRequired")]
    [InlineData("   ", RiskLevel.High, HighRiskTriggers.None, "RuleKeywordsRequired")]
    [InlineData("央视", RiskLevel.High, HighRiskTriggers.NationalMediaExposure, "RuleKeywordDuplicate")]
    [InlineData("CCTV", RiskLevel.High, HighRiskTriggers.NationalMediaExposure, "RuleKeywordDuplicate")]
    [InlineData("cctv", RiskLevel.High, HighRiskTriggers.NationalMediaExposure, "RuleKeywordDuplicate")]
    [InlineData("新关键词", RiskLevel.Medium, HighRiskTriggers.GovernmentAttention, "RuleTriggerNeedsHighLevel")]
    [InlineData("这是一个超过五十个字符的关键词这是一个超过五十个字符的关键词这是一个超过五十个字符的关键词这是一个超过五十个字符的关键词", RiskLevel.High, HighRiskTriggers.None, "RuleKeywordTooLong")]
    public async Task R10_invalid_risk_rules_are_refused_with_a_reason(string keyword, RiskLevel level, HighRiskTriggers trigger, string code)
    {
        var admin = Get<TriageRuleAdmin>();
        var error = await Assert.ThrowsAsync<DomainException>(() => admin.SaveRiskRuleAsync(null, keyword, level, trigger, true, Admin));
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData(" , 、 ", 1, "RuleKeywordsRequired")]
    [InlineData("退款", 0, "RuleWeightRange")]
    [InlineData("退款", 11, "RuleWeightRange")]
    public async Task R9_invalid_classification_rules_are_refused_with_a_reason(string keywords, int weight, string code)
    {
        var admin = Get<TriageRuleAdmin>();
        var error = await Assert.ThrowsAsync<DomainException>(() => admin.SaveClassificationRuleAsync(null, ProblemSubType.ReturnOrRefund, keywords, weight, true, Admin));
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("supervisor")]
    public async Task R28_the_rules_page_is_refused_to_non_administrators(string user)
    {
        await SignIn.AssertRefusedAsync(app, user, "/admin/rules");
    }

    [Fact]
    public async Task R28_the_rules_page_shows_the_rules_to_the_administrator()
    {
        var client = await SignIn.AsAsync(app, "admin");
        var response = await client.GetAsync("/admin/rules");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"risk-rules\"", html, StringComparison.Ordinal);
        Assert.Contains("央视", html, StringComparison.Ordinal);
        Assert.Contains("自动续费", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R10_seeded_high_risk_cases_past_acceptance_have_their_plans()
    {
        _ = app.CreateClient();
        await using var db = app.OpenDb();
        var moved = await db.Complaints
            .Where(c => c.Severity == ComplaintSeverity.HighRisk && c.AcceptedAtUtc != null && c.Status != ComplaintStatus.Accepted && c.Status != ComplaintStatus.OutOfScope)
            .ToListAsync();
        Assert.NotEmpty(moved);
        Assert.All(moved, c => Assert.True(c.HasHighRiskPlans, c.TrackingNumber));
    }
}

/// <summary>The rules are there on a fresh installation without demo data.</summary>
public sealed class TriageRulesWithoutDemoTests(DemoSeedingOffTests.NoDemoFactory app) : IClassFixture<DemoSeedingOffTests.NoDemoFactory>
{
    [Fact]
    public async Task R9_R10_rules_are_seeded_with_demo_seeding_off()
    {
        _ = app.CreateClient();
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Complaints.CountAsync());
        Assert.Equal(Enum.GetValues<ProblemSubType>().Length, await db.ClassificationRules.CountAsync());
        Assert.Equal(RuleSeeder.RiskKeywords.Count, await db.RiskRules.CountAsync());
        var s = await app.Services.GetRequiredService<TriageService>().SuggestAsync("央视记者要曝光退款的事");
        Assert.Equal(ProblemSubType.ReturnOrRefund, s.SubType);
        Assert.Equal(ComplaintSeverity.HighRisk, s.Grade.Severity);
    }
}
