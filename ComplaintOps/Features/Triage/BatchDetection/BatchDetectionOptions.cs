using System.ComponentModel.DataAnnotations;
using ComplaintOps.Domain.Triage;

namespace ComplaintOps.Features.Triage.BatchDetection;

/// <summary>Section "BatchDetection": when similar complaints from several provinces form a batch incident (R10, B2).</summary>
public sealed class BatchDetectionOptions
{
    public const string Section = "BatchDetection";

    /// <summary>How far back from a new complaint to look for similar ones.</summary>
    [Range(1, 24 * 31)]
    public int WindowHours { get; set; } = 48;

    /// <summary>Complaints from distinct complainants needed to form an incident.</summary>
    [Range(2, 1000)]
    public int MinComplaints { get; set; } = 3;

    [Range(2, 31)]
    public int MinProvinces { get; set; } = 2;

    /// <summary>Character-bigram Jaccard similarity of title + description at or above which two complaints are "about the same thing".</summary>
    [Range(0.0, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.3;

    /// <summary>With how many of the latest complaints already in open incidents a new one is compared (a storm costs a bounded amount).</summary>
    [Range(1, 100_000)]
    public int IncidentMembersCompared { get; set; } = 200;

    public BatchRules Rules => new(TimeSpan.FromHours(WindowHours), MinComplaints, MinProvinces, SimilarityThreshold, IncidentMembersCompared);
}
