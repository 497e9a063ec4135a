using System.Globalization;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Triage;

/// <summary>The settings of multi-province batch detection (R10, B2).</summary>
public sealed record BatchRules(TimeSpan Window, int MinComplaints, int MinProvinces, double SimilarityThreshold);

/// <summary>
/// What detection needs to know about one complaint: the new one, or a candidate from the window.
/// <paramref name="IncidentIsOpen"/> says whether <paramref name="BatchIncidentId"/> (if any) can still take members.
/// </summary>
public sealed record BatchFacts(
    int ComplaintId,
    string ProductLine,
    ProblemType ProblemType,
    string Province,
    string Phone,
    string Text,
    DateTime ReceivedAtUtc,
    int? BatchIncidentId = null,
    bool IncidentIsOpen = false,
    int? DuplicateOfId = null);

public enum BatchOutcome
{
    /// <summary>Not (yet) a batch.</summary>
    None = 0,
    /// <summary>The new complaint (and similar ones not yet in an incident) join an open incident.</summary>
    JoinIncident = 1,
    /// <summary>The new complaint and its similar candidates form a new incident.</summary>
    FormIncident = 2,
}

/// <summary>
/// The decision for one new complaint. <see cref="Members"/> are the complaint ids to link to the incident
/// (the new one first); <see cref="DuplicateOfId"/> is the earlier complaint from the same complainant about the same thing.
/// </summary>
public sealed record BatchDecision(BatchOutcome Outcome, int? IncidentId, IReadOnlyList<int> Members, int? DuplicateOfId)
{
    public static readonly BatchDecision Nothing = new(BatchOutcome.None, null, [], null);
}

/// <summary>
/// Multi-province batch detection (R10 "a batch of complaints from two or more provinces at once", B2).
/// The caller hands over only the window's candidates (same product line and problem type, received within
/// the window before the new complaint, read through an index); everything here is in memory and explainable:
/// two complaints are "about the same thing" when their texts' character-bigram Jaccard similarity reaches the threshold.
/// A batch counts distinct complainants (by phone), so one person complaining three times is not a batch.
/// </summary>
public static class BatchDetection
{
    public static BatchDecision Decide(BatchFacts complaint, IEnumerable<BatchFacts> candidates, BatchRules rules)
    {
        var from = complaint.ReceivedAtUtc - rules.Window;
        var inWindow = candidates
            .Where(c => c.ComplaintId != complaint.ComplaintId
                && c.ProductLine == complaint.ProductLine
                && c.ProblemType == complaint.ProblemType
                && c.ReceivedAtUtc >= from && c.ReceivedAtUtc <= complaint.ReceivedAtUtc)
            .OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.ComplaintId)
            .ToList();

        var duplicateOf = DuplicateOf(complaint, inWindow);

        var bigrams = Bigrams(complaint.Text);
        var similar = inWindow.Where(c => Jaccard(bigrams, Bigrams(c.Text)) >= rules.SimilarityThreshold).ToList();
        // Complaints in a closed incident stay where they are; they neither count nor move.
        var free = similar.Where(c => c.BatchIncidentId is null).ToList();

        var open = similar.Where(c => c.BatchIncidentId is not null && c.IncidentIsOpen)
            .GroupBy(c => c.BatchIncidentId!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .FirstOrDefault();
        if (open is not null)
            return new BatchDecision(BatchOutcome.JoinIncident, open.Key, [complaint.ComplaintId, .. free.Select(c => c.ComplaintId)], duplicateOf);

        var group = free.Prepend(complaint).ToList();
        var complainants = group.Select(c => PhoneKey(c.Phone)).Distinct(StringComparer.Ordinal).Count();
        var provinces = group.Select(c => c.Province).Distinct(StringComparer.Ordinal).Count();
        if (complainants >= rules.MinComplaints && provinces >= rules.MinProvinces)
            return new BatchDecision(BatchOutcome.FormIncident, null, group.Select(c => c.ComplaintId).ToList(), duplicateOf);

        return BatchDecision.Nothing with { DuplicateOfId = duplicateOf };
    }

    /// <summary>
    /// The earliest complaint in the window from the same phone about the same product line and problem type;
    /// if that one is itself a duplicate, its original (so a chain of repeats points at one complaint).
    /// </summary>
    public static int? DuplicateOf(BatchFacts complaint, IEnumerable<BatchFacts> inWindow)
    {
        var phone = PhoneKey(complaint.Phone);
        if (phone.Length == 0) return null;
        var earlier = inWindow
            .Where(c => c.ComplaintId != complaint.ComplaintId && c.ReceivedAtUtc <= complaint.ReceivedAtUtc
                && c.ProductLine == complaint.ProductLine && c.ProblemType == complaint.ProblemType
                && PhoneKey(c.Phone) == phone)
            .OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.ComplaintId)
            .FirstOrDefault();
        return earlier is null ? null : earlier.DuplicateOfId ?? earlier.ComplaintId;
    }

    /// <summary>Jaccard similarity (|A∩B| / |A∪B|) of the two texts' character bigrams; 0 when either is empty.</summary>
    public static double Similarity(string a, string b) => Jaccard(Bigrams(a), Bigrams(b));

    /// <summary>Adjacent pairs of letters and digits, lower-cased; spaces and punctuation are dropped first.</summary>
    public static HashSet<string> Bigrams(string text)
    {
        var chars = text.Where(char.IsLetterOrDigit).Select(ch => char.ToLower(ch, CultureInfo.InvariantCulture)).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
            set.Add(new string(chars, i, 2));
        return set;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    /// <summary>Digits only, so "139 1234 5678" and "13912345678" are the same complainant.</summary>
    private static string PhoneKey(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());
}
