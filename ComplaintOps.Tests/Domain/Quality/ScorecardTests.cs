using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Domain.Sla;

namespace ComplaintOps.Tests.Domain.Quality;

/// <summary>R31 scorecard maths: weights (validated), the weighted total, critical fail, and the auto-filled dimensions.</summary>
public sealed class ScorecardTests
{
    internal static List<DimensionScore> Card(int knowledge = 80, int process = 80, int script = 80, int system = 80, int norms = 80, int? timeliness = 100, int? user = 100) =>
    [
        new(QualityDimension.Knowledge, knowledge, knowledge < 60 ? "needs work" : null),
        new(QualityDimension.ProcessCompliance, process, process < 60 ? "needs work" : null),
        new(QualityDimension.ResponseScript, script, script < 60 ? "needs work" : null),
        new(QualityDimension.SystemOperation, system, system < 60 ? "needs work" : null),
        new(QualityDimension.ServiceNorms, norms, norms < 60 ? "needs work" : null),
        new(QualityDimension.Timeliness, timeliness, AutoFilled: true),
        new(QualityDimension.UserEvaluation, user, AutoFilled: true),
    ];

    [Fact]
    public void R31_the_total_is_the_weighted_mean_of_the_dimensions()
    {
        // Default weights 20/20/15/10/15/10/10.
        var total = Scorecard.Total(ScorecardWeights.Default, Card(knowledge: 100, process: 50, script: 80, system: 90, norms: 70, timeliness: 100, user: 40), false);

        // (20·100 + 20·50 + 15·80 + 10·90 + 15·70 + 10·100 + 10·40) / 100 = 75.5
        Assert.Equal(75.5, total);
    }

    [Fact]
    public void R31_weights_decide_the_total()
    {
        var knowledgeOnly = ScorecardWeights.Create(new Dictionary<QualityDimension, int>
        {
            [QualityDimension.Knowledge] = 100, [QualityDimension.ProcessCompliance] = 0, [QualityDimension.ResponseScript] = 0,
            [QualityDimension.SystemOperation] = 0, [QualityDimension.ServiceNorms] = 0, [QualityDimension.Timeliness] = 0, [QualityDimension.UserEvaluation] = 0,
        });

        Assert.Equal(95, Scorecard.Total(knowledgeOnly, Card(knowledge: 95, process: 10, script: 10), false));
    }

    [Fact]
    public void R31_weights_must_cover_every_dimension_and_add_up_to_100()
    {
        var w = ScorecardWeights.Default.All.ToDictionary(x => x.Key, x => x.Value);
        w[QualityDimension.Knowledge] = 25;
        Assert.Equal("QualityWeightsSum", Assert.Throws<DomainException>(() => ScorecardWeights.Create(w)).Code);
        w.Remove(QualityDimension.Timeliness);
        Assert.Equal("QualityWeightsMissing", Assert.Throws<DomainException>(() => ScorecardWeights.Create(w)).Code);
        Assert.Equal(100, ScorecardWeights.Default.All.Values.Sum());
    }

    [Fact]
    public void R31_a_critical_fail_sets_the_total_to_zero()
    {
        Assert.Equal(0, Scorecard.Total(ScorecardWeights.Default, Card(100, 100, 100, 100, 100), criticalFail: true));
        Assert.Equal(0, Scorecard.Preview(ScorecardWeights.Default, Card(100, 100, 100, 100, 100), criticalFail: true));
    }

    [Fact]
    public void R31_without_a_satisfaction_answer_user_evaluation_is_left_out_and_the_rest_count_in_proportion()
    {
        var total = Scorecard.Total(ScorecardWeights.Default, Card(knowledge: 90, process: 90, script: 90, system: 90, norms: 90, timeliness: 0, user: null), false);

        // (90·80 + 0·10) / 90 = 80.0
        Assert.Equal(80.0, total);
    }

    [Fact]
    public void R31_every_manual_dimension_needs_a_score_in_range_and_a_low_score_a_comment()
    {
        var missing = Card();
        missing[0] = missing[0] with { Score = null };
        Assert.Equal("QualityScoreMissing", Assert.Throws<DomainException>(() => Scorecard.Total(ScorecardWeights.Default, missing, false)).Code);
        Assert.Null(Scorecard.Preview(ScorecardWeights.Default, missing, false));

        var range = Card(knowledge: 101);
        Assert.Equal("QualityScoreRange", Assert.Throws<DomainException>(() => Scorecard.Total(ScorecardWeights.Default, range, false)).Code);

        var silent = Card();
        silent[1] = new DimensionScore(QualityDimension.ProcessCompliance, 40, null);
        Assert.Equal("QualityCommentRequired", Assert.Throws<DomainException>(() => Scorecard.Total(ScorecardWeights.Default, silent, false)).Code);

        var twice = Card();
        twice.Add(new DimensionScore(QualityDimension.Knowledge, 50, "x"));
        Assert.Equal("QualityScoreMissing", Assert.Throws<DomainException>(() => Scorecard.Total(ScorecardWeights.Default, twice, false)).Code);
    }

    [Fact]
    public void R31_timeliness_is_the_share_of_decided_sla_clocks_met_on_time()
    {
        Assert.Equal(100, Scorecard.Timeliness([SlaClockState.Met, SlaClockState.Met]));
        Assert.Equal(50, Scorecard.Timeliness([SlaClockState.Met, SlaClockState.MetLate]));
        Assert.Equal(33, Scorecard.Timeliness([SlaClockState.Met, SlaClockState.Overdue, SlaClockState.MetLate, SlaClockState.Running]));
        Assert.Equal(0, Scorecard.Timeliness([SlaClockState.Overdue]));
        // An open case whose clocks are all still running has breached nothing.
        Assert.Equal(100, Scorecard.Timeliness([SlaClockState.Running]));
    }

    [Fact]
    public void R31_user_evaluation_follows_the_satisfaction_stars()
    {
        Assert.Equal(100, Scorecard.UserEvaluation(5));
        Assert.Equal(20, Scorecard.UserEvaluation(1));
        Assert.Null(Scorecard.UserEvaluation(null));
        Assert.True(Scorecard.IsAutoFilled(QualityDimension.Timeliness));
        Assert.True(Scorecard.IsAutoFilled(QualityDimension.UserEvaluation));
        Assert.False(Scorecard.IsAutoFilled(QualityDimension.ResponseScript));
    }
}
