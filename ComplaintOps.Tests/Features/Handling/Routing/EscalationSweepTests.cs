using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Handling.Routing;
using ComplaintOps.Infrastructure;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ComplaintOps.Tests.Features.Handling.Routing.RoutingTestData;

namespace ComplaintOps.Tests.Features.Handling.Routing;

/// <summary>The re-escalation sweep with nobody at the top tier (the coach away): it still reaches every case (R19).</summary>
public sealed class EscalationSweepTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task R19_with_the_coach_away_critical_cases_wait_with_an_expert_and_the_sweep_still_reaches_later_cases()
    {
        var intake = RoutingTestData.Intake(app);
        var users = await UserIdsAsync(app);
        await using (var db = app.OpenDb())
        {
            var coach = await db.HandlerProfiles.SingleAsync(p => p.UserId == users["coach"]);
            coach.TakesNewCases = false;
            await db.SaveChangesAsync();
        }
        // A small batch size, so the sweep has to page past cases it cannot move.
        var dispatcher = new RoutingDispatcher(
            app.Services.GetRequiredService<IDbContextFactory<ComplaintOpsDb>>(), app.Services.GetRequiredService<HandlerDirectory>(),
            app.Services.GetRequiredService<BusinessTime>(), Options.Create(new RoutingOptions { BatchSize = 2 }), NullLogger<RoutingDispatcher>.Instance);
        await dispatcher.RouteWaitingAsync();
        await dispatcher.ReescalateAsync();

        var critical = new List<Complaint>();
        for (var i = 0; i < 3; i++)
            critical.Add(await intake.ReceiveAsync(Complaint("短视频", ProblemSubType.Account, $"1350000900{i}",
                severity: ComplaintSeverity.HighRisk, triggers: HighRiskTriggers.DangerToLifeOrProperty, level: RiskLevel.Critical), Web));
        var letter = await intake.ReceiveAsync(Complaint("电商平台", ProblemSubType.ReturnOrRefund, "13500009009",
            channel: Channel.Letter, receivedAtUtc: app.Clock.GetUtcNow().UtcDateTime.AddDays(-25)), Web);
        await dispatcher.RouteWaitingAsync();

        foreach (var c in critical)
        {
            var routed = await LoadAsync(app, c.Id);
            Assert.Equal(Tier.Expert, routed.Tier);
            Assert.Contains(routed.Timeline, e => e.Kind == TimelineEventKind.Routed && e.Note!.Contains("no handler at tier Coach or above", StringComparison.Ordinal));
        }

        await dispatcher.ReescalateAsync();

        Assert.Equal(Tier.Expert, (await LoadAsync(app, letter.Id)).Tier);
        foreach (var c in critical)
            Assert.NotEqual(users["coach"], (await LoadAsync(app, c.Id)).HandlerId);
    }
}
