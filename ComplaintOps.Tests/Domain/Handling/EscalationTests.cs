using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;

namespace ComplaintOps.Tests.Domain.Handling;

/// <summary>Re-escalation of worsening cases (R19) and supervisor reassignment that keeps the owner (R34).</summary>
public sealed class EscalationTests
{
    private static readonly DateTime T0 = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Supervisor = new("super-1", "吴刚");
    private static readonly HandlerCandidate Agent2 = new("agent-2", "王强", Tier.Agent, [], [], 3);
    private static readonly HandlerCandidate Expert = new("expert-1", "赵敏", Tier.Expert, [], [], 3);
    private static readonly HandlerCandidate Coach = new("coach-1", "周婷", Tier.Coach, [], [], 3);

    private static EscalationFacts Facts(Complaint c, DateTime? due = null, bool repeated = false) =>
        new(RoutingFacts.Of(c), c.Tier, c.Status, due, repeated, c.EscalatedFor);

    [Fact]
    public void R19_a_risk_rise_takes_the_case_to_the_tier_its_grade_needs()
    {
        var c = RoutingTests.Make();
        c.OverrideGrade(ComplaintSeverity.HighRisk, RiskLevel.Critical, HighRiskTriggers.GovernmentAttention, "政府部门来函关注", Supervisor, T0);
        var need = Escalation.Assess(Facts(c), T0)!;
        Assert.Equal(EscalationCause.RiskRaised, need.Cause);
        Assert.Equal(Tier.Coach, need.Target);

        c.Reescalate(need, Coach, Supervisor, T0);
        Assert.Equal(Tier.Coach, c.Tier);
        Assert.Equal("coach-1", c.HandlerId);
        var e = Assert.Single(c.Timeline, e => e.Kind == TimelineEventKind.Reescalated);
        Assert.Equal(("Tier", "Agent", "Coach"), (e.Field, e.Before, e.After));
        Assert.Contains("RiskRaised", e.Note, StringComparison.Ordinal);
        Assert.Null(Escalation.Assess(Facts(c), T0));
    }

    [Fact]
    public void R19_an_overdue_clock_moves_the_case_up_one_tier_once()
    {
        var c = RoutingTests.Make();
        var need = Escalation.Assess(Facts(c, due: T0.AddMinutes(-1)), T0)!;
        Assert.Equal((EscalationCause.OverdueClock, Tier.Expert), (need.Cause, need.Target));
        c.Reescalate(need, Expert, Supervisor, T0);

        Assert.Null(Escalation.Assess(Facts(c, due: T0.AddMinutes(-1)), T0.AddDays(3)));
        var again = Assert.Throws<DomainException>(() => c.Reescalate(need, Coach, Supervisor, T0));
        Assert.Equal("AlreadyEscalated", again.Code);
        Assert.Single(c.Timeline, e => e.Kind == TimelineEventKind.Reescalated);
    }

    [Fact]
    public void R19_a_repeat_contact_moves_the_case_up_one_tier_once_and_another_cause_can_still_follow()
    {
        var c = RoutingTests.Make();
        var need = Escalation.Assess(Facts(c, repeated: true), T0)!;
        Assert.Equal((EscalationCause.RepeatContact, Tier.Expert), (need.Cause, need.Target));
        c.Reescalate(need, Expert, Supervisor, T0);
        Assert.Null(Escalation.Assess(Facts(c, repeated: true), T0));

        var overdue = Escalation.Assess(Facts(c, due: T0.AddHours(-1), repeated: true), T0)!;
        Assert.Equal((EscalationCause.OverdueClock, Tier.Coach), (overdue.Cause, overdue.Target));
    }

    [Fact]
    public void R19_nothing_to_do_for_a_coach_case_a_finished_case_or_a_case_on_time()
    {
        var c = RoutingTests.Make();
        Assert.Null(Escalation.Assess(Facts(c, due: T0.AddHours(1)), T0));
        c.AssignHandler(Supervisor, T0, Coach.Id, Coach.Name, Tier.Coach);
        Assert.Null(Escalation.Assess(Facts(c, due: T0.AddHours(-1), repeated: true), T0));
        var closed = RoutingTests.Make();
        closed.MoveTo(ComplaintStatus.Closed, DomainSamples.Agent, T0, "首次接触即解答");
        Assert.Null(Escalation.Assess(Facts(closed, due: T0.AddHours(-1)), T0));
    }

    [Fact]
    public void R19_re_escalation_needs_a_higher_tier()
    {
        var c = RoutingTests.Make();
        var need = new EscalationNeed(EscalationCause.OverdueClock, Tier.Expert, "late");
        Assert.Equal("NotHigherTier", Assert.Throws<DomainException>(() => c.Reescalate(need, Agent2, Supervisor, T0)).Code);
    }

    [Fact]
    public void R19_R34_routing_sets_handler_and_tier_and_keeps_the_owner()
    {
        var c = RoutingTests.Make(severity: ComplaintSeverity.HighRisk, triggers: HighRiskTriggers.GovernmentAttention, level: RiskLevel.High);
        var decision = Routing.Route(RoutingFacts.Of(c), [Agent2, Expert]);
        c.Route(decision, keepsHandler: false, Supervisor, T0);
        Assert.Equal((Expert.Id, Tier.Expert), (c.HandlerId, c.Tier));
        Assert.Equal(DomainSamples.Agent.Id, c.OwnerId);
        Assert.Equal(T0, c.RoutedAtUtc);
        Assert.Contains(c.Timeline, e => e.Kind == TimelineEventKind.Routed && e.Note!.Contains("赵敏", StringComparison.Ordinal));
    }

    [Fact]
    public void R19_R34_a_supervisor_reassigns_with_a_reason_and_the_owner_stays()
    {
        var c = RoutingTests.Make();
        c.AssignHandler(Supervisor, T0, Agent2.Id, Agent2.Name, Tier.Agent);

        Assert.Equal("ReassignNotSupervisor", Assert.Throws<DomainException>(() => c.ReassignHandler(Expert, "忙不过来", false, DomainSamples.Agent, T0)).Code);
        Assert.Equal("ReassignReasonRequired", Assert.Throws<DomainException>(() => c.ReassignHandler(Expert, " ", true, Supervisor, T0)).Code);
        Assert.Equal("ReassignSameHandler", Assert.Throws<DomainException>(() => c.ReassignHandler(Agent2, "x", true, Supervisor, T0)).Code);

        c.ReassignHandler(Expert, "用户要求专家处理", true, Supervisor, T0);
        Assert.Equal((Expert.Id, Expert.Name, Tier.Expert), (c.HandlerId, c.HandlerName, c.Tier));
        Assert.Equal((DomainSamples.Agent.Id, DomainSamples.Agent.Name), (c.OwnerId, c.OwnerName));
        var e = Assert.Single(c.Timeline, e => e.Kind == TimelineEventKind.Reassigned);
        Assert.Equal(("Handler", "王强", "赵敏", "用户要求专家处理"), (e.Field, e.Before, e.After, e.Note));
    }
}
