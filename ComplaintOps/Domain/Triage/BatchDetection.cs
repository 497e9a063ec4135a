using System.Globalization;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Triage;

/// <summary>The settings of multi-province batch detection (R10, B2).</summary>
/// <param name="IncidentMembersCompared">
/// With how many of the latest complaints already in open incidents (on the product line and problem type, in the window,
/// before it) a new complaint is compared: incidents are judged by what they are about now, and a storm of thousands of
/// complaints in hundreds of incidents costs a bounded number of comparisons. Complaints in no incident are all compared.
/// </param>
public sealed record BatchRules(TimeSpan Window, int MinComplaints, int MinProvinces, double SimilarityThreshold, int IncidentMembersCompared = 200);

/// <summary>
/// What detection needs to know about one complaint: the new one, or a candidate from the window.
/// <paramref name="IncidentIsOpen"/> says whether <paramref name="BatchIncidentId"/> (if any) can still take members.
/// The text's bigram signature is computed once, when the facts are made; <c>with</c> copies keep it.
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
    int? DuplicateOfId = null)
{
    /// <summary>The text's distinct character bigrams, sorted (see <see cref="BatchDetection.Signature"/>).</summary>
    public int[] TextSignature { get; } = BatchDetection.Signature(Text);

    /// <summary>The signature's bucket counts (see <see cref="BigramSketch"/>): rules out most unlike pairs before a merge.</summary>
    internal byte[]? TextSketch => _sketch ??= BigramSketch.Of(TextSignature);

    private byte[]? _sketch;

    /// <summary>The phone's digits: "139 1234 5678" and "13912345678" are the same complainant.</summary>
    public string PhoneKey { get; } = BatchDetection.PhoneKey(Phone);
}

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
    /// <summary>The decision over a plain list of candidates (arranged first; those on another product line or type are ignored).</summary>
    public static BatchDecision Decide(BatchFacts complaint, IEnumerable<BatchFacts> candidates, BatchRules rules, Func<int, bool>? incidentIsOpen = null) =>
        Decide(complaint, BatchCandidates.Of(complaint.ProductLine, complaint.ProblemType, candidates), rules, incidentIsOpen);

    /// <summary>
    /// The decision for <paramref name="complaint"/> against the complaints numbered before it and received within the window
    /// before it, on its product line and problem type (<paramref name="candidates"/>):
    /// <list type="bullet">
    /// <item>a repeat: the earliest complaint from the same phone (or the original that one points at);</item>
    /// <item>of the latest <see cref="BatchRules.IncidentMembersCompared"/> complaints in open incidents, the open incident with
    /// the most similar members takes it (ties: the older incident), with the similar complaints in no incident;</item>
    /// <item>otherwise it and the similar free complaints form an incident when they reach N complainants and the provinces.</item>
    /// </list>
    /// Members of a closed incident neither count nor move.
    /// </summary>
    /// <param name="incidentIsOpen">
    /// Whether an incident still takes members, when the caller knows it apart from the facts (the writer reads it once per
    /// group); without it, the newest member's own <see cref="BatchFacts.IncidentIsOpen"/> says.
    /// </param>
    public static BatchDecision Decide(BatchFacts complaint, BatchCandidates candidates, BatchRules rules, Func<int, bool>? incidentIsOpen = null)
    {
        if (candidates.ProductLine != complaint.ProductLine || candidates.ProblemType != complaint.ProblemType)
            throw new ArgumentException("The candidates are on another product line or problem type.", nameof(candidates));
        var from = complaint.ReceivedAtUtc - rules.Window;
        bool Before(BatchFacts c) => c.ComplaintId < complaint.ComplaintId && c.ReceivedAtUtc >= from && c.ReceivedAtUtc <= complaint.ReceivedAtUtc;

        BatchFacts? earliestSamePhone = null;
        foreach (var c in candidates.SamePhone(complaint.PhoneKey))
            if (Before(c) && (earliestSamePhone is null || Earlier(c, earliestSamePhone))) earliestSamePhone = c;
        int? duplicateOf = earliestSamePhone is null ? null : earliestSamePhone.DuplicateOfId ?? earliestSamePhone.ComplaintId;

        // The free similar ones (kept in arrival order: the lists are by id, and received-at breaks the tie below).
        var free = new List<BatchFacts>();
        candidates.FreeMaybeSimilar(complaint, rules.SimilarityThreshold, free);
        free.RemoveAll(c => !Before(c) || !IsSimilar(complaint, c, rules));
        free.Sort((x, y) => Earlier(x, y) ? -1 : Earlier(y, x) ? 1 : 0);

        // The latest members of open incidents, newest first, counted per incident. The count stops early once the leading
        // incident is ahead of every other by more than the comparisons left (in a storm most of the 200 latest members are
        // one incident's): no other incident, seen or not, could still reach it, so the decision is the one a full count makes.
        Dictionary<int, int>? similarPerIncident = null;
        Dictionary<int, bool>? open = null;
        var (leader, leaderCount, runnerUpCount) = (0, 0, 0);
        var inIncidents = candidates.InIncidents;
        for (var (i, compared) = (inIncidents.Count - 1, 0); i >= 0 && compared < rules.IncidentMembersCompared; i--)
        {
            if (leaderCount - runnerUpCount > rules.IncidentMembersCompared - compared) break;
            var c = inIncidents[i];
            if (!Before(c)) continue;
            var incident = c.BatchIncidentId!.Value;
            open ??= [];
            if (!open.TryGetValue(incident, out var isOpen))
                open[incident] = isOpen = incidentIsOpen?.Invoke(incident) ?? c.IncidentIsOpen;
            if (!isOpen) continue;
            compared++;
            if (!IsSimilar(complaint, c, rules)) continue;
            similarPerIncident ??= [];
            var count = similarPerIncident[incident] = similarPerIncident.GetValueOrDefault(incident) + 1;
            if (incident == leader) leaderCount = count;
            else if (count > leaderCount) (leader, runnerUpCount, leaderCount) = (incident, leaderCount, count);
            else runnerUpCount = Math.Max(runnerUpCount, count);
        }
        var (joinId, most) = (0, 0);
        foreach (var (incident, count) in similarPerIncident ?? [])
            if (count > most || (count == most && incident < joinId)) (joinId, most) = (incident, count);
        if (most > 0)
            return new BatchDecision(BatchOutcome.JoinIncident, joinId, [complaint.ComplaintId, .. free.Select(c => c.ComplaintId)], duplicateOf);

        var group = free.Prepend(complaint).ToList();
        var complainants = group.Select(c => c.PhoneKey).Distinct(StringComparer.Ordinal).Count();
        var provinces = group.Select(c => c.Province).Distinct(StringComparer.Ordinal).Count();
        if (complainants >= rules.MinComplaints && provinces >= rules.MinProvinces)
            return new BatchDecision(BatchOutcome.FormIncident, null, group.Select(c => c.ComplaintId).ToList(), duplicateOf);

        return BatchDecision.Nothing with { DuplicateOfId = duplicateOf };
    }

    /// <summary>Arrival order: received first, then the lower id.</summary>
    private static bool Earlier(BatchFacts a, BatchFacts b) =>
        a.ReceivedAtUtc < b.ReceivedAtUtc || (a.ReceivedAtUtc == b.ReceivedAtUtc && a.ComplaintId < b.ComplaintId);

    /// <summary>Whether two complaints' texts reach the similarity threshold.</summary>
    public static bool IsSimilar(BatchFacts a, BatchFacts b, BatchRules rules) =>
        Reaches(a.TextSignature, b.TextSignature, rules.SimilarityThreshold, a.TextSketch, b.TextSketch);

    /// <summary>
    /// <c>Jaccard(a, b) ≥ t</c>, without finishing the merge when it cannot get there: J = c / (|A| + |B| − c) ≥ t needs
    /// c ≥ t·(|A| + |B|) / (1 + t) common bigrams, so a pair whose smaller set is too small is not merged at all and a merge
    /// stops once the rest cannot supply the missing ones (most of a window is unlike the new complaint). The verdict
    /// itself is the same division as <see cref="Similarity"/>; the bounds only skip work, with a margin for rounding.
    /// </summary>
    private static bool Reaches(int[] a, int[] b, double t, byte[]? sketchA, byte[]? sketchB)
    {
        if (a.Length == 0 || b.Length == 0) return 0 >= t;
        var needed = t * (a.Length + b.Length) / (1 + t) - 1e-9;
        if (Math.Min(a.Length, b.Length) < needed) return false;
        // An upper bound on the common bigrams from the bucket counts: most of a window is ruled out here, without a merge.
        if (sketchA is not null && sketchB is not null && BigramSketch.CommonAtMost(sketchA, sketchB) < needed) return false;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (common + Math.Min(a.Length - i, b.Length - j) < needed) return false;
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)common / (a.Length + b.Length - common) >= t;
    }

    /// <summary>Jaccard similarity (|A∩B| / |A∪B|) of the two texts' character bigrams; 0 when either is empty.</summary>
    public static double Similarity(string a, string b) => Jaccard(Signature(a), Signature(b));

    /// <summary>
    /// The text's distinct bigrams — adjacent pairs of letters and digits, lower-cased, spaces and punctuation dropped
    /// first — each packed into one int (two UTF-16 units) and sorted, so two signatures are compared by one merge
    /// without allocating (detection compares a new complaint with every candidate in its window).
    /// </summary>
    public static int[] Signature(string text)
    {
        var codes = new List<int>(text.Length);
        var previous = '\0';
        foreach (var raw in text)
        {
            if (!char.IsLetterOrDigit(raw)) continue;
            var ch = char.ToLower(raw, CultureInfo.InvariantCulture);
            if (previous != '\0') codes.Add(unchecked((int)(((uint)previous << 16) | ch)));
            previous = ch;
        }
        codes.Sort();
        var distinct = 0;
        for (var i = 0; i < codes.Count; i++)
            if (i == 0 || codes[i] != codes[i - 1]) codes[distinct++] = codes[i];
        return codes.GetRange(0, distinct).ToArray();
    }

    private static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)common / (a.Length + b.Length - common);
    }

    /// <summary>Digits only, so "139 1234 5678" and "13912345678" are the same complainant.</summary>
    public static string PhoneKey(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());
}
