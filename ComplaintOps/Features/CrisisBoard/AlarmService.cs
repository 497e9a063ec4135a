using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.CrisisBoard;

/// <summary>Someone an acknowledged case can be assigned to.</summary>
public sealed record AssignableUser(string Id, string Name, Tier Tier);

/// <summary>Raising (idempotent by key), acknowledging (once) and escalating alarms.</summary>
public sealed class AlarmService(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time, IOptions<CrisisBoardOptions> options, WriteGate? gate = null)
{
    /// <summary>
    /// Saves in turn with the intake writer (<see cref="WriteGate"/>): the watchdog's minutely alarm writes otherwise met
    /// intake's groups at SQLite's lock, whose busy handler sleeps (a group waited 45 ms at its BEGIN; intake round 6).
    /// </summary>
    private async Task SaveAsync(ComplaintOpsDb db, CancellationToken ct)
    {
        if (gate is null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        using var turn = await gate.EnterAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Inserts the alarms whose key is not yet taken; returns how many were new. One query for the existing keys,
    /// one save; the unique index on the key settles a race with another writer (then one by one, duplicates skipped).
    /// </summary>
    public async Task<int> RaiseAsync(IReadOnlyCollection<AlarmEvent> alarms, CancellationToken ct = default)
    {
        if (alarms.Count == 0) return 0;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var keys = alarms.Where(a => a.Key is not null).Select(a => a.Key!).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
            taken.UnionWith(await db.AlarmEvents.Where(a => a.Key != null && chunk.Contains(a.Key)).Select(a => a.Key!).ToListAsync(ct));
        var fresh = alarms.Where(a => a.Key is null || taken.Add(a.Key)).ToList();
        if (fresh.Count == 0) return 0;
        db.AlarmEvents.AddRange(fresh);
        try
        {
            await SaveAsync(db, ct);
            return fresh.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var added = 0;
            foreach (var alarm in fresh)
            {
                try
                {
                    db.AlarmEvents.Add(alarm);
                    await SaveAsync(db, ct);
                    added++;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                }
            }
            return added;
        }
    }

    /// <summary>R10: an alarm for each complaint that arrived high-risk (or, R19, became high-risk later); once per complaint.</summary>
    public async Task<int> RaiseHighRiskAsync(IReadOnlyCollection<(int ComplaintId, bool New)> complaints, CancellationToken ct = default)
    {
        var ids = complaints.Select(c => c.ComplaintId).Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Complaints.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Severity == ComplaintSeverity.HighRisk && c.Status < ComplaintStatus.Closed) // a finished case needs no alarm
            .Select(c => new { c.Id, c.TrackingNumber, c.ProductLine, c.RiskLevel, c.HighRiskTriggers }).ToListAsync(ct);
        var now = time.UtcNow;
        var isNew = complaints.ToDictionary(c => c.ComplaintId, c => c.New);
        return await RaiseAsync(rows.Select(r => HighRisk(isNew.GetValueOrDefault(r.Id), r.Id, r.TrackingNumber, r.ProductLine, r.RiskLevel, r.HighRiskTriggers, now)).ToList(), ct);
    }

    /// <summary>
    /// The alarm for a complaint that arrived high-risk, for intake to add in the complaint's own transaction (no second
    /// write, no look-up: a new complaint cannot have one yet). Null when it needs none (not high-risk, or already finished).
    /// </summary>
    public static AlarmEvent? ForNewComplaint(Complaint complaint, DateTime nowUtc) =>
        complaint.Severity == ComplaintSeverity.HighRisk && !Lifecycle.IsFinished(complaint.Status)
            ? HighRisk(true, complaint.Id, complaint.TrackingNumber, complaint.ProductLine, complaint.RiskLevel, complaint.HighRiskTriggers, nowUtc)
            : null;

    /// <summary>
    /// The "became high-risk" alarms of saved complaints that just turned high-risk (intake's batch detection, in its own
    /// transaction), skipping any whose alarm key is taken already (one query).
    /// </summary>
    public static async Task<IReadOnlyList<AlarmEvent>> ForComplaintsBecameHighRiskAsync(ComplaintOpsDb db, IReadOnlyCollection<Complaint> complaints, DateTime nowUtc)
    {
        if (complaints.Count == 0) return [];
        var alarms = complaints.Select(c => HighRisk(false, c.Id, c.TrackingNumber, c.ProductLine, c.RiskLevel, c.HighRiskTriggers, nowUtc)).ToList();
        var keys = alarms.Select(a => a.Key!).ToList();
        var taken = (await db.AlarmEvents.Where(a => a.Key != null && EF.Parameter(keys).Contains(a.Key)).Select(a => a.Key!).ToListAsync()).ToHashSet(StringComparer.Ordinal);
        return alarms.Where(a => !taken.Contains(a.Key!)).ToList();
    }

    /// <summary>One alarm per complaint (the key): "arrived high-risk" or "became high-risk later".</summary>
    private static AlarmEvent HighRisk(bool isNew, int id, string trackingNumber, string productLine, RiskLevel level, HighRiskTriggers triggers, DateTime nowUtc) =>
        AlarmEvent.Raise(isNew ? AlarmKind.NewHighRisk : AlarmKind.Reescalation, AlarmSeverity.Critical, nowUtc,
            $"{trackingNumber} · {productLine} · {level} · {triggers}", complaintId: id, key: $"highrisk:{id}");

    /// <summary>
    /// Records the acknowledgement (and, when asked, assigns the case). Recorded once: a second person acknowledging
    /// the same alarm, even at the same moment, gets "AlarmAlreadyAcknowledged" (concurrency token on the alarm).
    /// </summary>
    public async Task<AlarmEvent> AcknowledgeAsync(long alarmId, Actor by, string? note, AssignableUser? assignTo = null, CancellationToken ct = default)
    {
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarm = await db.AlarmEvents.SingleOrDefaultAsync(a => a.Id == alarmId, ct)
            ?? throw new DomainException("AlarmNotFound", "No such alarm.");
        alarm.Acknowledge(by, now, note, assignTo?.Name);
        if (alarm.ComplaintId is { } complaintId)
        {
            var complaint = await db.Complaints.SingleAsync(c => c.Id == complaintId, ct);
            // An archived case is read-only (R27): the acknowledgement stays on the alarm itself.
            if (complaint.Status != ComplaintStatus.Archived)
                complaint.RecordAlarm(TimelineEventKind.AlarmAcknowledged, by, now, alarm.Kind.ToString(), alarm.AcknowledgeNote);
            if (assignTo is not null)
                complaint.AssignHandler(by, now, assignTo.Id, assignTo.Name, assignTo.Tier);
        }
        try
        {
            await SaveAsync(db, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var winner = await fresh.AlarmEvents.AsNoTracking().SingleAsync(a => a.Id == alarmId, ct);
            throw new DomainException("AlarmAlreadyAcknowledged", $"Already acknowledged by {winner.AcknowledgedByName}.");
        }
        return alarm;
    }

    /// <summary>
    /// Escalates unacknowledged critical alarms older than <see cref="CrisisBoardOptions.EscalateAfter"/> from the supervisor
    /// to the manager, once, with an entry on the complaint's timeline. Returns how many escalated.
    /// </summary>
    public async Task<int> EscalateDueAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow;
        var cutoff = now - options.Value.EscalateAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.AlarmEvents
            .Where(a => a.AcknowledgedAtUtc == null && a.Severity == AlarmSeverity.Critical && a.Level == EscalationLevel.Supervisor
                && a.ResolvedAtUtc == null && a.RaisedAtUtc <= cutoff)
            .OrderBy(a => a.RaisedAtUtc).Take(500).ToListAsync(ct);
        var escalated = 0;
        foreach (var alarm in due)
        {
            var complaint = alarm.ComplaintId is { } id ? await db.Complaints.SingleOrDefaultAsync(c => c.Id == id, ct) : null;
            // Finished meanwhile: nothing left to escalate, the alarm leaves the board.
            var finished = complaint is not null && Lifecycle.IsFinished(complaint.Status) && alarm.Kind != AlarmKind.LowSatisfaction;
            if (finished) alarm.Resolve(now);
            else if (!alarm.Escalate(now)) continue;
            else if (complaint is { Status: not ComplaintStatus.Archived }) complaint.RecordAlarm(TimelineEventKind.AlarmEscalated, Actor.System, now, alarm.Kind.ToString(), EscalationLevel.Manager.ToString());
            try
            {
                await SaveAsync(db, ct);
                if (!finished) escalated++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Acknowledged meanwhile: nothing to escalate.
                db.ChangeTracker.Clear();
            }
        }
        return escalated;
    }

    /// <summary>Alarms about complaints that are finished are resolved (they leave the board's feed); returns how many.</summary>
    public async Task<int> ResolveFinishedAsync(CancellationToken ct = default)
    {
        ComplaintStatus[] finished = [ComplaintStatus.Closed, ComplaintStatus.Referred, ComplaintStatus.NotEstablished, ComplaintStatus.OutOfScope, ComplaintStatus.Archived];
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.AlarmEvents
            // A low-satisfaction alarm is about a finished case by nature; it ends with its call-back, not with the case.
            .Where(a => a.ResolvedAtUtc == null && a.ComplaintId != null && a.Kind != AlarmKind.LowSatisfaction
                && db.Complaints.Any(c => c.Id == a.ComplaintId && finished.Contains(c.Status)))
            .Take(500).ToListAsync(ct);
        foreach (var alarm in open) alarm.Resolve(now);
        try
        {
            await SaveAsync(db, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return 0; // Acknowledged or escalated meanwhile: the next run resolves it.
        }
        return open.Count;
    }

    /// <summary>People a case can be assigned to from the board: the handling roles, with their tier.</summary>
    public async Task<IReadOnlyList<AssignableUser>> AssignableUsersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        string[] roles = [Roles.Agent, Roles.Expert, Roles.Coach];
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where roles.Contains(r.Name!)
                          select new { u.Id, u.UserName, u.DisplayName, Role = r.Name! }).ToListAsync(ct);
        return rows.Select(r => new AssignableUser(r.Id, string.IsNullOrWhiteSpace(r.DisplayName) ? r.UserName ?? r.Id : r.DisplayName,
                r.Role == Roles.Coach ? Tier.Coach : r.Role == Roles.Expert ? Tier.Expert : Tier.Agent))
            .DistinctBy(u => u.Id).OrderBy(u => u.Tier).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
    }
}
