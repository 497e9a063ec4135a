using System.Net;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake;
using ComplaintOps.Features.Intake.Api;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ComplaintOps.Tests.Features.Intake.Api.IntakeApiClient;

namespace ComplaintOps.Tests.Features.Intake;

/// <summary>The single intake writer (group commit): concurrent intakes, failures of one member, idempotency in the same transaction.</summary>
public sealed class IntakeWriterTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Actor Agent = new("agent-writer", "写入测试");

    private static NewComplaint Complaint(string title, string phone, string province = "广东", string productLine = "电商平台") => new()
    {
        Channel = Channel.App,
        Complainant = new Complainant { Name = "用户" + phone[^4..], Phone = phone, Province = province, City = province },
        Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "示例商家" },
        ProductLine = productLine,
        ProblemSubType = ProblemSubType.Exchange,
        Title = title,
        Description = "商品有质量问题，商家拒绝换货。" + title,
        Demands = "换货",
    };

    /// <summary>A real API key's id (idempotency records reference their key).</summary>
    private async Task<int> ApiKeyIdAsync(string source)
    {
        var secret = await IssueKeyAsync(app, Channel.App, source);
        await using var db = app.OpenDb();
        return (await db.ApiKeys.SingleAsync(k => k.SecretHash == ApiKeyStore.Hash(secret))).Id;
    }

    private IntakeService Intake()
    {
        _ = app.CreateClient();
        return app.Services.GetRequiredService<IntakeService>();
    }

    [Fact]
    public async Task R34_concurrent_intakes_are_all_committed_with_distinct_tracking_numbers_and_an_owner()
    {
        var intake = Intake();
        var tag = "并发写入-" + Guid.NewGuid().ToString("N")[..8];

        var received = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            Task.Run(() => intake.ReceiveAsync(Complaint($"{tag}-{i}", $"1370000{i:0000}"), Actor.System))));

        Assert.Equal(40, received.Select(c => c.TrackingNumber).Distinct(StringComparer.Ordinal).Count());
        await using var db = app.OpenDb();
        var saved = await db.Complaints.AsNoTracking().Where(c => c.Title.StartsWith(tag)).ToListAsync();
        Assert.Equal(40, saved.Count);
        Assert.Equal(received.Select(c => c.TrackingNumber).Order(StringComparer.Ordinal), saved.Select(c => c.TrackingNumber).Order(StringComparer.Ordinal));
        Assert.All(saved, c => Assert.False(string.IsNullOrEmpty(c.OwnerId)));
        // The least-loaded pick is kept in memory and counted per intake: 40 arrivals are spread, not all given to one agent.
        Assert.True(saved.Select(c => c.OwnerId).Distinct().Count() > 1);
        // Every complaint has its receipt on the timeline.
        var ids = saved.Select(c => c.Id).ToArray();
        Assert.Equal(40, await db.TimelineEvents.Where(e => ids.Contains(e.ComplaintId)).Select(e => e.ComplaintId).Distinct().CountAsync());
    }

    [Fact]
    public async Task R8_a_member_the_rules_refuse_fails_alone_and_the_others_are_committed()
    {
        var intake = Intake();
        var tag = "拒绝一个-" + Guid.NewGuid().ToString("N")[..8];
        // High-risk without a trigger is refused by the domain.
        var bad = Complaint($"{tag}-bad", "13711110000") with { Severity = ComplaintSeverity.HighRisk };

        var tasks = Enumerable.Range(0, 10)
            .Select(i => Task.Run(() => intake.ReceiveAsync(i == 5 ? bad : Complaint($"{tag}-{i}", $"1371111{i:0000}"), Actor.System)))
            .ToArray();
        await Assert.ThrowsAsync<DomainException>(() => Task.WhenAll(tasks));
        var error = Assert.IsType<DomainException>(tasks[5].Exception?.InnerException);
        Assert.Equal("HighRiskTriggerRequired", error.Code);

        await using var db = app.OpenDb();
        Assert.Equal(9, await db.Complaints.CountAsync(c => c.Title.StartsWith(tag)));
        Assert.False(await db.Complaints.AnyAsync(c => c.Title == bad.Title));
        Assert.All(tasks.Where((_, i) => i != 5), t => Assert.True(t.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task R6_a_member_that_fails_while_writing_sinks_neither_its_group_nor_leaves_a_trace()
    {
        _ = Intake();
        var writer = app.Services.GetRequiredService<IntakeWriter>();
        var tag = "写入失败-" + Guid.NewGuid().ToString("N")[..8];
        var keyId = await ApiKeyIdAsync("App " + tag);
        IdempotencyIntent Intent(int i) => new(keyId, $"{tag}-{i}", "hash", c => i == 3
            ? throw new InvalidOperationException("the answer could not be made")
            : ("{}", $"/api/v1/complaints/{c.TrackingNumber}"));

        var tasks = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => writer.WriteAsync(Complaint($"{tag}-{i}", $"1372222{i:0000}"), Actor.System, null, (_, _) => { }, [], Intent(i))))
            .ToArray();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAll(tasks));
        Assert.IsType<InvalidOperationException>(tasks[3].Exception?.InnerException);
        Assert.All(tasks.Where((_, i) => i != 3), t => Assert.True(t.IsCompletedSuccessfully));

        await using var db = app.OpenDb();
        var outcomes = tasks.Where((_, i) => i != 3).Select(t => t.Result).ToList();
        Assert.All(outcomes, o => Assert.NotNull(o.Complaint));
        var titles = await db.Complaints.Where(c => c.Title.StartsWith(tag)).Select(c => c.Title).ToListAsync();
        Assert.True(titles.Count == 7, string.Join(",", titles) + " | " + string.Join(",", outcomes.Select(o => $"{o.Complaint!.Id}:{o.Complaint.TrackingNumber}:{o.Complaint.Title}")));
        // The failed member left neither its complaint nor its idempotency record (same transaction).
        Assert.False(await db.Complaints.AnyAsync(c => c.Title == $"{tag}-3"));
        Assert.False(await db.IdempotencyRecords.AnyAsync(r => r.Key == $"{tag}-3"));
        Assert.Equal(7, await db.IdempotencyRecords.CountAsync(r => r.Key.StartsWith(tag) && r.StatusCode == 201));
    }

    [Fact]
    public async Task R6_the_answer_is_remembered_in_the_complaints_transaction_and_a_second_request_gets_it()
    {
        var intake = Intake();
        var key = "同一事务-" + Guid.NewGuid().ToString("N")[..8];
        var intent = new IdempotencyIntent(await ApiKeyIdAsync("App " + key), key, "hash-1", c => ($"{{\"n\":\"{c.TrackingNumber}\"}}", "/x/" + c.TrackingNumber));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            Task.Run(() => intake.ReceiveFromApiAsync(Complaint(key, "13733330000"), Actor.System, intent))));

        var created = Assert.Single(outcomes, o => o.Complaint is not null);
        Assert.All(outcomes.Where(o => o.Complaint is null), o =>
        {
            Assert.NotNull(o.Earlier);
            Assert.Equal(201, o.Earlier!.StatusCode);
            Assert.Equal($"{{\"n\":\"{created.Complaint!.TrackingNumber}\"}}", o.Earlier.ResponseBody);
        });
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Complaints.CountAsync(c => c.Title == key));
        var record = await db.IdempotencyRecords.SingleAsync(r => r.Key == key);
        Assert.Equal(201, record.StatusCode);
        Assert.Equal("/x/" + created.Complaint!.TrackingNumber, record.Location);
    }

    [Fact]
    public async Task R6_a_key_left_reserved_by_a_crash_is_free_again_after_the_timeout_instead_of_409_forever()
    {
        var apiKey = await IssueKeyAsync(app, Channel.App, "App 崩溃恢复");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var body = Body();
        body["title"] = "崩溃后重试 " + Guid.NewGuid();
        var hash = IdempotencyStore.HashBody(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
        await using (var db = app.OpenDb())
        {
            var keyId = (await db.ApiKeys.SingleAsync(k => k.SecretHash == ApiKeyStore.Hash(apiKey))).Id;
            // What an earlier version left when the process died between reserving the key and answering.
            db.IdempotencyRecords.Add(new IdempotencyRecord { ApiKeyId = keyId, Key = "crashed-1", RequestHash = hash, CreatedAtUtc = now.AddMinutes(-10) });
            db.IdempotencyRecords.Add(new IdempotencyRecord { ApiKeyId = keyId, Key = "in-flight-1", RequestHash = hash, CreatedAtUtc = now });
            await db.SaveChangesAsync();
        }

        var retry = await PostAsync(New(app), apiKey, "crashed-1", body);
        var again = await PostAsync(New(app), apiKey, "crashed-1", body);
        var inFlight = await PostAsync(New(app), apiKey, "in-flight-1", body);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await retry.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        // A reservation younger than the timeout may still be answered by its own request.
        Assert.Equal(HttpStatusCode.Conflict, inFlight.StatusCode);
        await using var check = app.OpenDb();
        Assert.Equal(1, await check.Complaints.CountAsync(c => c.Title == body["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task R6_idempotency_records_older_than_the_retention_are_purged()
    {
        _ = app.CreateClient();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var tag = "清理-" + Guid.NewGuid().ToString("N")[..8];
        var keyId = await ApiKeyIdAsync("App " + tag);
        await using (var db = app.OpenDb())
        {
            db.IdempotencyRecords.Add(new IdempotencyRecord { ApiKeyId = keyId, Key = tag + "-old", RequestHash = "h", StatusCode = 201, CreatedAtUtc = now.AddDays(-8) });
            db.IdempotencyRecords.Add(new IdempotencyRecord { ApiKeyId = keyId, Key = tag + "-new", RequestHash = "h", StatusCode = 201, CreatedAtUtc = now.AddDays(-6) });
            await db.SaveChangesAsync();
        }

        Assert.True(await app.Services.GetRequiredService<IdempotencyStore>().PurgeAsync() >= 1);

        await using var check = app.OpenDb();
        Assert.Equal([tag + "-new"], await check.IdempotencyRecords.Where(r => r.Key.StartsWith(tag)).Select(r => r.Key).ToListAsync());
    }

    [Fact]
    public async Task R10_B2_similar_complaints_arriving_together_see_each_other_and_form_one_incident()
    {
        var intake = Intake();
        var line = "并发批次-" + Guid.NewGuid().ToString("N")[..8];

        await Task.WhenAll(new[] { ("浙江", "13944440001"), ("江苏", "13944440002"), ("广东", "13944440003"), ("四川", "13944440004") }
            .Select(p => Task.Run(() => intake.ReceiveAsync(Renewal(line, p.Item1, p.Item2), Agent))));

        await using var db = app.OpenDb();
        var members = await db.Complaints.AsNoTracking().Where(c => c.ProductLine == line).ToListAsync();
        Assert.Equal(4, members.Count);
        var incidentId = Assert.Single(members.Select(m => m.BatchIncidentId).Distinct());
        Assert.NotNull(incidentId);
        Assert.All(members, m => Assert.Equal(ComplaintSeverity.HighRisk, m.Severity));
        var incident = await db.BatchIncidents.AsNoTracking().SingleAsync(i => i.Id == incidentId);
        Assert.Equal(4, incident.ComplaintCount);
    }

    private static NewComplaint Renewal(string line, string province, string phone) => new()
    {
        Channel = Channel.App,
        Complainant = new Complainant { Name = "用户" + phone[^4..], Phone = phone, Province = province, City = province },
        Respondent = new Respondent { Kind = RespondentKind.InternalDepartment, Name = "会员中心" },
        ProductLine = line,
        ProblemSubType = ProblemSubType.Renewal,
        Title = "会员被自动续费扣款",
        Description = "没有同意自动续费，会员到期后被自动扣款，要求退还续费费用。",
        Demands = "退款并关闭自动续费",
    };

    [Fact]
    public async Task R10_B2_complaints_stored_outside_intake_after_the_window_was_read_still_count()
    {
        var intake = Intake();
        var line = "窗口补读-" + Guid.NewGuid().ToString("N")[..8];
        // Any intake reads the writer's in-memory window.
        await intake.ReceiveAsync(Complaint("预热-" + line, "13955550000"), Agent);

        // Two similar complaints stored without intake (an import, a seeder), after the window was read.
        var now = app.Services.GetRequiredService<ComplaintOps.Infrastructure.BusinessTime>().UtcNow;
        var calendar = app.Services.GetRequiredService<ComplaintOps.Features.Calendars.WorkingCalendarService>();
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<ComplaintOps.Data.ComplaintOpsDb>>();
        foreach (var (province, phone) in new[] { ("浙江", "13955550001"), ("江苏", "13955550002") })
        {
            var stored = ComplaintOps.Domain.Complaints.Complaint.Receive(Renewal(line, province, phone), "TS-W-" + Guid.NewGuid().ToString("N")[..10],
                Actor.System, TestComplaints.Owner, now.AddMinutes(-5));
            await TestComplaints.StoreAsync(dbFactory, calendar, stored);
        }

        var third = await intake.ReceiveAsync(Renewal(line, "广东", "13955550003"), Agent);

        await using var db = app.OpenDb();
        var members = await db.Complaints.AsNoTracking().Where(c => c.ProductLine == line).ToListAsync();
        Assert.Equal(3, members.Count);
        var incidentId = Assert.Single(members.Select(m => m.BatchIncidentId).Distinct());
        Assert.NotNull(incidentId);
        Assert.Equal(3, (await db.BatchIncidents.AsNoTracking().SingleAsync(i => i.Id == incidentId)).ComplaintCount);
        Assert.Equal(incidentId, members.Single(m => m.Id == third.Id).BatchIncidentId);
    }

    [Fact]
    public async Task R8_the_repeat_rule_counts_the_earlier_complaints_of_the_same_group()
    {
        var intake = Intake();
        var tag = "同组重复-" + Guid.NewGuid().ToString("N")[..8];
        var phone = "1366" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // Arriving together, these are written in one or a few groups; each must count the ones before it (threshold 2).
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => intake.ReceiveAsync(Complaint($"{tag}-{i}", phone), Actor.System))));

        await using var db = app.OpenDb();
        var saved = await db.Complaints.AsNoTracking().Include(c => c.Timeline).Where(c => c.Title.StartsWith(tag)).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(4, saved.Count);
        for (var k = 0; k < saved.Count; k++)
        {
            var grade = saved[k].Timeline.Single(e => e.Field == "Grade").Note ?? "";
            Assert.Equal(k >= 2, grade.Contains("repeat complainant", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task R10_batch_members_arrive_high_risk_with_their_alarm_in_the_same_transaction()
    {
        var intake = Intake();
        var line = "同事务告警-" + Guid.NewGuid().ToString("N")[..8];

        // Written in one group or a few: the members are linked before the insert and each carries its own alarm.
        var received = await Task.WhenAll(new[] { ("浙江", "13977770001"), ("江苏", "13977770002"), ("广东", "13977770003") }
            .Select(p => Task.Run(() => intake.ReceiveAsync(Renewal(line, p.Item1, p.Item2), Agent))));

        // Read the moment intake answered: not left to the board's publisher, which runs after the commit.
        await using var db = app.OpenDb();
        var ids = received.Select(c => c.Id).ToList();
        var members = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync();
        Assert.All(members, m => Assert.Equal(ComplaintSeverity.HighRisk, m.Severity));
        var alarms = await db.AlarmEvents.AsNoTracking().Where(a => a.ComplaintId != null && ids.Contains(a.ComplaintId.Value)).ToListAsync();
        // The third completes the batch, so it arrives as a member with its "new high-risk" alarm. The first two, if an earlier
        // group saved them, became high-risk when they joined: intake raised theirs in the same transaction too.
        var third = members.OrderBy(m => m.Id).Last();
        Assert.Contains(alarms, a => a.ComplaintId == third.Id && a.Kind == ComplaintOps.Features.CrisisBoard.AlarmKind.NewHighRisk);
        Assert.All(members, m => Assert.Single(alarms, a => a.ComplaintId == m.Id && a.Key == $"highrisk:{m.Id}"));
        Assert.Single(alarms, a => a.ComplaintId == third.Id && a.Key == $"highrisk:{third.Id}");
    }

    [Fact]
    public async Task R10_earlier_complaints_that_become_high_risk_by_joining_a_batch_get_their_alarm_in_the_same_transaction()
    {
        var intake = Intake();
        var line = "后入批告警-" + Guid.NewGuid().ToString("N")[..8];

        // One after another: the first two are saved (general) before the third completes the batch.
        var first = await intake.ReceiveAsync(Renewal(line, "浙江", "13977771001"), Agent);
        var second = await intake.ReceiveAsync(Renewal(line, "江苏", "13977771002"), Agent);
        Assert.NotEqual(ComplaintSeverity.HighRisk, first.Severity);
        var third = await intake.ReceiveAsync(Renewal(line, "广东", "13977771003"), Agent);

        await using var db = app.OpenDb();
        var alarms = await db.AlarmEvents.AsNoTracking().Where(a => a.ComplaintId == first.Id || a.ComplaintId == second.Id).ToListAsync();
        foreach (var earlier in new[] { first, second })
        {
            var stored = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == earlier.Id);
            Assert.Equal(ComplaintSeverity.HighRisk, stored.Severity);
            Assert.NotNull(stored.BatchIncidentId);
            var alarm = Assert.Single(alarms, a => a.ComplaintId == earlier.Id);
            Assert.Equal(ComplaintOps.Features.CrisisBoard.AlarmKind.Reescalation, alarm.Kind);
            Assert.Equal($"highrisk:{earlier.Id}", alarm.Key);
        }
        Assert.Equal(ComplaintSeverity.HighRisk, third.Severity);
    }
}
