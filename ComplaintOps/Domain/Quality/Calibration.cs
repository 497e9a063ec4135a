using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Quality;

public sealed record DimensionDifference(QualityDimension Dimension, int? ScoreA, int? ScoreB)
{
    /// <summary>B − A; null when either did not apply.</summary>
    public int? Difference => ScoreA is { } a && ScoreB is { } b ? b - a : null;
}

public sealed record CalibrationComparison(
    string InspectorA, string InspectorB, IReadOnlyList<DimensionDifference> Dimensions, double TotalA, double TotalB, double Tolerance)
{
    public double TotalDifference => Math.Round(TotalB - TotalA, 1, MidpointRounding.AwayFromZero);

    /// <summary>The two inspectors agree when their totals are within the tolerance.</summary>
    public bool Agrees => Math.Abs(TotalDifference) <= Tolerance;

    /// <summary>The dimension the two disagree on most.</summary>
    public DimensionDifference? WidestGap => Dimensions.Where(d => d.Difference is not null).OrderByDescending(d => Math.Abs(d.Difference!.Value)).FirstOrDefault();
}

/// <summary>Calibration: two inspectors' scorecards of the same case compared per dimension and in total.</summary>
public static class Calibration
{
    public static CalibrationComparison Compare(Inspection a, Inspection b, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.ComplaintId != b.ComplaintId)
            throw new DomainException("CalibrationSameCase", "Calibration compares two scorecards of the same case.");
        if (!a.IsScored || !b.IsScored || a.Total is null || b.Total is null)
            throw new DomainException("CalibrationNotScored", "Both scorecards must be scored.");
        if (a.InspectorId == b.InspectorId)
            throw new DomainException("CalibrationSameInspector", "Calibration compares two different inspectors.");
        var dims = Scorecard.Dimensions.Select(d => new DimensionDifference(d,
            a.Scores.FirstOrDefault(s => s.Dimension == d)?.Score, b.Scores.FirstOrDefault(s => s.Dimension == d)?.Score)).ToList();
        return new CalibrationComparison(a.InspectorName ?? "", b.InspectorName ?? "", dims, a.Total.Value, b.Total.Value, tolerance);
    }
}
