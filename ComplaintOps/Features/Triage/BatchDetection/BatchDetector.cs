using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Triage.BatchDetection;

/// <summary>
/// Runs batch and repeat detection for a complaint intake has just saved, inside intake's transaction.
/// Reads only the window (index ProductLine, ProblemType, ReceivedAtUtc), decides in memory
/// (<see cref="Domain.Triage.BatchDetection"/>) and applies the decision: members become high-risk and linked,
/// a newly formed incident raises one alarm, a repeat is linked to the earlier complaint.
/// </summary>
public sealed class BatchDetector(IOptions<BatchDetectionOptions> options, BusinessTime time)
{
    /// <summary>Longest text compared, so a pasted essay cannot make detection expensive.</summary>
    private const int MaxTextLength = 2000;

    public async Task<BatchDecision> DetectAsync(ComplaintOpsDb db, Complaint complaint, CancellationToken ct = default)
    {
        var decision = await DecideAsync(db, complaint, ct);
        await ApplyAsync(db, complaint, decision, ct);
        return decision;
    }

    /// <summary>Reads the window and decides, writing nothing (also what the benchmark times).</summary>
    public async Task<BatchDecision> DecideAsync(ComplaintOpsDb db, Complaint complaint, CancellationToken ct = default)
    {
        var rules = options.Value.Rules;
        var from = complaint.ReceivedAtUtc - rules.Window;
        var to = complaint.ReceivedAtUtc;
        var rows = await db.Complaints.AsNoTracking()
            .Where(c => c.ProductLine == complaint.ProductLine && c.ProblemType == complaint.ProblemType
                && c.ReceivedAtUtc >= from && c.ReceivedAtUtc <= to && c.Id != complaint.Id)
            .Select(c => new { c.Id, c.Complainant.Province, c.Complainant.Phone, c.Title, c.Description, c.ReceivedAtUtc, c.BatchIncidentId, c.DuplicateOfId })
            .ToListAsync(ct);
        var incidentIds = rows.Where(r => r.BatchIncidentId is not null).Select(r => r.BatchIncidentId!.Value).Distinct().ToList();
        var open = incidentIds.Count == 0
            ? []
            : (await db.BatchIncidents.Where(i => incidentIds.Contains(i.Id) && i.ClosedAtUtc == null).Select(i => i.Id).ToListAsync(ct)).ToHashSet();

        var candidates = rows.Select(r => new BatchFacts(
            r.Id, complaint.ProductLine, complaint.ProblemType, r.Province, r.Phone, Text(r.Title, r.Description), r.ReceivedAtUtc,
            r.BatchIncidentId, r.BatchIncidentId is { } id && open.Contains(id), r.DuplicateOfId));
        var facts = new BatchFacts(complaint.Id, complaint.ProductLine, complaint.ProblemType, complaint.Complainant.Province,
            complaint.Complainant.Phone, Text(complaint.Title, complaint.Description), complaint.ReceivedAtUtc);
        return Domain.Triage.BatchDetection.Decide(facts, candidates, rules);
    }

    private async Task ApplyAsync(ComplaintOpsDb db, Complaint complaint, BatchDecision decision, CancellationToken ct)
    {
        // Nothing to write (most complaints): no SaveChanges, whose change detection grows with a group-commit's context.
        if (decision.DuplicateOfId is null && decision.Outcome == BatchOutcome.None) return;
        var now = time.UtcNow;
        if (decision.DuplicateOfId is { } originalId)
        {
            var original = await db.Complaints.SingleAsync(c => c.Id == originalId, ct);
            complaint.MarkDuplicateOf(original, Actor.System, now);
        }

        if (decision.Outcome != BatchOutcome.None)
        {
            BatchIncident incident;
            if (decision.Outcome == BatchOutcome.FormIncident)
            {
                incident = BatchIncident.Form(complaint.ProductLine, complaint.ProblemType, complaint.Title, now);
                db.BatchIncidents.Add(incident);
                await db.SaveChangesAsync(ct);
            }
            else
            {
                incident = await db.BatchIncidents.SingleAsync(i => i.Id == decision.IncidentId, ct);
            }

            var memberIds = decision.Members.ToList();
            // Archived members are read-only (R27): they stay as they were archived.
            var members = await db.Complaints.Where(c => memberIds.Contains(c.Id) && c.Status != ComplaintStatus.Archived).ToListAsync(ct);
            foreach (var member in members)
                member.JoinBatchIncident(incident.Id, Actor.System, now);
            await db.SaveChangesAsync(ct);

            var all = await db.Complaints.AsNoTracking().Where(c => c.BatchIncidentId == incident.Id)
                .Select(c => new { c.Complainant.Province, c.ReceivedAtUtc }).ToListAsync(ct);
            incident.Update(all.Select(m => (m.Province, m.ReceivedAtUtc)).ToList());

            // One alarm per incident formed; later members update the incident, the board reads its counts.
            if (decision.Outcome == BatchOutcome.FormIncident)
                db.AlarmEvents.Add(AlarmEvent.Raise(AlarmKind.BatchIncident, AlarmSeverity.Critical, now,
                    $"{incident.ProductLine} · {incident.ProblemType} · {incident.ComplaintCount} · {incident.Provinces}", incident.Id, complaint.Id));
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Text(string title, string description)
    {
        var text = title + " " + description;
        return text.Length > MaxTextLength ? text[..MaxTextLength] : text;
    }
}
