using ComplaintOps.Data;
using ComplaintOps.Domain.AnswerRate;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.AnswerRate;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.CrisisBoard;

public sealed record BoardCounters(int Open, int HighRiskOpen, int Overdue, int ArrivedToday);

public sealed record HighRiskRow(
    int Id, string TrackingNumber, string Title, RiskLevel RiskLevel, ComplaintStatus Status, string OwnerName,
    string? HandlerName, Tier Tier, DateTime? NextDueUtc, DateTime ReceivedAtUtc, int? BatchIncidentId);

public sealed record AlarmRow(
    long Id, AlarmKind Kind, AlarmSeverity Severity, int? ComplaintId, string? TrackingNumber, int? BatchIncidentId,
    DateTime RaisedAtUtc, string Summary, string? AcknowledgedByName, DateTime? AcknowledgedAtUtc, string? AcknowledgeNote,
    string? AssignedToName, EscalationLevel Level, DateTime? EscalatedAtUtc, DateTime? ResolvedAtUtc)
{
    public bool Acknowledged => AcknowledgedAtUtc is not null;
}

public sealed record IncidentRow(int Id, string ProductLine, ProblemType ProblemType, string Summary, string Provinces, int ProvinceCount,
    int ComplaintCount, int Last24h, DateTime FirstSeenUtc, DateTime LastSeenUtc);

public sealed record ProvinceCount(string Province, int Count);

/// <summary>A measurable clause with today's figure beside its target (B1). Rate null = nothing to measure yet.</summary>
public sealed record ConformanceRow(string Key, string Requirement, double Target, bool StrictlyAbove, double? Rate, long Measured)
{
    public bool? Meets => Rate is { } r ? (StrictlyAbove ? r > Target : r >= Target) : null;
}

public sealed record BoardSnapshot(
    DateTime AtUtc, BoardCounters Counters, IReadOnlyList<HighRiskRow> HighRisk, IReadOnlyList<AlarmRow> Alarms,
    IReadOnlyList<IncidentRow> Incidents, IReadOnlyList<ProvinceCount> IncidentProvinces,
    SatisfactionSnapshot Satisfaction, IReadOnlyList<ConformanceRow> Conformance);

