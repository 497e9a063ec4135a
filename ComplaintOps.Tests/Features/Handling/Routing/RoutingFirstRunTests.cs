using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using RoutingRules = ComplaintOps.Domain.Handling.Routing;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static ComplaintOps.Tests.Features.Handling.Routing.RoutingTestData;

namespace ComplaintOps.Tests.Features.Handling.Routing;

/// <summary>First start on a seeded database: every open case routed, handled cases kept where their tier suffices (R19, R34).</summary>
public sealed class RoutingFirstRunTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task R19_R34_the_first_run_routes_every_open_case_keeps_sufficient_handlers_and_spreads_the_rest()
    {
        var dispatcher = Dispatcher(app);
        var users = await UserIdsAsync(app);
        var handlerIds = new[] { "agent", "agent2", "agent3", "expert", "expert2", "coach" }.Select(u => (string?)users[u]).ToHashSet();
        List<Complaint> before;
        await using (var db = app.OpenDb())
            before = await db.Complaints.AsNoTracking().Where(c => c.Status < ComplaintStatus.Closed).ToListAsync();
        Assert.NotEmpty(before);
        Assert.All(before, c => Assert.Null(c.RoutedAtUtc));

        var waiting = before.Count(c => c.HandlerId is null || c.Tier < RoutingRules.RequiredTier(RoutingFacts.Of(c)));
        Assert.InRange(waiting, 1, before.Count - 1);
        Assert.Equal(waiting, await dispatcher.RouteWaitingAsync());

        Dictionary<int, Complaint> after;
        await using (var db = app.OpenDb())
            after = await db.Complaints.Include(c => c.Timeline).AsNoTracking().Where(c => c.Status < ComplaintStatus.Closed).ToDictionaryAsync(c => c.Id);
        Assert.All(after.Values, c =>
        {
            Assert.NotNull(c.HandlerId);
            Assert.True(c.Tier >= RoutingRules.RequiredTier(RoutingFacts.Of(c)), $"{c.TrackingNumber} at {c.Tier}");
        });
        // Cases already handled at a sufficient tier are not touched at all (same version: an agent working one meets no conflict).
        var kept = before.Where(c => c.HandlerId is not null && c.Tier >= RoutingRules.RequiredTier(RoutingFacts.Of(c))).ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, c =>
        {
            Assert.Equal((c.HandlerId, c.Version), (after[c.Id].HandlerId, after[c.Id].Version));
            Assert.Null(after[c.Id].RoutedAtUtc);
        });
        // The routed ones went to a handler of the demo team, with the routing entry on their timeline.
        Assert.All(before.Where(c => !kept.Contains(c)), c =>
        {
            Assert.Contains(after[c.Id].HandlerId, handlerIds);
            Assert.NotNull(after[c.Id].RoutedAtUtc);
        });
        // The cases that waited without a handler are spread over the agents, not piled on one.
        var fresh = before.Where(c => c.HandlerId is null && RoutingRules.RequiredTier(RoutingFacts.Of(c)) == Tier.Agent).Select(c => after[c.Id].HandlerId).ToList();
        if (fresh.Count >= 6) Assert.True(fresh.Distinct().Count() >= 2, "new cases went to more than one agent");
        Assert.All(before, c => Assert.Equal(c.OwnerId, after[c.Id].OwnerId));
    }
}
