using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using static ComplaintOps.Tests.Domain.DomainSamples;

namespace ComplaintOps.Tests.Domain.Handling;

public sealed class CompensationTests
{
    private const long Limit = 200_00;
    private static readonly Actor Manager = new("manager-1", "Manager One");

    private static CompensationEntry Propose(long cents, Actor? by = null) =>
        CompensationEntry.Propose(In(ComplaintStatus.Resolving), cents, CompensationKind.Refund, "未按约定发货", Limit, 202611, by ?? Agent, Shanghai("2026-11-28 10:00"));

    [Theory]
    [InlineData(1L)]
    [InlineData(199_99L)]
    [InlineData(200_00L)] // exactly the limit is still fast
    public void R22_amounts_up_to_the_fast_limit_are_approved_at_once(long cents)
    {
        var entry = Propose(cents);

        Assert.Equal(CompensationStatus.Approved, entry.Status);
        Assert.True(entry.FastTrack);
        Assert.False(entry.AwaitsApproval);
    }

    [Theory]
    [InlineData(200_01L)]
    [InlineData(5_000_00L)]
    public void R22_amounts_above_the_fast_limit_wait_for_approval(long cents)
    {
        var entry = Propose(cents);

        Assert.Equal(CompensationStatus.Proposed, entry.Status);
        Assert.False(entry.FastTrack);
        Assert.Throws<DomainException>(() => entry.MarkPaid(Shanghai("2026-11-28 11:00")));
    }

    [Theory]
    [InlineData(ApproverRole.Supervisor)]
    [InlineData(ApproverRole.Manager)]
    public void R22_a_supervisor_or_manager_approves_and_is_recorded(ApproverRole role)
    {
        var entry = Propose(1_500_00);

        entry.Approve(Supervisor, role, Shanghai("2026-11-28 11:00"), "同意");

        Assert.Equal(CompensationStatus.Approved, entry.Status);
        Assert.Equal((Supervisor.Id, Supervisor.Name, role), (entry.DecidedById, entry.DecidedByName, entry.DecidedAs));
        entry.MarkPaid(Shanghai("2026-11-28 12:00"));
        Assert.Equal(CompensationStatus.Paid, entry.Status);
    }

    [Fact]
    public void R22_an_agent_cannot_approve_above_the_limit()
    {
        var entry = Propose(1_500_00);

        var e = Assert.Throws<DomainException>(() => entry.Approve(OtherAgent, ApproverRole.None, Shanghai("2026-11-28 11:00")));

        Assert.Equal("CompensationApprover", e.Code);
        Assert.Equal(CompensationStatus.Proposed, entry.Status);
    }

    [Fact]
    public void R22_nobody_approves_their_own_proposal()
    {
        var entry = Propose(1_500_00, by: Manager);

        var e = Assert.Throws<DomainException>(() => entry.Approve(Manager, ApproverRole.Manager, Shanghai("2026-11-28 11:00")));

        Assert.Equal("CompensationOwnApproval", e.Code);
    }

    [Fact]
    public void R22_rejecting_needs_a_reason_and_a_decision_is_final()
    {
        var entry = Propose(1_500_00);

        Assert.Equal("CompensationRejectReason", Assert.Throws<DomainException>(() => entry.Reject(Supervisor, ApproverRole.Supervisor, Shanghai("2026-11-28 11:00"), " ")).Code);
        entry.Reject(Supervisor, ApproverRole.Supervisor, Shanghai("2026-11-28 11:00"), "超出赔付范围");
        Assert.Equal(CompensationStatus.Rejected, entry.Status);
        Assert.Equal("CompensationDecided", Assert.Throws<DomainException>(() => entry.Approve(Manager, ApproverRole.Manager, Shanghai("2026-11-28 12:00"))).Code);
    }

    [Theory]
    [InlineData(0L, "reason", "CompensationAmount")]
    [InlineData(-5L, "reason", "CompensationAmount")]
    [InlineData(100L, "  ", "CompensationReason")]
    public void R22_a_compensation_needs_an_amount_and_a_reason(long cents, string reason, string code)
    {
        var e = Assert.Throws<DomainException>(() =>
            CompensationEntry.Propose(In(ComplaintStatus.Resolving), cents, CompensationKind.Cash, reason, Limit, 202611, Agent, Shanghai("2026-11-28 10:00")));

        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void R22_the_ledger_line_keeps_product_line_respondent_and_month_for_the_totals()
    {
        var entry = Propose(300_00);

        Assert.Equal(("Marketplace", "Example Shop", 202611), (entry.ProductLine, entry.RespondentName, entry.MonthKey));
    }
}
