using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Triage.BatchDetection;

/// <summary>
/// The complaints of the last detection window, in memory, by product line and problem type, with their text
/// signatures computed once — so detecting a batch costs no query per complaint (intake's serial writer calls it
/// for every complaint). It stays exact because everything detection reads is fixed at receipt (product line,
/// problem type, province, phone, text, received-at) except the incident and duplicate links, which only the
/// detector writes — through <see cref="Linked"/>. New rows, whoever inserted them, are read by
/// <see cref="CatchUpAsync"/>: one primary-key range read (Id above the highest already held).
/// <para>Not thread-safe: it belongs to the single intake writer (<see cref="BatchDetector"/> enforces one caller at a time).</para>
/// </summary>
public sealed class BatchWindow(TimeSpan window)
{
    private readonly Dictionary<(string ProductLine, ProblemType Type), BatchCandidates> _byKey = [];
    private readonly Dictionary<int, BatchFacts> _byId = [];
    private int _highestId = -1;
    private DateTime _prunedBeforeUtc = DateTime.MinValue;

    /// <summary>Complaints held (for tests and the benchmark).</summary>
    public int Count => _byId.Count;

    /// <summary>
    /// Reads the complaints inserted since the last call that fall in the window before <paramref name="nowUtc"/>
    /// (on the first call: the whole window, through the ReceivedAtUtc index) and drops those that left the window.
    /// </summary>
    public async Task CatchUpAsync(ComplaintOpsDb db, DateTime nowUtc, CancellationToken ct = default)
    {
        var from = nowUtc - window;
        var first = _highestId < 0;
        // First: the window through the ReceivedAtUtc index. Then: every row inserted since, by primary key (few: the
        // writer's own group and whatever else was inserted meanwhile); those outside the window are skipped in memory.
        var rows = first
            ? await WindowQuery(db, from).Select(ToRow).ToListAsync(ct)
            : await InsertedSince(db, _highestId).ToListAsync(ct);
        if (first) _highestId = await db.Complaints.MaxAsync(c => (int?)c.Id, ct) ?? 0;
        foreach (var r in rows.OrderBy(r => r.Id))
        {
            _highestId = Math.Max(_highestId, r.Id);
            if (r.ReceivedAtUtc < from) continue;
            Add(new BatchFacts(r.Id, r.ProductLine, r.ProblemType, r.Province, r.Phone, BatchDetector.Text(r.Title, r.Description),
                r.ReceivedAtUtc, r.BatchIncidentId, false, r.DuplicateOfId));
        }
        Prune(from);
    }

    /// <summary>The first read: every complaint received since <paramref name="fromUtc"/> (index on ReceivedAtUtc).</summary>
    public static IQueryable<Complaint> WindowQuery(ComplaintOpsDb db, DateTime fromUtc) =>
        db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= fromUtc);

    /// <summary>What detection reads of a complaint.</summary>
    private sealed record Row(int Id, string ProductLine, ProblemType ProblemType, string Province, string Phone, string Title, string Description,
        DateTime ReceivedAtUtc, int? BatchIncidentId, int? DuplicateOfId);

    private static readonly System.Linq.Expressions.Expression<Func<Complaint, Row>> ToRow = c =>
        new Row(c.Id, c.ProductLine, c.ProblemType, c.Complainant.Province, c.Complainant.Phone, c.Title, c.Description, c.ReceivedAtUtc, c.BatchIncidentId, c.DuplicateOfId);

    // Compiled once: it runs for every write of intake's single writer (see IntakeWriter's compiled reads). Its filter is
    // InsertedSinceQuery's, written out (a compiled query cannot call a method on its parameters), whose plan is tested.
    private static readonly Func<ComplaintOpsDb, int, IAsyncEnumerable<Row>> InsertedSince =
        EF.CompileAsyncQuery((ComplaintOpsDb db, int highestId) => db.Complaints.AsNoTracking().Where(c => c.Id > highestId).Select(ToRow));

    /// <summary>Every later read: the complaints inserted since the highest id held (a primary-key range; <see cref="InsertedSince"/> runs it).</summary>
    public static IQueryable<Complaint> InsertedSinceQuery(ComplaintOpsDb db, int highestId) =>
        db.Complaints.AsNoTracking().Where(c => c.Id > highestId);

    /// <summary>
    /// The window's complaints on <paramref name="complaint"/>'s product line and problem type, arranged for the decision
    /// (which looks only at those numbered before it and received within the window before it).
    /// </summary>
    public BatchCandidates Candidates(BatchFacts complaint) =>
        _byKey.TryGetValue((complaint.ProductLine, complaint.ProblemType), out var candidates)
            ? candidates
            : new BatchCandidates(complaint.ProductLine, complaint.ProblemType);

    /// <summary>
    /// Holds a complaint the writer is about to insert (numbered above every saved one), so later members of its group see
    /// it; the next catch-up reads only rows above it.
    /// </summary>
    public void Include(BatchFacts facts)
    {
        _highestId = Math.Max(_highestId, facts.ComplaintId);
        Add(facts);
    }

    public BatchFacts? Find(int complaintId) => _byId.GetValueOrDefault(complaintId);

    /// <summary>The detector linked <paramref name="complaintId"/> to an incident or an original: keep the copy in step.</summary>
    public void Linked(int complaintId, int? incidentId = null, int? duplicateOfId = null)
    {
        if (!_byId.TryGetValue(complaintId, out var facts)) return;
        Replace(facts, facts with
        {
            BatchIncidentId = incidentId ?? facts.BatchIncidentId,
            DuplicateOfId = duplicateOfId ?? facts.DuplicateOfId,
        });
    }

    private void Add(BatchFacts facts)
    {
        if (_byId.TryGetValue(facts.ComplaintId, out var existing))
        {
            Replace(existing, facts);
            return;
        }
        _byId[facts.ComplaintId] = facts;
        var key = (facts.ProductLine, facts.ProblemType);
        if (!_byKey.TryGetValue(key, out var candidates)) _byKey[key] = candidates = new BatchCandidates(facts.ProductLine, facts.ProblemType);
        candidates.Add(facts);
    }

    private void Replace(BatchFacts old, BatchFacts updated)
    {
        _byId[old.ComplaintId] = updated;
        var candidates = _byKey[(old.ProductLine, old.ProblemType)];
        candidates.Remove(old);
        candidates.Add(updated);
    }

    private void Prune(DateTime from)
    {
        // Cheap enough to do at most once a minute of business time.
        if (from - _prunedBeforeUtc < TimeSpan.FromMinutes(1)) return;
        _prunedBeforeUtc = from;
        foreach (var candidates in _byKey.Values) candidates.Prune(from, f => _byId.Remove(f.ComplaintId));
    }
}
