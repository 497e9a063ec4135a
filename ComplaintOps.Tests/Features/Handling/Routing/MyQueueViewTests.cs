using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Handling.Routing;
using ComplaintOps.Tests.Support;

namespace ComplaintOps.Tests.Features.Handling.Routing;

/// <summary>"My queue" (R19): the signed-in handler's open cases, soonest due first, overdue and high-risk marked.</summary>
public sealed class MyQueueViewTests : ComponentTestBase
{
    private async Task<int> StoreHandledAsync(string number, DateTime received, string handlerId, RiskLevel risk = RiskLevel.Low, bool close = false)
    {
        var c = TestComplaints.Make(number, received, risk: risk);
        c.AssignHandler(Actor.System, received, handlerId, handlerId == Agent.Id ? Agent.Name : "别人", Tier.Agent);
        if (close) c.MoveTo(ComplaintStatus.Closed, Agent, received.AddMinutes(5), "首次接触即解答");
        return await StoreAsync(c);
    }

    private IRenderedComponent<MyQueue> RenderLoaded()
    {
        var cut = Render<MyQueue>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=my-queue]").GetAttribute("data-loaded")));
        return cut;
    }

    [Fact]
    public async Task R19_my_queue_lists_only_my_open_cases_overdue_first_with_overdue_and_high_risk_marked()
    {
        var fresh = await StoreHandledAsync("TS-20261128-91001", Now.AddMinutes(-10), Agent.Id, RiskLevel.High);
        var overdue = await StoreHandledAsync("TS-20261128-91002", Now.AddDays(-3), Agent.Id);
        await StoreHandledAsync("TS-20261128-91003", Now.AddDays(-4), "someone-else");
        await StoreHandledAsync("TS-20261128-91004", Now.AddDays(-5), Agent.Id, close: true);

        var cut = RenderLoaded();

        Assert.Equal("2", cut.Find("[data-testid=my-queue]").GetAttribute("data-total"));
        var rows = cut.FindAll("[data-testid=my-queue-row]");
        Assert.Equal([overdue.ToString(), fresh.ToString()], rows.Select(r => r.GetAttribute("data-id")!));
        Assert.Equal("true", rows[0].GetAttribute("data-overdue"));
        Assert.NotNull(rows[0].QuerySelector("[data-testid=overdue-chip]"));
        Assert.Null(rows[0].QuerySelector("[data-testid=high-risk-chip]"));
        Assert.Equal("false", rows[1].GetAttribute("data-overdue"));
        Assert.NotNull(rows[1].QuerySelector("[data-testid=high-risk-chip]"));
        Assert.Contains("/complaints/" + overdue, rows[0].QuerySelector("[data-testid=my-queue-open]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("1", cut.Find("[data-testid=my-queue-overdue]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R19_an_empty_queue_says_so()
    {
        await StoreHandledAsync("TS-20261128-92001", Now.AddDays(-1), "someone-else");
        var cut = RenderLoaded();
        Assert.NotNull(cut.Find("[data-testid=my-queue-empty]"));
        Assert.Empty(cut.FindAll("[data-testid=my-queue-row]"));
    }

    [Fact]
    public async Task R19_my_queue_pages_on_the_server_25_at_a_time()
    {
        for (var i = 0; i < 30; i++) await StoreHandledAsync($"TS-20261128-93{i:000}", Now.AddHours(-i), Agent.Id);
        var cut = RenderLoaded();
        Assert.Equal("30", cut.Find("[data-testid=my-queue]").GetAttribute("data-total"));
        Assert.Equal(MyQueue.PageSize, cut.FindAll("[data-testid=my-queue-row]").Count);
        Assert.NotNull(cut.Find("[data-testid=my-queue-pager]"));
    }
}
