using System.Net;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Intake;
using ComplaintOps.Features.Triage.BatchDetection;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Triage;

/// <summary>R10/B2 batch detection through the one intake path, on a real SQLite file.</summary>
public sealed class BatchDetectionIntakeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Actor Agent = new("agent-x", "李娜");

    private static NewComplaint Renewal(string productLine, string province, string phone, string? title = null) => new()
    {
        Channel = Channel.App,
        Complainant = new Complainant { Name = "用户" + phone[^4..], Phone = phone, Province = province, City = province },
        Respondent = new Respondent { Kind = RespondentKind.InternalDepartment, Name = "会员中心" },
        ProductLine = productLine,
        ProblemSubType = ProblemSubType.Renewal,
        Title = title ?? "会员被自动续费扣款",
        Description = "没有同意自动续费，会员到期后被自动扣款，要求退还续费费用。",
        Demands = "退款并关闭自动续费",
    };

    private IntakeService Intake()
    {
        _ = app.CreateClient();
        return app.Services.GetRequiredService<IntakeService>();
    }

    [Fact]
    public async Task R10_B2_the_third_similar_complaint_from_a_second_province_forms_one_incident_with_one_alarm()
    {
        var intake = Intake();
        const string line = "批次测试-会员";

        var a = await intake.ReceiveAsync(Renewal(line, "浙江", "13900001001"), Agent);
        var b = await intake.ReceiveAsync(Renewal(line, "江苏", "13900001002"), Agent);
        await using (var db = app.OpenDb())
        {
            Assert.All(await db.Complaints.Where(c => c.Id == a.Id || c.Id == b.Id).ToListAsync(), c =>
            {
                Assert.Null(c.BatchIncidentId);
                Assert.Equal(ComplaintSeverity.General, c.Severity);
            });
        }

        var c3 = await intake.ReceiveAsync(Renewal(line, "广东", "13900001003"), Agent);

        await using (var db = app.OpenDb())
        {
            var members = await db.Complaints.Include(c => c.Timeline).Where(c => c.ProductLine == line).ToListAsync();
            Assert.Equal(3, members.Count);
            var incidentId = Assert.Single(members.Select(m => m.BatchIncidentId).Distinct());
            Assert.NotNull(incidentId);
            Assert.All(members, m =>
            {
                Assert.Equal(ComplaintSeverity.HighRisk, m.Severity);
                Assert.True(m.HighRiskTriggers.HasFlag(HighRiskTriggers.MultiProvinceBatch));
                Assert.Contains(m.Timeline, e => e.Field == "BatchIncident" && e.After == incidentId.ToString());
            });
            var incident = await db.BatchIncidents.SingleAsync(i => i.Id == incidentId);
            Assert.Equal((3, 3, "广东、江苏、浙江"), (incident.ComplaintCount, incident.ProvinceCount, incident.Provinces));
            Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, incident.LastSeenUtc);
            var alarm = Assert.Single(await db.AlarmEvents.Where(x => x.BatchIncidentId == incidentId).ToListAsync());
            Assert.Equal((AlarmKind.BatchIncident, AlarmSeverity.Critical, c3.Id), (alarm.Kind, alarm.Severity, alarm.ComplaintId));
        }

        // A fourth joins the open incident: the counts move on, no second alarm, no second incident.
        var d = await intake.ReceiveAsync(Renewal(line, "四川", "13900001004"), Agent);

        await using (var db = app.OpenDb())
        {
            var joined = await db.Complaints.SingleAsync(c => c.Id == d.Id);
            var incident = await db.BatchIncidents.SingleAsync(i => i.ProductLine == line);
            Assert.Equal(incident.Id, joined.BatchIncidentId);
            Assert.Equal(ComplaintSeverity.HighRisk, joined.Severity);
            Assert.Equal((4, 4), (incident.ComplaintCount, incident.ProvinceCount));
            Assert.Equal(1, await db.AlarmEvents.CountAsync(x => x.BatchIncidentId == incident.Id));
        }
    }

    [Fact]
    public async Task R10_B2_dissimilar_complaints_on_the_same_line_from_many_provinces_stay_general()
    {
        var intake = Intake();
        const string line = "批次测试-不相似";
        await intake.ReceiveAsync(Renewal(line, "浙江", "13900002001", "会员被自动续费扣款"), Agent);
        await intake.ReceiveAsync(Renewal(line, "江苏", "13900002002", "发票抬头开错无法报销") with { Description = "申请的电子发票抬头错误，财务无法报销。" }, Agent);
        await intake.ReceiveAsync(Renewal(line, "广东", "13900002003", "客服电话一直打不通") with { Description = "拨打客服热线排队一小时没人接听。" }, Agent);

        await using var db = app.OpenDb();
        Assert.All(await db.Complaints.Where(c => c.ProductLine == line).ToListAsync(), c =>
        {
            Assert.Null(c.BatchIncidentId);
            Assert.Equal(ComplaintSeverity.General, c.Severity);
        });
        Assert.False(await db.BatchIncidents.AnyAsync(i => i.ProductLine == line));
    }

    [Fact]
    public async Task R10_B2_a_repeat_from_the_same_phone_is_linked_to_the_earlier_complaint_and_both_are_kept()
    {
        var intake = Intake();
        const string line = "批次测试-重复";
        var first = await intake.ReceiveAsync(Renewal(line, "浙江", "13900003001"), Agent);
        var again = await intake.ReceiveAsync(Renewal(line, "浙江", "13900003001", "又被扣了一次续费"), Agent);

        await using var db = app.OpenDb();
        var both = await db.Complaints.Include(c => c.Timeline).Where(c => c.ProductLine == line).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([first.Id, again.Id], both.Select(c => c.Id));
        Assert.Null(both[0].DuplicateOfId);
        Assert.Equal(first.Id, both[1].DuplicateOfId);
        Assert.Contains(both[1].Timeline, e => e.Kind == TimelineEventKind.Note && e.Field == "DuplicateOf" && e.After == first.TrackingNumber);
        Assert.Contains(both[0].Timeline, e => e.Kind == TimelineEventKind.Note && e.Field == "RepeatedBy" && e.After == again.TrackingNumber);
        Assert.All(both, c => Assert.Equal(ComplaintStatus.Received, c.Status));
    }

    [Fact]
    public async Task R10_B2_the_window_is_read_through_an_index_never_by_scanning_the_table()
    {
        Intake();
        await using var db = app.OpenDb();
        var from = app.Clock.GetUtcNow().UtcDateTime.AddHours(-48);
        // Detection holds the window in memory: read once through the ReceivedAtUtc index, then by primary key for what was inserted since.
        Assert.Contains(await PlanAsync(db, BatchWindow.WindowQuery(db, from).Select(c => c.Id)),
            line => line.Contains("USING INDEX IX_Complaints_ReceivedAtUtc", StringComparison.Ordinal) || line.Contains("USING COVERING INDEX IX_Complaints_ReceivedAtUtc", StringComparison.Ordinal));
        Assert.Contains(await PlanAsync(db, BatchWindow.InsertedSinceQuery(db, 100).Select(c => c.Title)),
            line => line.Contains("USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
    }

    private static async Task<List<string>> PlanAsync<T>(ComplaintOpsDb db, IQueryable<T> query)
    {
        // The query with its parameters written in.
        var lines = query.ToQueryString().Split('\n');
        var text = string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
        foreach (var parameter in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)).Select(l => l[".param set ".Length..].Split(' ', 2)))
            text = text.Replace(parameter[0], parameter[1].TrimEnd('\r'), StringComparison.Ordinal);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + text;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return plan;
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("inspector")]
    public async Task R28_B2_only_supervisors_and_managers_see_the_incidents_list(string user)
    {
        await SignIn.AssertRefusedAsync(app, user, "/incidents");
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    public async Task R10_B2_the_incidents_list_shows_each_incident_with_links_to_its_members(string user)
    {
        var intake = Intake();
        var line = "批次测试-列表-" + user;
        var members = new List<Complaint>();
        foreach (var (province, phone) in new[] { ("北京", "13900004001"), ("上海", "13900004002"), ("天津", "13900004003") })
            members.Add(await intake.ReceiveAsync(Renewal(line, province, phone + user.Length), Agent));

        var client = await SignIn.AsAsync(app, user);
        var response = await client.GetAsync("/incidents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(line, html, StringComparison.Ordinal);
        Assert.All(members, m => Assert.Contains($"href=\"/complaints/{m.Id}\"", html, StringComparison.Ordinal));
    }
}
