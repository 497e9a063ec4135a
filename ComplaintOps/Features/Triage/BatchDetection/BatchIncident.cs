using ComplaintOps.Domain;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Triage.BatchDetection;

/// <summary>
/// A multi-province batch (R10, B2): complaints on the same product line and problem type, with similar text,
/// from at least two provinces within the detection window. Members point here through
/// <see cref="Complaint.BatchIncidentId"/>; the counts are kept here so lists need no aggregate query.
/// </summary>
public sealed class BatchIncident
{
    public int Id { get; private set; }
    public string ProductLine { get; private set; } = "";
    public ProblemType ProblemType { get; private set; }
    /// <summary>The title of the complaint that formed it: what the batch is about, in the users' words.</summary>
    public string Summary { get; private set; } = "";
    /// <summary>Distinct provinces of the members, sorted, separated by "、".</summary>
    public string Provinces { get; private set; } = "";
    public int ProvinceCount { get; private set; }
    public int ComplaintCount { get; private set; }
    public DateTime FirstSeenUtc { get; private set; }
    public DateTime LastSeenUtc { get; private set; }
    public DateTime FormedAtUtc { get; private set; }
    /// <summary>Null while open: an open incident takes new similar complaints. Closing is the crisis board's (a later issue).</summary>
    public DateTime? ClosedAtUtc { get; private set; }

    private BatchIncident() { }

    public static BatchIncident Form(string productLine, ProblemType problemType, string summary, DateTime nowUtc) => new()
    {
        ProductLine = productLine,
        ProblemType = problemType,
        Summary = summary.Length > 200 ? summary[..200] : summary,
        FormedAtUtc = UtcInstant.Require(nowUtc),
    };

    /// <summary>
    /// Counts in complaints that have just joined (each once): the counts, provinces and first/last seen of all its members,
    /// kept without reading the members already counted (a large incident grows by one complaint at a time).
    /// </summary>
    public void Add(IReadOnlyCollection<(string Province, DateTime ReceivedAtUtc)> joined)
    {
        if (joined.Count == 0) return;
        var provinces = (Provinces.Length == 0 ? [] : Provinces.Split('、')).Concat(joined.Select(m => m.Province))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Provinces = string.Join("、", provinces);
        ProvinceCount = provinces.Count;
        var first = UtcInstant.Require(joined.Min(m => m.ReceivedAtUtc));
        var last = UtcInstant.Require(joined.Max(m => m.ReceivedAtUtc));
        FirstSeenUtc = ComplaintCount == 0 || first < FirstSeenUtc ? first : FirstSeenUtc;
        LastSeenUtc = ComplaintCount == 0 || last > LastSeenUtc ? last : LastSeenUtc;
        ComplaintCount += joined.Count;
    }

    /// <summary>Numbers a new, unsaved incident (batch detection runs in intake's write transaction and hands out ids itself).</summary>
    public void AssignId(int id)
    {
        if (Id != 0) throw new InvalidOperationException($"Batch incident {Id} already has an id.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        Id = id;
    }

    public void Close(DateTime nowUtc) => ClosedAtUtc ??= UtcInstant.Require(nowUtc);
}
