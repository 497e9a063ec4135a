using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;

namespace ComplaintOps.Tests.Domain.Handling;

/// <summary>Routing by tier, skill and workload (R19), special groups first (R5).</summary>
public sealed class RoutingTests
{
    private static readonly DateTime T0 = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);

    private static RoutingFacts Facts(
        ComplaintSeverity severity = ComplaintSeverity.General, RiskLevel level = RiskLevel.Low, HighRiskTriggers triggers = HighRiskTriggers.None,
        SpecialGroup special = SpecialGroup.None, Channel channel = Channel.Web, string line = "电商平台", ProblemType type = ProblemType.ConsumerRights) =>
        new(severity, level, triggers, special, channel, line, type);

    private static HandlerCandidate H(string id, Tier tier, int open, string[]? lines = null, ProblemType[]? types = null) =>
        new(id, id.ToUpperInvariant(), tier, lines ?? [], types ?? [], open);

    /// <summary>A received complaint with this grade, through the domain's own Receive.</summary>
    internal static Complaint Make(Channel channel = Channel.Web, ComplaintSeverity severity = ComplaintSeverity.General,
        HighRiskTriggers triggers = HighRiskTriggers.None, RiskLevel level = RiskLevel.Low, DateTime? atUtc = null) =>
        Complaint.Receive(DomainSamples.NewComplaint(channel) with
        {
            SourceName = channel.IsExternal() ? "12315" : null,
            SourceReference = channel.IsExternal() ? "REF1" : null,
            Severity = severity,
            HighRiskTriggers = triggers,
            RiskLevel = level,
        }, "TS-0001", DomainSamples.Agent, DomainSamples.Agent, atUtc ?? T0);

    [Theory]
    [InlineData(ComplaintSeverity.General, RiskLevel.Low, HighRiskTriggers.None, Channel.Web, Tier.Agent)]
    [InlineData(ComplaintSeverity.General, RiskLevel.Medium, HighRiskTriggers.None, Channel.Phone, Tier.Agent)]
    [InlineData(ComplaintSeverity.General, RiskLevel.High, HighRiskTriggers.None, Channel.Web, Tier.Expert)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.GovernmentAttention, Channel.Web, Tier.Expert)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.MultiProvinceBatch, Channel.App, Tier.Expert)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.DangerToLifeOrProperty, Channel.Regulator, Tier.Expert)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.Critical, HighRiskTriggers.GovernmentAttention, Channel.Web, Tier.Coach)]
    [InlineData(ComplaintSeverity.General, RiskLevel.Critical, HighRiskTriggers.None, Channel.Web, Tier.Coach)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.NationalMediaExposure, Channel.Phone, Tier.Coach)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.MajorSocialImpact, Channel.Web, Tier.Coach)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.GovernmentAttention, Channel.PublicOpinion, Tier.Coach)]
    [InlineData(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.GovernmentAttention, Channel.Media, Tier.Coach)]
    [InlineData(ComplaintSeverity.General, RiskLevel.Low, HighRiskTriggers.None, Channel.PublicOpinion, Tier.Agent)]
    public void R19_the_tier_follows_severity_and_risk_level(ComplaintSeverity severity, RiskLevel level, HighRiskTriggers triggers, Channel channel, Tier expected)
    {
        Assert.Equal(expected, Routing.RequiredTier(Facts(severity, level, triggers, channel: channel)));
    }

    [Fact]
    public void R5_a_special_group_does_not_change_the_tier()
    {
        Assert.Equal(Tier.Agent, Routing.RequiredTier(Facts(special: SpecialGroup.Elderly)));
    }

    [Fact]
    public void R19_the_sql_rule_agrees_with_the_domain_rule_for_every_grade_tier_and_channel()
    {
        var below = Routing.BelowRequiredTier.Compile();
        var waiting = Routing.UnhandledOrBelowRequiredTier.Compile();
        var checkedCases = 0;
        foreach (var severity in Enum.GetValues<ComplaintSeverity>())
        foreach (var level in Enum.GetValues<RiskLevel>())
        foreach (var trigger in Enum.GetValues<HighRiskTriggers>())
        foreach (var channel in Enum.GetValues<Channel>())
        foreach (var tier in Enum.GetValues<Tier>())
        {
            if (severity == ComplaintSeverity.HighRisk && trigger == HighRiskTriggers.None) continue;
            var triggers = severity == ComplaintSeverity.General ? HighRiskTriggers.None : trigger;
            var complaint = Make(channel, severity, triggers, level);
            if (tier != Tier.Agent) complaint.AssignHandler(Actor.System, T0, "h", "H", tier);
            var expected = Routing.RequiredTier(RoutingFacts.Of(complaint)) > tier;
            Assert.True(expected == below(complaint), $"{severity}/{level}/{triggers}/{channel} at {tier}");
            Assert.Equal(complaint.HandlerId is null || expected, waiting(complaint));
            checkedCases++;
        }
        Assert.True(checkedCases > 300);
    }

    [Fact]
    public void R19_a_skilled_handler_of_the_tier_wins_over_a_lighter_unskilled_one()
    {
        var d = Routing.Route(Facts(line: "云服务", type: ProblemType.Product),
        [
            H("a1", Tier.Agent, 2, ["电商平台"]),
            H("a2", Tier.Agent, 9, ["云服务"], [ProblemType.Product]),
            H("e1", Tier.Expert, 0),
        ]);
        Assert.Equal("a2", d.Handler!.Id);
        Assert.Equal(Tier.Agent, d.RequiredTier);
        Assert.Contains("skilled in 云服务/Product", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void R19_among_skilled_handlers_the_lowest_workload_wins_ties_by_id()
    {
        var handlers = new[] { H("a3", Tier.Agent, 4), H("a2", Tier.Agent, 3), H("a1", Tier.Agent, 3), H("a0", Tier.Agent, 1, ["短视频"]) };
        Assert.Equal("a1", Routing.Route(Facts(), handlers).Handler!.Id);
    }

    [Fact]
    public void R19_with_no_skilled_handler_the_least_loaded_of_the_tier_takes_it()
    {
        var d = Routing.Route(Facts(line: "网约车"), [H("a1", Tier.Agent, 5, ["电商平台"]), H("a2", Tier.Agent, 1, ["短视频"]), H("c1", Tier.Coach, 0)]);
        Assert.Equal("a2", d.Handler!.Id);
        Assert.Contains("no Agent skilled", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void R19_with_nobody_at_the_tier_the_next_tier_up_takes_it()
    {
        var d = Routing.Route(Facts(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.GovernmentAttention), [H("a1", Tier.Agent, 0), H("c1", Tier.Coach, 7)]);
        Assert.Equal("c1", d.Handler!.Id);
        Assert.Equal(Tier.Expert, d.RequiredTier);
        Assert.Contains("no Expert available", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void R19_with_nobody_at_or_above_the_tier_the_closest_lower_tier_holds_it_and_the_reason_says_so()
    {
        var d = Routing.Route(Facts(level: RiskLevel.Critical), [H("a1", Tier.Agent, 0), H("e1", Tier.Expert, 5)]);
        Assert.Equal("e1", d.Handler!.Id);
        Assert.Contains("no handler at tier Coach or above", d.Reason, StringComparison.Ordinal);
        Assert.Null(Routing.Route(Facts(), []).Handler);
    }

    [Fact]
    public void R5_special_groups_are_routed_first_and_get_the_least_loaded_handler()
    {
        var ordinary = new RoutingRequest(1, Facts(), T0, null, Tier.Agent);
        var elderly = new RoutingRequest(2, Facts(special: SpecialGroup.Elderly), T0.AddHours(1), null, Tier.Agent);
        var plan = RoutingPlan.Assign([ordinary, elderly], [H("a1", Tier.Agent, 1), H("a2", Tier.Agent, 0)]);
        Assert.Equal([2, 1], plan.Select(p => p.Request.ComplaintId));
        Assert.Equal("a2", plan[0].Decision.Handler!.Id);
        Assert.Equal("a1", plan[1].Decision.Handler!.Id);
    }

    [Fact]
    public void R5_R19_a_batch_is_ordered_special_group_then_risk_then_age()
    {
        var requests = new[]
        {
            new RoutingRequest(1, Facts(level: RiskLevel.Low), T0, null, Tier.Agent),
            new RoutingRequest(2, Facts(level: RiskLevel.Medium), T0.AddHours(2), null, Tier.Agent),
            new RoutingRequest(3, Facts(level: RiskLevel.Low, special: SpecialGroup.Minor), T0.AddHours(3), null, Tier.Agent),
            new RoutingRequest(4, Facts(level: RiskLevel.Medium), T0.AddHours(1), null, Tier.Agent),
        };
        Assert.Equal([3, 4, 2, 1], RoutingPlan.Assign(requests, [H("a1", Tier.Agent, 0)]).Select(p => p.Request.ComplaintId));
    }

    [Fact]
    public void R19_each_pick_counts_toward_workload_so_a_batch_spreads()
    {
        var requests = Enumerable.Range(1, 9).Select(i => new RoutingRequest(i, Facts(), T0.AddMinutes(i), null, Tier.Agent));
        var plan = RoutingPlan.Assign(requests, [H("a1", Tier.Agent, 0), H("a2", Tier.Agent, 0), H("a3", Tier.Agent, 3)]);
        var counts = plan.GroupBy(p => p.Decision.Handler!.Id).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, counts["a1"]);
        Assert.Equal(4, counts["a2"]);
        Assert.Equal(1, counts["a3"]);
    }

    [Fact]
    public void R19_R34_a_case_already_handled_at_a_sufficient_tier_stays_and_one_below_the_tier_moves()
    {
        var kept = new RoutingRequest(1, Facts(), T0, "a9", Tier.Agent);
        var moved = new RoutingRequest(2, Facts(ComplaintSeverity.HighRisk, RiskLevel.High, HighRiskTriggers.GovernmentAttention), T0, "a9", Tier.Agent);
        var plan = RoutingPlan.Assign([kept, moved], [H("a9", Tier.Agent, 30), H("e1", Tier.Expert, 2)]).ToDictionary(p => p.Request.ComplaintId);
        Assert.True(plan[1].KeepsHandler);
        Assert.Equal("a9", plan[1].Decision.Handler!.Id);
        Assert.False(plan[2].KeepsHandler);
        Assert.Equal("e1", plan[2].Decision.Handler!.Id);
    }

    [Fact]
    public void R19_open_means_a_status_before_closed_as_the_partial_indexes_assume()
    {
        foreach (var s in Enum.GetValues<ComplaintStatus>())
            Assert.Equal(Lifecycle.IsFinished(s), s >= ComplaintStatus.Closed);
    }
}
