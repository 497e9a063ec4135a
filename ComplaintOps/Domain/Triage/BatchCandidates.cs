using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Triage;

/// <summary>
/// The window's complaints on one product line and problem type, arranged the way detection reads them: the free ones (in no
/// incident), the members of each incident, and every complaint by complainant's phone — each list in arrival order (by id).
/// Arranged so a decision costs what it has to compare, not what the window holds: in a batch storm thousands of complaints
/// sit in incidents, and a new one is compared with the latest of them (<see cref="BatchRules.IncidentMembersCompared"/>),
/// not all of them.
/// </summary>
public sealed class BatchCandidates(string productLine, ProblemType problemType)
{
    private static readonly Comparer<BatchFacts> ById = Comparer<BatchFacts>.Create((a, b) => a.ComplaintId.CompareTo(b.ComplaintId));

    private readonly SketchedList _free = new();
    private readonly List<BatchFacts> _inIncidents = [];
    private readonly Dictionary<int, int> _membersPerIncident = [];
    private readonly Dictionary<string, List<BatchFacts>> _byPhone = new(StringComparer.Ordinal);

    public string ProductLine { get; } = productLine;
    public ProblemType ProblemType { get; } = problemType;

    /// <summary>Complaints held.</summary>
    public int Count { get; private set; }

    /// <summary>The complaints in no incident, in arrival order.</summary>
    public IReadOnlyList<BatchFacts> Free => _free;

    /// <summary>
    /// Adds to <paramref name="into"/> the free complaints numbered before <paramref name="complaint"/> whose size and bigram
    /// counts do not rule out similarity at <paramref name="threshold"/> (most of a normal day's window is ruled out here).
    /// </summary>
    public void FreeMaybeSimilar(BatchFacts complaint, double threshold, List<BatchFacts> into) => _free.MaybeSimilar(complaint, threshold, into);

    /// <summary>The complaints in an incident (whichever), in arrival order.</summary>
    public IReadOnlyList<BatchFacts> InIncidents => _inIncidents;

    /// <summary>The incidents that have members here.</summary>
    public IEnumerable<int> IncidentIds => _membersPerIncident.Keys;

    /// <summary>The complaints from one complainant (by <see cref="BatchFacts.PhoneKey"/>), in arrival order.</summary>
    public IReadOnlyList<BatchFacts> SamePhone(string phoneKey) =>
        phoneKey.Length > 0 && _byPhone.TryGetValue(phoneKey, out var list) ? list : [];

    /// <summary>The candidates among <paramref name="facts"/> on this product line and problem type.</summary>
    public static BatchCandidates Of(string productLine, ProblemType problemType, IEnumerable<BatchFacts> facts)
    {
        var candidates = new BatchCandidates(productLine, problemType);
        foreach (var f in facts)
            if (f.ProductLine == productLine && f.ProblemType == problemType) candidates.Add(f);
        return candidates;
    }

    /// <summary>Holds <paramref name="facts"/>; a complaint already held (same id) is not held twice — call <see cref="Remove"/> first.</summary>
    public void Add(BatchFacts facts)
    {
        if (facts.ProductLine != ProductLine || facts.ProblemType != ProblemType)
            throw new ArgumentException($"Complaint {facts.ComplaintId} is not on {ProductLine} · {ProblemType}.", nameof(facts));
        if (!(facts.BatchIncidentId is null ? _free.Insert(facts) : InsertInOrder(_inIncidents, facts))) return;
        if (facts.BatchIncidentId is { } incident) _membersPerIncident[incident] = _membersPerIncident.GetValueOrDefault(incident) + 1;
        if (facts.PhoneKey.Length > 0)
        {
            if (!_byPhone.TryGetValue(facts.PhoneKey, out var phone)) _byPhone[facts.PhoneKey] = phone = [];
            InsertInOrder(phone, facts);
        }
        Count++;
    }

    /// <summary>Lets go of <paramref name="facts"/> (as held: the same incident and phone).</summary>
    public bool Remove(BatchFacts facts)
    {
        if (!(facts.BatchIncidentId is null ? _free.RemoveById(facts.ComplaintId) : RemoveById(_inIncidents, facts.ComplaintId))) return false;
        if (facts.BatchIncidentId is { } incident) LeaveIncident(incident);
        if (facts.PhoneKey.Length > 0 && _byPhone.TryGetValue(facts.PhoneKey, out var phone))
        {
            RemoveById(phone, facts.ComplaintId);
            if (phone.Count == 0) _byPhone.Remove(facts.PhoneKey);
        }
        Count--;
        return true;
    }

    /// <summary>Lets go of every complaint received before <paramref name="fromUtc"/>; <paramref name="removed"/> hears of each.</summary>
    public void Prune(DateTime fromUtc, Action<BatchFacts> removed)
    {
        var old = new List<BatchFacts>();
        bool Leaves(BatchFacts f)
        {
            if (f.ReceivedAtUtc >= fromUtc) return false;
            old.Add(f);
            return true;
        }
        _free.RemoveAll(Leaves);
        _inIncidents.RemoveAll(f => Leaves(f));
        foreach (var f in old)
        {
            if (f.BatchIncidentId is { } incident) LeaveIncident(incident);
            if (f.PhoneKey.Length > 0 && _byPhone.TryGetValue(f.PhoneKey, out var phone))
            {
                RemoveById(phone, f.ComplaintId);
                if (phone.Count == 0) _byPhone.Remove(f.PhoneKey);
            }
            Count--;
            removed(f);
        }
    }

    private void LeaveIncident(int incident)
    {
        var left = _membersPerIncident[incident] - 1;
        if (left == 0) _membersPerIncident.Remove(incident);
        else _membersPerIncident[incident] = left;
    }

    /// <summary>Appends (the usual case: ids grow) or inserts at its place; false when the id is there already.</summary>
    private static bool InsertInOrder(List<BatchFacts> list, BatchFacts facts)
    {
        if (list.Count == 0 || list[^1].ComplaintId < facts.ComplaintId)
        {
            list.Add(facts);
            return true;
        }
        var at = list.BinarySearch(facts, ById);
        if (at >= 0) return false;
        list.Insert(~at, facts);
        return true;
    }

    private static bool RemoveById(List<BatchFacts> list, int complaintId)
    {
        var lo = 0;
        var hi = list.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var id = list[mid].ComplaintId;
            if (id == complaintId)
            {
                list.RemoveAt(mid);
                return true;
            }
            if (id < complaintId) lo = mid + 1;
            else hi = mid - 1;
        }
        return false;
    }
}
