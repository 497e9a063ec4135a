using System.ComponentModel.DataAnnotations;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;

namespace ComplaintOps.Features.Quality;

/// <summary>Quality inspection (R31). Section "Quality".</summary>
public sealed class QualityOptions
{
    public const string Section = "Quality";

    /// <summary>Weight of each scorecard dimension in percent; all seven, adding up to 100.</summary>
    public Dictionary<QualityDimension, int> Weights { get; set; } = new(ScorecardWeights.Default.All);

    /// <summary>Two inspectors' totals within this many points agree (calibration).</summary>
    [Range(0, 100)]
    public double CalibrationTolerance { get; set; } = 5;

    public ScorecardWeights ScorecardWeights => ScorecardWeights.Create(Weights);

    public bool WeightsAreValid()
    {
        try
        {
            _ = ScorecardWeights.Create(Weights);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }
}
