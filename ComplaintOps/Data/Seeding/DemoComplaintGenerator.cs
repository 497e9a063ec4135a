using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;

namespace ComplaintOps.Data.Seeding;

/// <summary>
/// Makes realistic complaints from the last 90 days and walks each through the lifecycle with the
/// domain's own methods, so every timeline and due time is what real handling would have produced.
/// Deterministic for a given seed. With <paramref name="historyDays"/> the complaints are spread evenly over that many
/// days instead (a constant daily rate: a bigger database is a longer history, not a denser one — for benchmarks).
/// </summary>
internal sealed class DemoComplaintGenerator(Random random, DateTime nowUtc, SlaClock clock, IReadOnlyList<Actor> handlers, double? historyDays = null)
{
    private static readonly Channel[] Channels = Enum.GetValues<Channel>();
    private static readonly ProblemSubType[] SubTypes = Enum.GetValues<ProblemSubType>();

    public Complaint Next(Func<DateTime, string> trackingNumber)
    {
        // Recent days are busier, as a live queue is.
        var ageDays = historyDays is { } days ? days * random.NextDouble() : 90 * Math.Pow(random.NextDouble(), 1.6);
        var received = nowUtc.AddDays(-ageDays).AddSeconds(-random.Next(0, 3600));
        var channel = Pick(Channels);
        var subType = Pick(SubTypes);
        var story = Pick(DemoTexts.Stories[subType]);
        var province = Pick(Provinces.All);
        var highRisk = random.NextDouble() < 0.06;
        var triggers = highRisk ? Pick([HighRiskTriggers.NationalMediaExposure, HighRiskTriggers.GovernmentAttention,
            HighRiskTriggers.MultiProvinceBatch, HighRiskTriggers.DangerToLifeOrProperty, HighRiskTriggers.MajorSocialImpact]) : HighRiskTriggers.None;
        var data = new NewComplaint
        {
            Channel = channel,
            SourceName = channel switch
            {
                Channel.Regulator => Pick(DemoTexts.RegulatorSources),
                Channel.PublicOpinion => Pick(DemoTexts.OpinionSources),
                Channel.Media => Pick(DemoTexts.MediaSources),
                _ => null,
            },
            SourceReference = channel.IsExternal() ? $"REF{random.Next(100000, 999999)}" : null,
            SpecialGroup = random.NextDouble() switch { < 0.05 => SpecialGroup.Elderly, < 0.08 => SpecialGroup.Minor, _ => SpecialGroup.None },
            Complainant = new Complainant
            {
                Name = Pick(DemoTexts.Surnames) + Pick(DemoTexts.GivenNames),
                Phone = "1" + Pick(new[] { "38", "39", "50", "58", "86", "88", "77", "35" }) + random.Next(10000000, 99999999),
                Email = random.NextDouble() < 0.4 ? $"user{random.Next(1000, 99999)}@example.com" : null,
                IdNumber = random.NextDouble() < 0.3 ? $"{random.Next(110000, 659000)}{random.Next(1950, 2010)}{random.Next(1, 12):00}{random.Next(1, 28):00}{random.Next(1000, 9999)}" : null,
                Province = province,
                City = Pick(DemoTexts.Cities[province]),
            },
            Respondent = random.NextDouble() < 0.8
                ? new Respondent { Kind = RespondentKind.Merchant, Name = Pick(DemoTexts.Merchants) }
                : new Respondent { Kind = RespondentKind.InternalDepartment, Name = Pick(DemoTexts.Departments) },
            ProductLine = Pick(DemoTexts.ProductLines),
            ProblemSubType = subType,
            Severity = highRisk ? ComplaintSeverity.HighRisk : ComplaintSeverity.General,
            HighRiskTriggers = triggers,
            RiskLevel = highRisk ? Pick([RiskLevel.High, RiskLevel.Critical]) : Pick([RiskLevel.Low, RiskLevel.Low, RiskLevel.Medium]),
            Title = story.Title,
            Description = story.Story,
            Demands = story.Demand,
        };
        // The handler who takes it at first contact owns it from receipt (R34); picked here so the random sequence is unchanged.
        var handler = Pick(handlers);
        var complaint = Complaint.Receive(data, trackingNumber(received), Actor.System, handler, received);
        Walk(complaint, handler, received, ageDays);
        KeepMostOpenCasesCurrent(complaint);
        complaint.ApplySchedule(clock.Compute(complaint.SlaFacts));
        return complaint;
    }

