using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Triage.BatchDetection;

/// <summary>
/// Runs batch and repeat detection for a group of new complaints inside intake's write transaction, before they are
/// inserted: they are numbered already (<see cref="Complaint.AssignId"/>), so they are linked in memory and inserted in
/// their final state — no second pass of updates. The window's candidates come from
/// <see cref="BatchWindow"/> (memory, caught up once per group), the decision is the domain's
/// (<see cref="Domain.Triage.BatchDetection"/>), and applying it changes entities on the context: members become
/// high-risk and linked, a newly formed incident (numbered here too) raises one alarm, a repeat is linked to the earlier
/// complaint. Complaints saved before this group that join are read and updated through EF.
/// One caller at a time: the intake writer (a second concurrent caller is refused, not silently raced).
/// </summary>
public sealed class BatchDetector(IOptions<BatchDetectionOptions> options, BusinessTime time)
{
    /// <summary>Longest text compared, so a pasted essay cannot make detection expensive.</summary>
    private const int MaxTextLength = 2000;

    // Compiled once: on intake's serial path EF's per-call query preparation (expression funcletizing, cache lookup — FindAsync
    // builds a new lambda each call) cost more than the lookups themselves in a batch storm (docs/benchmarks.md, round 6).
    private static readonly Func<ComplaintOpsDb, int, CancellationToken, Task<BatchIncident?>> IncidentById =
        EF.CompileAsyncQuery((ComplaintOpsDb db, int id, CancellationToken ct) => db.BatchIncidents.FirstOrDefault(i => i.Id == id));
    private static readonly Func<ComplaintOpsDb, int, CancellationToken, Task<Complaint?>> ComplaintById =
        EF.CompileAsyncQuery((ComplaintOpsDb db, int id, CancellationToken ct) => db.Complaints.FirstOrDefault(c => c.Id == id));

    private static readonly Func<ComplaintOpsDb, int[], IAsyncEnumerable<int>> OpenAmong =
        EF.CompileAsyncQuery((ComplaintOpsDb db, int[] ids) => db.BatchIncidents.Where(i => ids.Contains(i.Id) && i.ClosedAtUtc == null).Select(i => i.Id));

    private BatchWindow? _window;
    private int _busy;

    /// <summary>Complaints in the in-memory window (benchmark and tests).</summary>
    public int WindowCount => _window?.Count ?? 0;

    /// <summary>
    /// Detects for <paramref name="complaints"/> (numbered, not saved yet, tracked by <paramref name="db"/> or not; in arrival order),
    /// each seeing the ones before it. Call inside the write transaction that will insert them, before they are inserted.
    /// On failure call <see cref="Forget"/>: the window may hold what was rolled back.
    /// Returns the complaints saved before this group that became high-risk by joining an incident (R10: each raises its
    /// alarm; the caller raises them in the same transaction).
    /// </summary>
    public Task<IReadOnlyList<Complaint>> DetectAsync(ComplaintOpsDb db, IReadOnlyList<Complaint> complaints, CancellationToken ct = default) =>
        WithWindowAsync<IReadOnlyList<Complaint>>(db, async window =>
        {
            foreach (var complaint in complaints) window.Include(Facts(complaint));
            var group = new GroupState(complaints.ToDictionary(c => c.Id));
            foreach (var complaint in complaints)
            {
                var decision = await DecideAsync(db, window, complaint, group.Open, ct);
                await ApplyAsync(db, window, complaint, decision, group, ct);
            }
            return group.BecameHighRisk;
        }, ct);

    /// <summary>What one group's detection keeps: its new complaints by id, which incidents take members, the next incident id.</summary>
    private sealed class GroupState(Dictionary<int, Complaint> members)
    {
        public Dictionary<int, Complaint> Members { get; } = members;
        /// <summary>Incidents and earlier complaints this group has read (tracked by its context): read once each.</summary>
        public Dictionary<int, BatchIncident> Incidents { get; } = [];
        public Dictionary<int, Complaint> Earlier { get; } = [];
        public Dictionary<int, bool> Open { get; } = [];
        public int? HighestIncidentId { get; set; }
        public List<Complaint> BecameHighRisk { get; } = [];
    }

    /// <summary>Drops the in-memory window (after a rolled-back group); the next call reads it again.</summary>
    public void Forget() => _window = null;

    /// <summary>Decides for one saved complaint, writing nothing (what the benchmark times).</summary>
    public Task<BatchDecision> DecideAsync(ComplaintOpsDb db, Complaint complaint, CancellationToken ct = default) =>
        WithWindowAsync(db, window => DecideAsync(db, window, complaint, [], ct), ct);

