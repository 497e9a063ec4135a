using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Handling.Routing;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using static ComplaintOps.Tests.Features.Handling.Routing.RoutingTestData;

namespace ComplaintOps.Tests.Features.Handling.Routing;

/// <summary>The host as it runs outside tests: intake routes new complaints in its own transaction (R19, R5).</summary>
public sealed class IntakeRoutingAppFactory : AppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Routing:AtIntake", "true");
    }
}

/// <summary>New complaints go in already routed, by the same plan as the dispatcher's; the dispatcher finds nothing of theirs waiting.</summary>
public sealed class IntakeRoutingTests(IntakeRoutingAppFactory app) : IClassFixture<IntakeRoutingAppFactory>
{
    [Fact]
    public async Task R19_a_new_complaint_is_inserted_routed_to_the_tier_its_grade_needs_and_the_dispatcher_has_nothing_left()
    {
        var dispatcher = Dispatcher(app);
        var intake = RoutingTestData.Intake(app);
        await dispatcher.RouteWaitingAsync(); // the seed's waiting complaints, so the counts below are intake's alone
        var users = await UserIdsAsync(app);

        var cloud = await intake.ReceiveAsync(Complaint("云服务", ProblemSubType.Malfunction, "13500091001"), Web);
        var critical = await intake.ReceiveAsync(Complaint("短视频", ProblemSubType.Account, "13500091003",
            severity: ComplaintSeverity.HighRisk, triggers: HighRiskTriggers.DangerToLifeOrProperty, level: RiskLevel.Critical), Web);

        // Routed when intake answered: no poll in between.
        Assert.Equal(Tier.Agent, cloud.Tier);
        Assert.NotNull(cloud.RoutedAtUtc);
        Assert.Equal((users["coach"], Tier.Coach), (critical.HandlerId, critical.Tier));
        foreach (var received in new[] { cloud, critical })
        {
            var stored = await LoadAsync(app, received.Id);
            Assert.Equal(received.HandlerId, stored.HandlerId);
            Assert.NotNull(stored.HandlerId);
            Assert.Equal(received.OwnerId, stored.OwnerId);
            var routed = Assert.Single(stored.Timeline, e => e.Kind == TimelineEventKind.Routed);
            Assert.Equal(stored.Tier.ToString(), routed.After);
            Assert.Equal(RoutingDispatcher.Router.Id, routed.ActorId);
        }
        Assert.Equal(0, await dispatcher.RouteWaitingAsync());
    }

    [Fact]
    public async Task R10_R19_earlier_complaints_pulled_into_a_batch_are_reescalated_in_the_same_transaction()
    {
        var intake = RoutingTestData.Intake(app);
        var marker = Guid.NewGuid().ToString("N")[..12];
        NewComplaint Similar(string province, string phone) => Complaint("云服务", ProblemSubType.Malfunction, phone) with
        {
            Complainant = new Complainant { Name = "用户" + phone[^4..], Phone = phone, Province = province, City = province },
            Title = "云服务器无故停机 " + marker,
            Description = "云服务器无故被停机，数据丢失，工单无人处理，要求恢复数据并赔偿。" + marker,
        };

        // Saved one after another: the first two go in as general complaints, routed to an agent.
        var first = await intake.ReceiveAsync(Similar("浙江", "13500092001"), Web);
        var second = await intake.ReceiveAsync(Similar("江苏", "13500092002"), Web);
        Assert.Equal((ComplaintSeverity.General, Tier.Agent), (first.Severity, first.Tier));
        var third = await intake.ReceiveAsync(Similar("广东", "13500092003"), Web);

        // The third completed a batch: the first two became high-risk and moved up a tier when intake answered, no sweep run.
        Assert.Equal(ComplaintSeverity.HighRisk, third.Severity);
        foreach (var earlier in new[] { first, second })
        {
            var stored = await LoadAsync(app, earlier.Id);
            Assert.Equal(ComplaintSeverity.HighRisk, stored.Severity);
            Assert.Equal(third.BatchIncidentId, stored.BatchIncidentId);
            Assert.Equal(ComplaintOps.Domain.Handling.Routing.RequiredTier(RoutingFacts.Of(stored)), stored.Tier);
            Assert.True(stored.Tier > Tier.Agent);
            var moved = Assert.Single(stored.Timeline, e => e.Kind == TimelineEventKind.Reescalated);
            Assert.Equal(RoutingDispatcher.Router.Id, moved.ActorId);
            Assert.Contains(nameof(EscalationCause.RiskRaised), moved.Note);
            Assert.Equal(earlier.OwnerId, stored.OwnerId); // the first-contact owner stays (R34)
        }
    }
}