    /// <summary>Older complaints are further along; a few stop at every state.</summary>
    private void Walk(Complaint c, Actor handler, DateTime received, double ageDays)
    {
        var at = received;
        DateTime Step(double maxHours) => at = Min(at.AddHours(0.2 + random.NextDouble() * maxHours), nowUtc);
        var progress = Math.Min(1.0, ageDays / 20 + random.NextDouble() * 0.5);

        if (random.NextDouble() < 0.04) { c.MoveTo(ComplaintStatus.OutOfScope, handler, Step(4), "投诉事项不属于本公司产品或服务范围，已告知用户向相关单位反映。"); MaybeArchive(c, handler, Step); return; }
        if (random.NextDouble() < 0.08 && c.Channel is Channel.Phone or Channel.OnSiteVisit) { c.MoveTo(ComplaintStatus.Closed, handler, Step(1), "首次接触即解答用户问题，用户表示满意。"); MaybeArchive(c, handler, Step); return; }
        if (progress < 0.1) return;
        c.MoveTo(ComplaintStatus.Accepted, handler, Step(3));
        if (c.Severity == ComplaintSeverity.HighRisk) c.AssignHandler(handler, at, handler.Id, handler.Name, Tier.Expert);
        if (progress < 0.25) return;
        c.RecordFirstReply(handler, Step(12), "已受理您的投诉，我们将在两个工作日内反馈处理进展。");
        // A high-risk case leaves acceptance only with its three plans on record (R10); no extra random draw, so the data set stays the same.
        if (c.NeedsHighRiskPlans) c.RecordHighRiskPlans(DemoTexts.PreHandlingPlan, DemoTexts.EmergencyResponseLine, DemoTexts.HandlingPlan, handler, at);
        c.MoveTo(ComplaintStatus.Investigating, handler, Step(6));
        if (progress < 0.45) return;
        // What the investigation found (R20): the solution and a "not established" reply both rest on it.
        c.RecordInvestigation("商家未按约定履行，已与商家及订单记录核对。", "用户支付的款项未得到相应商品或服务。", c.Demands.Length > 0 ? c.Demands : "按约定处理", handler, Step(12));
        if (random.NextDouble() < 0.1) { c.MoveTo(ComplaintStatus.NotEstablished, handler, Step(40), "经核实，订单记录与物流信息显示商家已按约定履行，投诉事项不成立，已向用户说明依据。"); MaybeArchive(c, handler, Step); return; }
        c.RecordProgressFeedback(handler, Step(30), "正在与商家核实情况，预计两个工作日内给出方案。");
        c.MoveTo(ComplaintStatus.Resolving, handler, Step(20));
        if (progress < 0.65) return;
        c.MoveTo(ComplaintStatus.AwaitingFeedback, handler, Step(30));
        if (progress < 0.8) return;
        if (random.NextDouble() < 0.1) { c.MoveTo(ComplaintStatus.Referred, handler, Step(48), "双方未达成一致，已告知用户可向消费者协会、市场监管部门或人民法院寻求解决。"); MaybeArchive(c, handler, Step); return; }
        c.MoveTo(ComplaintStatus.Closed, handler, Step(48), "投诉人与被投诉人均同意处理结果，方案已执行。");
        MaybeArchive(c, handler, Step);
    }

    /// <summary>A working team keeps most open cases' progress feedback current; about a quarter fall behind.</summary>
    private void KeepMostOpenCasesCurrent(Complaint c)
    {
        if (Lifecycle.IsFinished(c.Status) || c.Status == ComplaintStatus.Received || random.NextDouble() < 0.25) return;
        var last = c.Timeline[^1].AtUtc;
        var recent = nowUtc.AddHours(-random.NextDouble() * 30);
        if (recent > last) c.RecordProgressFeedback(c.HandlerId is null ? Actor.System : new Actor(c.HandlerId, c.HandlerName ?? ""), recent, "已向用户同步最新处理进展，并告知查询方式和联系渠道。");
    }

    private void MaybeArchive(Complaint c, Actor handler, Func<double, DateTime> step)
    {
        if (nowUtc - c.FinishedAtUtc > TimeSpan.FromDays(7) && random.NextDouble() < 0.7)
            c.MoveTo(ComplaintStatus.Archived, handler, step(24));
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