    /// <summary>Runs <paramref name="work"/> on the window, caught up first; refuses a second concurrent caller.</summary>
    private async Task<T> WithWindowAsync<T>(ComplaintOpsDb db, Func<BatchWindow, Task<T>> work, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1) throw new InvalidOperationException("Batch detection has one caller at a time: the intake writer.");
        try
        {
            var window = _window ??= new BatchWindow(options.Value.Rules.Window);
            await window.CatchUpAsync(db, time.UtcNow, ct);
            return await work(window);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private async Task<BatchDecision> DecideAsync(ComplaintOpsDb db, BatchWindow window, Complaint complaint, Dictionary<int, bool> open, CancellationToken ct)
    {
        var rules = options.Value.Rules;
        var facts = window.Find(complaint.Id) ?? Facts(complaint);
        var candidates = window.Candidates(facts);
        // Whether an incident still takes members is the one fact that changes elsewhere (closing): read, once per group.
        var unknown = candidates.IncidentIds.Where(id => !open.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
        {
            var stillOpen = await OpenAmong(db, [.. unknown]).ToListAsync(ct);
            foreach (var id in unknown) open[id] = stillOpen.Contains(id);
        }
        return Domain.Triage.BatchDetection.Decide(facts, candidates, rules, id => open.GetValueOrDefault(id));
    }

    private async Task ApplyAsync(ComplaintOpsDb db, BatchWindow window, Complaint complaint, BatchDecision decision, GroupState group, CancellationToken ct)
    {
        if (decision.DuplicateOfId is null && decision.Outcome == BatchOutcome.None) return;
        var now = time.UtcNow;
        if (decision.DuplicateOfId is { } originalId)
        {
            // In this group (at hand, not inserted yet) or saved earlier (read and tracked).
            var original = group.Members.GetValueOrDefault(originalId) ?? await EarlierAsync(db, group, originalId, ct)
                ?? throw new InvalidOperationException($"Complaint {originalId} vanished.");
            complaint.MarkDuplicateOf(original, Actor.System, now);
            window.Linked(complaint.Id, duplicateOfId: originalId);
        }

        if (decision.Outcome != BatchOutcome.None)
        {
            BatchIncident incident;
            if (decision.Outcome == BatchOutcome.FormIncident)
            {
                // Numbered here (inside the write transaction), so members are linked without saving the group halfway.
                var id = (group.HighestIncidentId ?? await TableIds.HighestAsync<BatchIncident>(db, ct)) + 1;
                group.HighestIncidentId = id;
                incident = BatchIncident.Form(complaint.ProductLine, complaint.ProblemType, complaint.Title, now);
                incident.AssignId(id);
                db.BatchIncidents.Add(incident);
                group.Open[incident.Id] = true;
                group.Incidents[incident.Id] = incident;
            }
            else
            {
                var incidentId = decision.IncidentId!.Value;
                if (!group.Incidents.TryGetValue(incidentId, out incident!))
                    group.Incidents[incidentId] = incident = await IncidentById(db, incidentId, ct)
                        ?? throw new InvalidOperationException($"Batch incident {decision.IncidentId} vanished.");
            }

            // Archived members are read-only (R27): they stay as they were archived. Members of this group are at hand
            // (not looked up through DbSet.Local, whose change detection over the whole group would run once per member).
            var joining = new List<Complaint>();
            var toRead = new List<int>();
            foreach (var id in decision.Members)
            {
                if (group.Members.TryGetValue(id, out var member) || group.Earlier.TryGetValue(id, out member)) joining.Add(member);
                else toRead.Add(id);
            }
            // EF.Parameter: one SQL text whatever the count (see TriageService.EarlierComplaintsByPhoneAsync).
            if (toRead.Count > 0)
                foreach (var read in await db.Complaints.Where(c => EF.Parameter(toRead).Contains(c.Id)).ToListAsync(ct))
                    joining.Add(group.Earlier[read.Id] = read);
            var joined = new List<(string Province, DateTime ReceivedAtUtc)>();
            foreach (var member in joining.Where(m => m.Status != ComplaintStatus.Archived && m.BatchIncidentId != incident.Id))
            {
                var wasHighRisk = member.Severity == ComplaintSeverity.HighRisk;
                member.JoinBatchIncident(incident.Id, Actor.System, now);
                if (!wasHighRisk && member.Severity == ComplaintSeverity.HighRisk && !group.Members.ContainsKey(member.Id)) group.BecameHighRisk.Add(member);
                window.Linked(member.Id, incidentId: incident.Id);
                joined.Add((member.Complainant.Province, member.ReceivedAtUtc));
            }
            incident.Add(joined);

            // One alarm per incident formed; later members update the incident, the board reads its counts.
            if (decision.Outcome == BatchOutcome.FormIncident)
                db.AlarmEvents.Add(AlarmEvent.Raise(AlarmKind.BatchIncident, AlarmSeverity.Critical, now,
                    $"{incident.ProductLine} · {incident.ProblemType} · {incident.ComplaintCount} · {incident.Provinces}", incident.Id, complaint.Id));
        }
    }

    private static async Task<Complaint?> EarlierAsync(ComplaintOpsDb db, GroupState group, int id, CancellationToken ct)
    {
        if (group.Earlier.TryGetValue(id, out var known)) return known;
        var read = await ComplaintById(db, id, ct);
        if (read is not null) group.Earlier[id] = read;
        return read;
    }

    private static BatchFacts Facts(Complaint c) =>
        new(c.Id, c.ProductLine, c.ProblemType, c.Complainant.Province, c.Complainant.Phone, Text(c.Title, c.Description), c.ReceivedAtUtc,
            c.BatchIncidentId, false, c.DuplicateOfId);

    internal static string Text(string title, string description)
    {
        var text = title + " " + description;
        return text.Length > MaxTextLength ? text[..MaxTextLength] : text;
    }
}