/// <summary>Everything the board shows, read from the database in a handful of set queries (no query per row).</summary>
public sealed class BoardQueries(
    IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time, AnswerRateService answerRate,
    ISatisfactionFigures satisfaction, IOptions<CrisisBoardOptions> options)
{
    public const int MaxHighRisk = 50;
    public const int MaxAlarms = 100;

    private static readonly ComplaintStatus[] Finished =
        [ComplaintStatus.Closed, ComplaintStatus.Referred, ComplaintStatus.NotEstablished, ComplaintStatus.OutOfScope, ComplaintStatus.Archived];

    public async Task<BoardSnapshot> LoadAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow;
        var dayStart = time.StartOfDayUtc(time.Today);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.Complaints.AsNoTracking().Where(c => !Finished.Contains(c.Status));

        var counters = new BoardCounters(
            await open.CountAsync(ct),
            await open.CountAsync(c => c.Severity == ComplaintSeverity.HighRisk, ct),
            await open.CountAsync(c => c.NextDueUtc != null && c.NextDueUtc < now, ct),
            await db.Complaints.CountAsync(c => c.ReceivedAtUtc >= dayStart, ct));

        var highRisk = await open.Where(c => c.Severity == ComplaintSeverity.HighRisk)
            .OrderByDescending(c => c.RiskLevel).ThenBy(c => c.NextDueUtc == null).ThenBy(c => c.NextDueUtc).ThenByDescending(c => c.ReceivedAtUtc)
            .Take(MaxHighRisk)
            .Select(c => new HighRiskRow(c.Id, c.TrackingNumber, c.Title, c.RiskLevel, c.Status, c.OwnerName, c.HandlerName, c.Tier, c.NextDueUtc, c.ReceivedAtUtc, c.BatchIncidentId))
            .ToListAsync(ct);

        var alarms = await (from a in db.AlarmEvents.AsNoTracking()
                            where a.ResolvedAtUtc == null
                            orderby a.AcknowledgedAtUtc == null descending, a.RaisedAtUtc descending, a.Id descending
                            select new AlarmRow(a.Id, a.Kind, a.Severity, a.ComplaintId,
                                db.Complaints.Where(c => c.Id == a.ComplaintId).Select(c => c.TrackingNumber).FirstOrDefault(),
                                a.BatchIncidentId, a.RaisedAtUtc, a.Summary, a.AcknowledgedByName, a.AcknowledgedAtUtc, a.AcknowledgeNote,
                                a.AssignedToName, a.Level, a.EscalatedAtUtc, a.ResolvedAtUtc))
            .Take(MaxAlarms).ToListAsync(ct);

        var since24h = now.AddHours(-24);
        var incidents = await db.BatchIncidents.AsNoTracking().Where(i => i.ClosedAtUtc == null)
            .OrderByDescending(i => i.LastSeenUtc).Take(10)
            .Select(i => new IncidentRow(i.Id, i.ProductLine, i.ProblemType, i.Summary, i.Provinces, i.ProvinceCount, i.ComplaintCount,
                db.Complaints.Count(c => c.BatchIncidentId == i.Id && c.ReceivedAtUtc >= since24h), i.FirstSeenUtc, i.LastSeenUtc))
            .ToListAsync(ct);
        var incidentIds = incidents.Select(i => (int?)i.Id).ToList();
        var provinces = incidentIds.Count == 0 ? [] : await db.Complaints.AsNoTracking()
            .Where(c => incidentIds.Contains(c.BatchIncidentId))
            .GroupBy(c => c.Complainant.Province)
            .Select(g => new ProvinceCount(g.Key, g.Count()))
            .ToListAsync(ct);

        var sat = await satisfaction.GetAsync(now, ct);
        var conformance = await ConformanceAsync(db, now, dayStart, sat, ct);
        return new BoardSnapshot(now, counters, highRisk, alarms, incidents,
            provinces.OrderByDescending(p => p.Count).ThenBy(p => p.Province, StringComparer.Ordinal).ToList(), sat, conformance);
    }

    private async Task<IReadOnlyList<ConformanceRow>> ConformanceAsync(ComplaintOpsDb db, DateTime now, DateTime dayStart, SatisfactionSnapshot sat, CancellationToken ct)
    {
        var c = db.Complaints.AsNoTracking();
        // Clocks that ended today: answered today, or fell due today unanswered. On time = answered by the due time.
        var firstReply = await c.Where(x => x.FirstReplyDueUtc != null
                && (((x.FirstReplyAtUtc ?? x.FinishedAtUtc) >= dayStart && (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= now)
                    || ((x.FirstReplyAtUtc ?? x.FinishedAtUtc) == null && x.FirstReplyDueUtc >= dayStart && x.FirstReplyDueUtc <= now)))
            .GroupBy(_ => 1).Select(g => new { Total = g.Count(), OnTime = g.Count(x => (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= x.FirstReplyDueUtc) })
            .FirstOrDefaultAsync(ct);
        var letters = await c.Where(x => x.LetterReplyDueUtc != null
                && (((x.FirstReplyAtUtc ?? x.FinishedAtUtc) >= dayStart && (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= now)
                    || ((x.FirstReplyAtUtc ?? x.FinishedAtUtc) == null && x.LetterReplyDueUtc >= dayStart && x.LetterReplyDueUtc <= now)))
            .GroupBy(_ => 1).Select(g => new { Total = g.Count(), OnTime = g.Count(x => (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= x.LetterReplyDueUtc) })
            .FirstOrDefaultAsync(ct);
        // Cases being handled now: share whose progress feedback is not overdue.
        var progress = await c.Where(x => x.ProgressFeedbackDueUtc != null && !Finished.Contains(x.Status) && x.Status != ComplaintStatus.Received)
            .GroupBy(_ => 1).Select(g => new { Total = g.Count(), OnTime = g.Count(x => x.ProgressFeedbackDueUtc >= now) })
            .FirstOrDefaultAsync(ct);
        var answer = (await answerRate.SummaryAsync(ct)).TodayFigure;

        static double? Rate(int total, int onTime) => total == 0 ? null : (double)onTime / total;
        return
        [
            new("FirstReply", "R15", 1.0, false, Rate(firstReply?.Total ?? 0, firstReply?.OnTime ?? 0), firstReply?.Total ?? 0),
            new("LetterReply", "R16", 1.0, false, Rate(letters?.Total ?? 0, letters?.OnTime ?? 0), letters?.Total ?? 0),
            new("ProgressFeedback", "R17", 1.0, false, Rate(progress?.Total ?? 0, progress?.OnTime ?? 0), progress?.Total ?? 0),
            new("AnswerRate", "R14", AnswerRateFigure.Target, true, answer.Rate, answer.Offered),
            new("Satisfaction", "B1", options.Value.SatisfactionTarget, false, sat.Today.Rate, sat.Today.Answers),
        ];
    }
}
