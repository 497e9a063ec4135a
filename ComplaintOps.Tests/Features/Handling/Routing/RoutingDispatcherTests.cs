using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Handling.Routing;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ComplaintOps.Tests.Features.Handling.Routing.RoutingTestData;

namespace ComplaintOps.Tests.Features.Handling.Routing;

/// <summary>The routing dispatcher on the real host and a real SQLite file (R19, R5, R34).</summary>
public sealed class RoutingDispatcherTests(AppFactory app) : IClassFixture<AppFactory>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private async Task<Dictionary<string, int>> WorkloadAsync()
    {
        await using var db = app.OpenDb();
        return await HandlerDirectory.OpenWorkloadAsync(db);
    }

    [Fact]
    public async Task R19_new_complaints_go_to_the_tier_their_grade_needs_and_a_handler_skilled_in_them()
    {
        var dispatcher = Dispatcher(app);
        var intake = RoutingTestData.Intake(app);
        await dispatcher.RouteWaitingAsync();
        var users = await UserIdsAsync(app);

        var cloud = await intake.ReceiveAsync(Complaint("云服务", ProblemSubType.Malfunction, "13500001001"), Web);
        var government = await intake.ReceiveAsync(Complaint("电商平台", ProblemSubType.ReturnOrRefund, "13500001002",
            severity: ComplaintSeverity.HighRisk, triggers: HighRiskTriggers.GovernmentAttention, level: RiskLevel.High), Web);
        var critical = await intake.ReceiveAsync(Complaint("短视频", ProblemSubType.Account, "13500001003",
            severity: ComplaintSeverity.HighRisk, triggers: HighRiskTriggers.DangerToLifeOrProperty, level: RiskLevel.Critical), Web);
        Assert.Null(cloud.HandlerId);

        Assert.Equal(3, await dispatcher.RouteWaitingAsync());

        var c1 = await LoadAsync(app, cloud.Id);
        Assert.Equal((users["agent3"], Tier.Agent), (c1.HandlerId, c1.Tier));
        var c2 = await LoadAsync(app, government.Id);
        Assert.Equal((users["expert"], Tier.Expert), (c2.HandlerId, c2.Tier));
        var c3 = await LoadAsync(app, critical.Id);
        Assert.Equal((users["coach"], Tier.Coach), (c3.HandlerId, c3.Tier));
        foreach (var (before, after) in new[] { (cloud, c1), (government, c2), (critical, c3) })
        {
            Assert.Equal(before.OwnerId, after.OwnerId);
            Assert.NotNull(after.RoutedAtUtc);
            var routed = Assert.Single(after.Timeline, e => e.Kind == TimelineEventKind.Routed);
            Assert.Equal(after.Tier.ToString(), routed.After);
            Assert.Contains(after.HandlerName!, routed.Note, StringComparison.Ordinal);
        }
        Assert.Equal(0, await dispatcher.RouteWaitingAsync());
    }

    [Fact]
    public async Task R19_R34_a_case_an_agent_accepted_at_first_contact_is_left_alone_when_its_tier_suffices()
    {
        var dispatcher = Dispatcher(app);
        var intake = RoutingTestData.Intake(app);
        var users = await UserIdsAsync(app);
        var agent = new Actor(users["agent2"], "王强");
        var accepted = await intake.ReceiveAsync(Complaint("短视频", ProblemSubType.Account, "13500001101"), agent, agent);

        await dispatcher.RouteWaitingAsync();
        await dispatcher.ReescalateAsync();

        var after = await LoadAsync(app, accepted.Id);
        Assert.Equal((agent.Id, accepted.Version), (after.HandlerId, after.Version));
        Assert.Null(after.RoutedAtUtc);
    }

    [Fact]
    public async Task R19_with_no_skilled_agent_the_least_loaded_agent_takes_it()
    {
        var dispatcher = Dispatcher(app);
        var intake = RoutingTestData.Intake(app);
        await dispatcher.RouteWaitingAsync();
        var users = await UserIdsAsync(app);
        var agents = new[] { users["agent"], users["agent2"], users["agent3"] };
        var before = await WorkloadAsync();
        var lightest = agents.Min(a => before.GetValueOrDefault(a));

        var c = await intake.ReceiveAsync(Complaint("无人熟悉的产品线", ProblemSubType.Licence, "13500002001"), Web);
        await dispatcher.RouteWaitingAsync();

        var routed = await LoadAsync(app, c.Id);
        Assert.Contains(routed.HandlerId, agents);
        Assert.Equal(lightest, before.GetValueOrDefault(routed.HandlerId!));
        Assert.Equal(before.GetValueOrDefault(routed.HandlerId!) + 1, (await WorkloadAsync())[routed.HandlerId!]);
    }

    [Fact]
    public async Task R5_a_special_group_complaint_received_later_is_routed_first_to_the_least_loaded_agent()
    {
        var dispatcher = Dispatcher(app);
        var intake = RoutingTestData.Intake(app);
        await dispatcher.RouteWaitingAsync();
        var users = await UserIdsAsync(app);
        var agents = new[] { users["agent"], users["agent2"], users["agent3"] };
        var before = await WorkloadAsync();
        var lightest = agents.Min(a => before.GetValueOrDefault(a));

        var ordinary = await intake.ReceiveAsync(Complaint("无人熟悉的产品线", ProblemSubType.Permit, "13500003001"), Web);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        var elderly = await intake.ReceiveAsync(Complaint("无人熟悉的产品线", ProblemSubType.Permit, "13500003002", special: SpecialGroup.Elderly), Web);
        await dispatcher.RouteWaitingAsync();

        var e = await LoadAsync(app, elderly.Id);
        var o = await LoadAsync(app, ordinary.Id);
        Assert.Equal(lightest, before.GetValueOrDefault(e.HandlerId!));
        Assert.True(e.Timeline.Single(t => t.Kind == TimelineEventKind.Routed).Id < o.Timeline.Single(t => t.Kind == TimelineEventKind.Routed).Id,
            "the elderly complainant's case is routed before the earlier ordinary one");
    }

    [Fact]
    public async Task R19_an_overdue_case_is_re_escalated_once_with_the_reason_on_its_timeline()
    {
        var dispatcher = Dispatcher(app);
        var intake = RoutingTestData.Intake(app);
        var letter = await intake.ReceiveAsync(Complaint("电商平台", ProblemSubType.ReturnOrRefund, "13500004001",
            channel: Channel.Letter, receivedAtUtc: Now.AddDays(-25)), Web);
        await dispatcher.RouteWaitingAsync();
        var routed = await LoadAsync(app, letter.Id);
        Assert.Equal(Tier.Agent, routed.Tier);
        Assert.True(routed.NextDueUtc < Now);

        Assert.True(await dispatcher.ReescalateAsync() >= 1);
        var up = await LoadAsync(app, letter.Id);
        Assert.Equal(Tier.Expert, up.Tier);
        Assert.Equal(EscalationCause.OverdueClock, up.EscalatedFor);
        Assert.Equal(routed.OwnerId, up.OwnerId);
        var e = Assert.Single(up.Timeline, t => t.Kind == TimelineEventKind.Reescalated);
        Assert.Equal(("Agent", "Expert"), (e.Before, e.After));
        Assert.Contains("OverdueClock", e.Note, StringComparison.Ordinal);

        // The clock is still overdue: the sweep runs again and leaves the case alone (once per cause).
        await dispatcher.ReescalateAsync();
        var again = await LoadAsync(app, letter.Id);
        Assert.Equal(up.Version, again.Version);
        Assert.Single(again.Timeline, t => t.Kind == TimelineEventKind.Reescalated);
    }

    [Fact]
    public async Task R19_a_risk_rise_after_routing_re_escalates_to_the_tier_the_new_grade_needs()
    {
        var dispatcher = Dispatcher(app);
        var intake = RoutingTestData.Intake(app);
        var c = await intake.ReceiveAsync(Complaint("在线支付", ProblemSubType.FeeRefund, "13500005001"), Web);
        await dispatcher.RouteWaitingAsync();
        var routed = await LoadAsync(app, c.Id);
        Assert.Equal(Tier.Agent, routed.Tier);

        var commands = app.Services.GetRequiredService<ComplaintCommands>();
        await commands.ChangeAsync(c.Id, routed.Version, x => x.OverrideGrade(ComplaintSeverity.HighRisk, RiskLevel.Critical,
            HighRiskTriggers.GovernmentAttention, "市监局来电关注", new Actor("sup", "吴刚"), Now), default);
        await dispatcher.ReescalateAsync();

        var users = await UserIdsAsync(app);
        var up = await LoadAsync(app, c.Id);
        Assert.Equal((users["coach"], Tier.Coach), (up.HandlerId, up.Tier));
        Assert.Contains(up.Timeline, t => t.Kind == TimelineEventKind.Reescalated && t.Note!.StartsWith("RiskRaised", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R19_a_repeat_contact_re_escalates_the_original_case_once()
    {
        var dispatcher = Dispatcher(app);
        var intake = RoutingTestData.Intake(app);
        var first = await intake.ReceiveAsync(Complaint("网约车", ProblemSubType.Renewal, "13500006001"), Web);
        await dispatcher.RouteWaitingAsync();
        Assert.Equal(Tier.Agent, (await LoadAsync(app, first.Id)).Tier);

        var again = await intake.ReceiveAsync(Complaint("网约车", ProblemSubType.Renewal, "13500006001"), Web);
        Assert.Equal(first.Id, (await LoadAsync(app, again.Id)).DuplicateOfId);
        await dispatcher.RouteWaitingAsync();
        await dispatcher.ReescalateAsync();

        var up = await LoadAsync(app, first.Id);
        Assert.Equal(Tier.Expert, up.Tier);
        Assert.True(up.EscalatedFor.HasFlag(EscalationCause.RepeatContact));
        await dispatcher.ReescalateAsync();
        Assert.Single((await LoadAsync(app, first.Id)).Timeline, t => t.Kind == TimelineEventKind.Reescalated && t.Note!.StartsWith("RepeatContact", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R19_R34_a_supervisor_reassigns_with_a_reason_and_the_first_contact_owner_stays()
    {
        var dispatcher = Dispatcher(app);
        var intake = RoutingTestData.Intake(app);
        var c = await intake.ReceiveAsync(Complaint("本地生活", ProblemSubType.Exchange, "13500007001"), Web);
        await dispatcher.RouteWaitingAsync();
        var routed = await LoadAsync(app, c.Id);
        var users = await UserIdsAsync(app);
        var reassign = app.Services.GetRequiredService<ReassignCommands>();
        var supervisor = new Actor(users["supervisor"], "吴刚");

        var handlers = await reassign.HandlersAsync();
        Assert.Contains(handlers, h => h.Candidate.Id == users["expert2"] && h.Candidate.Tier == Tier.Expert);
        var denied = await Assert.ThrowsAsync<DomainException>(() =>
            reassign.ReassignAsync(c.Id, routed.Version, users["expert2"], "x", new Actor(users["agent"], "李娜"), bySupervisor: false));
        Assert.Equal("ReassignNotSupervisor", denied.Code);

        await reassign.ReassignAsync(c.Id, routed.Version, users["expert2"], "用户要求更资深的处理人", supervisor, bySupervisor: true);

        var after = await LoadAsync(app, c.Id);
        Assert.Equal((users["expert2"], Tier.Expert), (after.HandlerId, after.Tier));
        Assert.Equal((routed.OwnerId, routed.OwnerName), (after.OwnerId, after.OwnerName));
        var e = Assert.Single(after.Timeline, t => t.Kind == TimelineEventKind.Reassigned);
        Assert.Equal((supervisor.Id, "用户要求更资深的处理人"), (e.ActorId, e.Note));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("expert")]
    [InlineData("supervisor")]
    public async Task R19_handlers_and_supervisors_open_my_queue(string user)
    {
        var client = await SignIn.AsAsync(app, user);
        var response = await client.GetAsync("/my-queue");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("inspector")]
    [InlineData("manager")]
    public async Task R28_other_roles_have_no_my_queue(string user) => await SignIn.AssertRefusedAsync(app, user, "/my-queue");

    [Fact]
    public async Task R19_my_queue_reads_its_index_in_due_order_without_a_sort_step()
    {
        _ = app.CreateClient();
        await using var db = app.OpenDb();
        var plan = await PlanAsync(db, MyQueueQueries.Query(db, "someone").Skip(25).Take(25).ToQueryString());
        Assert.True(plan.Any(l => l.Contains("IX_Complaints_MyQueue", StringComparison.Ordinal)), string.Join(" | ", plan));
        Assert.DoesNotContain(plan, l => l.Contains("TEMP B-TREE", StringComparison.Ordinal));

        var workload = await PlanAsync(db, db.Complaints.Where(c => c.HandlerId != null && c.Status < ComplaintStatus.Closed)
            .GroupBy(c => c.HandlerId!).Select(g => new { g.Key, Count = g.Count() }).ToQueryString());
        // One grouped pass over the open-cases index, in HandlerId order (no sort step for the GROUP BY).
        Assert.True(workload.Any(l => l.Contains("USING INDEX IX_Complaints_MyQueue", StringComparison.Ordinal)), string.Join(" | ", workload));
        Assert.DoesNotContain(workload, l => l.Contains("TEMP B-TREE", StringComparison.Ordinal));

        var waiting = await PlanAsync(db, RoutingDispatcher.Waiting(db).Take(500).ToQueryString());
        Assert.True(waiting.Any(l => l.Contains("IX_Complaints_RoutingWaiting", StringComparison.Ordinal)), string.Join(" | ", waiting));
    }

    /// <summary>EXPLAIN QUERY PLAN for EF Core's SQL, with its parameters written in.</summary>
    internal static async Task<List<string>> PlanAsync(ComplaintOpsDb db, string sql)
    {
        var lines = sql.Split('\n');
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
}
