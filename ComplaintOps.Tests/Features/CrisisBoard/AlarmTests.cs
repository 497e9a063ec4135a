using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.CrisisBoard;

/// <summary>R10, R19: alarms raised for high-risk complaints, escalated when nobody answers, acknowledged once.</summary>
public sealed class AlarmTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Actor Supervisor = new("sup-1", "吴刚");
    private static readonly Actor Supervisor2 = new("sup-2", "周敏");

    private T Get<T>() where T : notnull
    {
        _ = app.CreateClient();
        return app.Services.GetRequiredService<T>();
    }

    internal static NewComplaint HighRisk(string phone) => new()
    {
        Channel = Channel.Media,
        SourceName = "某电视台",
        SourceReference = "TV-" + phone,
        Complainant = new Complainant { Name = "用户", Phone = phone, Province = "上海", City = "上海" },
        Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "示例商家" },
        ProductLine = "告警测试-" + phone,
        ProblemSubType = ProblemSubType.ReturnOrRefund,
        Severity = ComplaintSeverity.HighRisk,
        HighRiskTriggers = HighRiskTriggers.NationalMediaExposure,
        RiskLevel = RiskLevel.Critical,
        Title = "媒体曝光：退款未到账",
        Description = "电视台报道退款长期未到账。",
        Demands = "退款",
    };

    private async Task<AlarmEvent> WaitForAlarmAsync(int complaintId, AlarmKind kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = app.OpenDb();
            var alarm = await db.AlarmEvents.AsNoTracking().FirstOrDefaultAsync(a => a.ComplaintId == complaintId && a.Kind == kind);
            if (alarm is not null) return alarm;
            Assert.True(DateTime.UtcNow < deadline, $"No {kind} alarm for complaint {complaintId}.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task R10_a_high_risk_complaint_raises_one_critical_alarm()
    {
        var complaint = await Get<IntakeService>().ReceiveAsync(HighRisk("13700000001"), Actor.System);
        var alarm = await WaitForAlarmAsync(complaint.Id, AlarmKind.NewHighRisk);
        Assert.Equal(AlarmSeverity.Critical, alarm.Severity);
        Assert.Equal($"highrisk:{complaint.Id}", alarm.Key);
        // Raising again (a repeated change event) does not duplicate it.
        Assert.Equal(0, await Get<AlarmService>().RaiseHighRiskAsync([(complaint.Id, true)]));
    }

    [Fact]
    public async Task R19_an_unacknowledged_critical_alarm_escalates_to_the_manager_once_and_on_the_timeline()
    {
        var alarms = Get<AlarmService>();
        var complaint = await Get<IntakeService>().ReceiveAsync(HighRisk("13700000002"), Actor.System);
        var acked = await Get<IntakeService>().ReceiveAsync(HighRisk("13700000003"), Actor.System);
        var alarm = await WaitForAlarmAsync(complaint.Id, AlarmKind.NewHighRisk);
        var ackedAlarm = await WaitForAlarmAsync(acked.Id, AlarmKind.NewHighRisk);
        await alarms.AcknowledgeAsync(ackedAlarm.Id, Supervisor, "已联系");

        app.Clock.Advance(TimeSpan.FromMinutes(14));
        await alarms.EscalateDueAsync();
        await using (var db = app.OpenDb())
            Assert.Equal(EscalationLevel.Supervisor, (await db.AlarmEvents.SingleAsync(a => a.Id == alarm.Id)).Level);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await alarms.EscalateDueAsync();
        await alarms.EscalateDueAsync();
        await using (var db = app.OpenDb())
        {
            var escalated = await db.AlarmEvents.SingleAsync(a => a.Id == alarm.Id);
            Assert.Equal(EscalationLevel.Manager, escalated.Level);
            Assert.NotNull(escalated.EscalatedAtUtc);
            Assert.Equal(EscalationLevel.Supervisor, (await db.AlarmEvents.SingleAsync(a => a.Id == ackedAlarm.Id)).Level);
            Assert.Single(await db.TimelineEvents.Where(e => e.ComplaintId == complaint.Id && e.Kind == TimelineEventKind.AlarmEscalated).ToListAsync());
        }
    }

    [Fact]
    public async Task R10_acknowledgement_is_recorded_once_when_two_supervisors_click_together()
    {
        var alarms = Get<AlarmService>();
        var complaint = await Get<IntakeService>().ReceiveAsync(HighRisk("13700000004"), Actor.System);
        var alarm = await WaitForAlarmAsync(complaint.Id, AlarmKind.NewHighRisk);

        for (var round = 0; round < 1; round++)
        {
            var results = await Task.WhenAll(
                Try(() => alarms.AcknowledgeAsync(alarm.Id, Supervisor, "我来处理")),
                Try(() => alarms.AcknowledgeAsync(alarm.Id, Supervisor2, "我来处理")));
            Assert.Single(results, r => r is null);
            var refused = Assert.Single(results, r => r is not null);
            Assert.Equal("AlarmAlreadyAcknowledged", refused!.Code);
        }

        await using var db = app.OpenDb();
        var stored = await db.AlarmEvents.SingleAsync(a => a.Id == alarm.Id);
        Assert.Contains(stored.AcknowledgedById, new[] { Supervisor.Id, Supervisor2.Id });
        Assert.Single(await db.TimelineEvents.Where(e => e.ComplaintId == complaint.Id && e.Kind == TimelineEventKind.AlarmAcknowledged).ToListAsync());
    }

    [Fact]
    public async Task R10_acknowledging_can_assign_the_case()
    {
        var alarms = Get<AlarmService>();
        var complaint = await Get<IntakeService>().ReceiveAsync(HighRisk("13700000005"), Actor.System);
        var alarm = await WaitForAlarmAsync(complaint.Id, AlarmKind.NewHighRisk);
        var expert = (await alarms.AssignableUsersAsync()).First(u => u.Tier == Tier.Expert);
        await alarms.AcknowledgeAsync(alarm.Id, Supervisor, "转专家", expert);

        await using var db = app.OpenDb();
        var stored = await db.Complaints.SingleAsync(c => c.Id == complaint.Id);
        Assert.Equal(expert.Id, stored.HandlerId);
        Assert.Equal(Tier.Expert, stored.Tier);
        Assert.Equal(expert.Name, (await db.AlarmEvents.SingleAsync(a => a.Id == alarm.Id)).AssignedToName);
    }

    [Fact]
    public async Task R31_raising_and_acknowledging_reach_the_change_feed()
    {
        var feed = Get<BoardChangeFeed>();
        var seen = new List<BoardChange>();
        var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = feed.Subscribe(changes =>
        {
            lock (seen) seen.AddRange(changes);
            if (changes.Any(c => c.Kind == BoardChangeKind.AlarmAcknowledged)) acked.TrySetResult();
            return Task.CompletedTask;
        });
        var complaint = await Get<IntakeService>().ReceiveAsync(HighRisk("13700000006"), Actor.System);
        var alarm = await WaitForAlarmAsync(complaint.Id, AlarmKind.NewHighRisk);
        await Get<AlarmService>().AcknowledgeAsync(alarm.Id, Supervisor, null);
        try
        {
            await acked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            lock (seen) Assert.Fail(string.Join(", ", seen.Select(c => $"{c.Kind}:{c.ComplaintId}:{c.AlarmId}")));
        }
        lock (seen)
        {
            Assert.Contains(seen, c => c.Kind == BoardChangeKind.ComplaintAdded && c.ComplaintId == complaint.Id && c.HighRisk);
            Assert.Contains(seen, c => c.Kind == BoardChangeKind.AlarmAcknowledged && c.AlarmId == alarm.Id);
        }
    }

    private static async Task<DomainException?> Try(Func<Task> act)
    {
        try
        {
            await act();
            return null;
        }
        catch (DomainException ex)
        {
            return ex;
        }
    }
}
