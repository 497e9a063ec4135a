using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;

namespace ComplaintOps.Domain.Quality;

/// <summary>The dimensions of the quality scorecard (R31, §5.4.2.3).</summary>
public enum QualityDimension
{
    /// <summary>Product and policy knowledge (业务知识).</summary>
    Knowledge = 1,
    /// <summary>Followed the handling process (流程规范).</summary>
    ProcessCompliance = 2,
    /// <summary>Response script (话术).</summary>
    ResponseScript = 3,
    /// <summary>Recorded everything correctly in the system (系统操作).</summary>
    SystemOperation = 4,
    /// <summary>Service norms: courtesy, patience, privacy (服务规范).</summary>
    ServiceNorms = 5,
    /// <summary>Filled from the case's SLA clocks.</summary>
    Timeliness = 6,
    /// <summary>Filled from the user's satisfaction answer.</summary>
    UserEvaluation = 7,
}

/// <summary>One dimension's score (0–100, null = not applicable, only for auto-filled ones), with its comment.</summary>
public sealed record DimensionScore(QualityDimension Dimension, int? Score, string? Comment = null, bool AutoFilled = false);

/// <summary>The weight of each dimension in percent; every dimension present, 0–100 each, summing to 100.</summary>
public sealed record ScorecardWeights
{
    private readonly Dictionary<QualityDimension, int> _weights;

    private ScorecardWeights(Dictionary<QualityDimension, int> weights) => _weights = weights;

    public int this[QualityDimension dimension] => _weights[dimension];

    public IReadOnlyDictionary<QualityDimension, int> All => _weights;

    public static ScorecardWeights Default { get; } = Create(new Dictionary<QualityDimension, int>
    {
        [QualityDimension.Knowledge] = 20,
        [QualityDimension.ProcessCompliance] = 20,
        [QualityDimension.ResponseScript] = 15,
        [QualityDimension.SystemOperation] = 10,
        [QualityDimension.ServiceNorms] = 15,
        [QualityDimension.Timeliness] = 10,
        [QualityDimension.UserEvaluation] = 10,
    });

    public static ScorecardWeights Create(IReadOnlyDictionary<QualityDimension, int> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var missing = Scorecard.Dimensions.Where(d => !weights.ContainsKey(d)).ToArray();
        if (missing.Length > 0)
            throw new DomainException("QualityWeightsMissing", $"Every dimension needs a weight; missing: {string.Join(", ", missing)}.");
        if (weights.Values.Any(w => w is < 0 or > 100))
            throw new DomainException("QualityWeightsRange", "Each weight is between 0 and 100.");
        var sum = Scorecard.Dimensions.Sum(d => weights[d]);
        if (sum != 100)
            throw new DomainException("QualityWeightsSum", $"The weights add up to {sum}; they must add up to 100.");
        return new ScorecardWeights(Scorecard.Dimensions.ToDictionary(d => d, d => weights[d]));
    }
}

/// <summary>
/// Scorecard maths: the total is the weighted mean of the dimension scores (0–100); a dimension that does not apply
/// (no satisfaction answer yet) is left out and the other weights count in proportion; a critical-fail item sets the
/// total to 0. Timeliness and user evaluation are filled from the case, never typed in.
/// </summary>
public static class Scorecard
{
    public const int MaxScore = 100;
    /// <summary>A manual score below this needs a comment saying why.</summary>
    public const int CommentBelow = 60;
    public const int MaxCommentLength = 500;

    public static IReadOnlyList<QualityDimension> Dimensions { get; } = Enum.GetValues<QualityDimension>();

    public static bool IsAutoFilled(QualityDimension dimension) => dimension is QualityDimension.Timeliness or QualityDimension.UserEvaluation;

    /// <summary>The total (one decimal) of a complete scorecard; refuses missing, doubled or out-of-range scores.</summary>
    public static double Total(ScorecardWeights weights, IReadOnlyList<DimensionScore> scores, bool criticalFail)
    {
        Validate(scores);
        return WeightedTotal(weights, scores, criticalFail);
    }

    /// <summary>The live total while a scorecard is being filled in: null until every manual dimension has a score in range.</summary>
    public static double? Preview(ScorecardWeights weights, IReadOnlyList<DimensionScore> scores, bool criticalFail)
    {
        if (criticalFail) return 0;
        if (scores.Any(s => s.Score is < 0 or > MaxScore || (s.Score is null && !IsAutoFilled(s.Dimension)))) return null;
        return WeightedTotal(weights, scores, criticalFail);
    }

    private static double WeightedTotal(ScorecardWeights weights, IReadOnlyList<DimensionScore> scores, bool criticalFail)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (criticalFail) return 0;
        double weightSum = 0, sum = 0;
        foreach (var s in scores)
        {
            if (s.Score is not { } score) continue;
            weightSum += weights[s.Dimension];
            sum += weights[s.Dimension] * score;
        }
        return weightSum == 0 ? 0 : Math.Round(sum / weightSum, 1, MidpointRounding.AwayFromZero);
    }

    public static void Validate(IReadOnlyList<DimensionScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        foreach (var d in Dimensions)
        {
            var n = scores.Count(s => s.Dimension == d);
            if (n != 1) throw new DomainException("QualityScoreMissing", $"Score every dimension once ({d}).");
        }
        foreach (var s in scores)
        {
            if (s.Score is null && !IsAutoFilled(s.Dimension))
                throw new DomainException("QualityScoreMissing", $"Score every dimension once ({s.Dimension}).");
            if (s.Score is < 0 or > MaxScore)
                throw new DomainException("QualityScoreRange", $"A score is between 0 and {MaxScore} ({s.Dimension}).");
            if (!IsAutoFilled(s.Dimension) && s.Score < CommentBelow && string.IsNullOrWhiteSpace(s.Comment))
                throw new DomainException("QualityCommentRequired", $"A score below {CommentBelow} needs a comment ({s.Dimension}).");
            if (s.Comment is { Length: > MaxCommentLength })
                throw new DomainException("QualityCommentTooLong", $"A comment has at most {MaxCommentLength} characters.");
        }
    }

    /// <summary>
    /// Timeliness from the SLA clocks: the share of decided clocks met on time (met late or overdue count against);
    /// clocks still running do not count yet; a case with no decided clock has breached nothing (100).
    /// </summary>
    public static int Timeliness(IEnumerable<SlaClockState> clockStates)
    {
        var decided = clockStates.Where(s => s != SlaClockState.Running).ToList();
        if (decided.Count == 0) return MaxScore;
        var met = decided.Count(s => s == SlaClockState.Met);
        return (int)Math.Round(MaxScore * (double)met / decided.Count, MidpointRounding.AwayFromZero);
    }

    /// <summary>User evaluation from the satisfaction answer: 1–5 stars → 20–100; no answer → not applicable (null).</summary>
    public static int? UserEvaluation(int? satisfactionScore) => satisfactionScore switch
    {
        null => null,
        < 1 or > 5 => throw new DomainException("SatisfactionScore", "Choose 1 to 5 stars."),
        { } s => s * 20,
    };
}
