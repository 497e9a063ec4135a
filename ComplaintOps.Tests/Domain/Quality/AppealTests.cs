using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;

namespace ComplaintOps.Tests.Domain.Quality;

/// <summary>R31: the handler appeals a score once; a senior inspector who did not give it decides; calibration compares two inspectors.</summary>
public sealed class AppealTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Handler = new("agent-1", "李娜");
    private static readonly Actor Inspector = new("insp-1", "郑洁");
    private static readonly Actor Senior = new("insp-2", "林涛");

    private static Inspection Scored(Actor? by = null, InspectionKind kind = InspectionKind.SpotCheck)
    {
        var i = Inspection.Queue(7, "TS-1", false, Handler, "Agent", kind, SampleReason.Random, 1, new DateOnly(2026, 11, 16), Inspector, Now);
        i.Score(by ?? Inspector, ScorecardWeights.Default, ScorecardTests.Card(), false, null, "ok", Now);
        return i;
    }

    [Fact]
    public void R31_a_scored_inspection_keeps_every_dimension_with_its_weight_and_marks_the_auto_filled_ones()
    {
        var i = Scored();

        Assert.Equal(InspectionStatus.Scored, i.Status);
        Assert.Equal(84, i.Total);  // 80·80% + 100·20% with default weights
        Assert.Equal(i.Total, i.FinalTotal);
        Assert.Equal(7, i.Scores.Count);
        Assert.True(i.Scores.Single(s => s.Dimension == QualityDimension.Timeliness).AutoFilled);
        Assert.False(i.Scores.Single(s => s.Dimension == QualityDimension.Knowledge).AutoFilled);
        Assert.Equal(20, i.Scores.Single(s => s.Dimension == QualityDimension.Knowledge).Weight);
        Assert.Equal("InspectionAlreadyScored", Assert.Throws<DomainException>(() => i.Score(Inspector, ScorecardWeights.Default, ScorecardTests.Card(), false, null, null, Now)).Code);
    }

    [Fact]
    public void R31_nobody_scores_their_own_case_and_a_critical_fail_needs_its_reason()
    {
        var own = Inspection.Queue(7, "TS-1", true, Handler, "Agent", InspectionKind.Patrol, SampleReason.Patrol, null, null, Inspector, Now);
        Assert.Equal("InspectorIsHandler", Assert.Throws<DomainException>(() => own.Score(Handler, ScorecardWeights.Default, ScorecardTests.Card(), false, null, null, Now)).Code);
        Assert.Equal("QualityCriticalNoteRequired", Assert.Throws<DomainException>(() => own.Score(Inspector, ScorecardWeights.Default, ScorecardTests.Card(), true, " ", null, Now)).Code);

        own.Score(Inspector, ScorecardWeights.Default, ScorecardTests.Card(), true, "泄露用户手机号", null, Now);
        Assert.Equal(0, own.FinalTotal);
        Assert.True(own.CriticalFail);
    }

    [Fact]
    public void R31_the_handler_appeals_once_only_with_a_reason()
    {
        var i = Scored();
        Assert.Equal("AppealReasonRequired", Assert.Throws<DomainException>(() => i.Appeal(Handler, " ", Now)).Code);
        Assert.Equal("AppealNotYours", Assert.Throws<DomainException>(() => i.Appeal(new Actor("agent-2", "王强"), "not mine", Now)).Code);

        i.Appeal(Handler, "进展反馈已电话完成", Now);
        Assert.Equal(InspectionStatus.Appealed, i.Status);
        Assert.False(i.CanAppeal);
        Assert.Equal("AppealOnce", Assert.Throws<DomainException>(() => i.Appeal(Handler, "again", Now)).Code);

        i.DecideAppeal(Senior, true, AppealDecision.Uphold, null, "流程确有遗漏", Now);
        // Still once only after the decision.
        Assert.Equal("AppealOnce", Assert.Throws<DomainException>(() => i.Appeal(Handler, "again", Now)).Code);
    }

    [Fact]
    public void R31_an_unscored_or_calibration_inspection_cannot_be_appealed()
    {
        var queued = Inspection.Queue(7, "TS-1", false, Handler, "Agent", InspectionKind.SpotCheck, SampleReason.Random, 1, null, Inspector, Now);
        Assert.Equal("AppealNotScored", Assert.Throws<DomainException>(() => queued.Appeal(Handler, "why", Now)).Code);
        var calibration = Scored(kind: InspectionKind.Calibration);
        Assert.Equal("AppealCalibration", Assert.Throws<DomainException>(() => calibration.Appeal(Handler, "why", Now)).Code);
    }

    [Fact]
    public void R31_only_a_senior_inspector_who_did_not_score_it_decides_with_a_reason()
    {
        var i = Scored();
        Assert.Equal("AppealNotOpen", Assert.Throws<DomainException>(() => i.DecideAppeal(Senior, true, AppealDecision.Uphold, null, "r", Now)).Code);
        i.Appeal(Handler, "进展反馈已电话完成", Now);

        Assert.Equal("AppealSeniorOnly", Assert.Throws<DomainException>(() => i.DecideAppeal(Senior, false, AppealDecision.Uphold, null, "r", Now)).Code);
        // The senior inspector scored it themself: someone else decides.
        Assert.Equal("AppealOwnInspection", Assert.Throws<DomainException>(() => i.DecideAppeal(Inspector, true, AppealDecision.Uphold, null, "r", Now)).Code);
        Assert.Equal("AppealDecisionReasonRequired", Assert.Throws<DomainException>(() => i.DecideAppeal(Senior, true, AppealDecision.Uphold, null, "", Now)).Code);
        Assert.Equal("AppealAdjustedTotal", Assert.Throws<DomainException>(() => i.DecideAppeal(Senior, true, AppealDecision.Adjust, 120, "r", Now)).Code);
        Assert.Equal(InspectionStatus.Appealed, i.Status);

        i.DecideAppeal(Senior, true, AppealDecision.Adjust, 95, "通话记录证明已反馈", Now);
        Assert.Equal(InspectionStatus.AppealAdjusted, i.Status);
        Assert.Equal(95, i.FinalTotal);
        Assert.Equal(84, i.Total);
        Assert.Equal(Senior.Id, i.DecidedById);
        Assert.Equal("AppealNotOpen", Assert.Throws<DomainException>(() => i.DecideAppeal(Senior, true, AppealDecision.Uphold, null, "r", Now)).Code);
    }

    [Fact]
    public void R31_upholding_keeps_the_score()
    {
        var i = Scored();
        i.Appeal(Handler, "disagree", Now);
        i.DecideAppeal(Senior, true, AppealDecision.Uphold, 10, "评分有据", Now);
        Assert.Equal(InspectionStatus.AppealUpheld, i.Status);
        Assert.Equal(84, i.FinalTotal);
    }

    [Fact]
    public void R31_calibration_compares_two_inspectors_per_dimension_and_in_total()
    {
        var a = Scored();
        var b = Inspection.Queue(7, "TS-1", false, Handler, "Agent", InspectionKind.Calibration, SampleReason.Calibration, null, null, Senior, Now, Senior);
        b.Score(Senior, ScorecardWeights.Default, ScorecardTests.Card(knowledge: 60, process: 70), false, null, null, Now);

        var cmp = Calibration.Compare(a, b, tolerance: 5);

        Assert.Equal(-20, cmp.Dimensions.Single(d => d.Dimension == QualityDimension.Knowledge).Difference);
        Assert.Equal(-10, cmp.Dimensions.Single(d => d.Dimension == QualityDimension.ProcessCompliance).Difference);
        Assert.Equal(0, cmp.Dimensions.Single(d => d.Dimension == QualityDimension.ServiceNorms).Difference);
        Assert.Equal(84 - (20 * 60 + 20 * 70 + 15 * 80 + 10 * 80 + 15 * 80 + 2000) / 100.0, -cmp.TotalDifference, 1);
        Assert.False(cmp.Agrees);
        Assert.Equal(QualityDimension.Knowledge, cmp.WidestGap!.Dimension);
        Assert.Equal("CalibrationSameInspector", Assert.Throws<DomainException>(() => Calibration.Compare(a, a, 5)).Code);
    }
}
