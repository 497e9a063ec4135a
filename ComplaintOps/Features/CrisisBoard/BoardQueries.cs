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

    private readonly SharedRows<int, HighRiskRow> _highRisk = new(r => r.Id);
    private readonly SharedRows<long, AlarmRow> _alarms = new(a => a.Id);
    private readonly SharedRows<int, IncidentRow> _incidents = new(i => i.Id);

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
        return new BoardSnapshot(now, counters, _highRisk.Share(highRisk), _alarms.Share(alarms), _incidents.Share(incidents),
            provinces.OrderByDescending(p => p.Count).ThenBy(p => p.Province, StringComparer.Ordinal).ToList(), sat, conformance);
    }

    private async Task<IReadOnlyList<ConformanceRow>> ConformanceAsync(ComplaintOpsDb db, DateTime now, DateTime dayStart, SatisfactionSnapshot sat, CancellationToken ct)
    {
        var (firstReply, letters, progress) = await ClockFiguresAsync(db, dayStart, now, now, ct);
        var answer = (await answerRate.SummaryAsync(ct)).TodayFigure;

        return
        [
            new("FirstReply", "R15", 1.0, false, firstReply.Rate, firstReply.Total),
            new("LetterReply", "R16", 1.0, false, letters.Rate, letters.Total),
            new("ProgressFeedback", "R17", 1.0, false, progress.Rate, progress.Total),
            new("AnswerRate", "R14", AnswerRateFigure.Target, true, answer.Rate, answer.Offered),
            new("Satisfaction", "B1", options.Value.SatisfactionTarget, false, sat.Today.Rate, sat.Today.Answers),
        ];
    }

    /// <summary>
    /// The panel's three clock clauses over [<paramref name="fromUtc"/>, <paramref name="toUtc"/>] (inclusive): the board asks for
    /// today (start of day → now); monthly reports (issue 7) ask for a period, so workbook and console count alike.
    /// First reply and letters: clocks that ended in the window (answered in it, or fell due in it unanswered); on time = answered
    /// by the due time. Progress feedback is a snapshot: cases being handled at the window's end whose feedback is not overdue —
    /// for a window ending now exactly the board's rule; for a past window, cases accepted by then and not finished by then, judged
    /// on their stored (current) progress due time.
    /// </summary>
    public static async Task<(ClockFigure FirstReply, ClockFigure Letters, ClockFigure Progress)> ClockFiguresAsync(
        ComplaintOpsDb db, DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken ct = default)
    {
        var c = db.Complaints.AsNoTracking();
        var firstReply = await c.Where(x => x.FirstReplyDueUtc != null
                && (((x.FirstReplyAtUtc ?? x.FinishedAtUtc) >= fromUtc && (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= toUtc)
                    || ((x.FirstReplyAtUtc ?? x.FinishedAtUtc) == null && x.FirstReplyDueUtc >= fromUtc && x.FirstReplyDueUtc <= toUtc)))
            .GroupBy(_ => 1).Select(g => new ClockFigure(g.Count(), g.Count(x => (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= x.FirstReplyDueUtc)))
            .FirstOrDefaultAsync(ct);
        var letters = await c.Where(x => x.LetterReplyDueUtc != null
                && (((x.FirstReplyAtUtc ?? x.FinishedAtUtc) >= fromUtc && (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= toUtc)
                    || ((x.FirstReplyAtUtc ?? x.FinishedAtUtc) == null && x.LetterReplyDueUtc >= fromUtc && x.LetterReplyDueUtc <= toUtc)))
            .GroupBy(_ => 1).Select(g => new ClockFigure(g.Count(), g.Count(x => (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= x.LetterReplyDueUtc)))
            .FirstOrDefaultAsync(ct);
        ClockFigure? progress;
        if (toUtc >= nowUtc)
        {
            // Cases being handled now: share whose progress feedback is not overdue.
            progress = await c.Where(x => x.ProgressFeedbackDueUtc != null && !Finished.Contains(x.Status) && x.Status != ComplaintStatus.Received)
                .GroupBy(_ => 1).Select(g => new ClockFigure(g.Count(), g.Count(x => x.ProgressFeedbackDueUtc >= nowUtc)))
                .FirstOrDefaultAsync(ct);
        }
        else
        {
            progress = await c.Where(x => x.ProgressFeedbackDueUtc != null && x.AcceptedAtUtc != null && x.AcceptedAtUtc <= toUtc
                    && (x.FinishedAtUtc == null || x.FinishedAtUtc > toUtc))
                .GroupBy(_ => 1).Select(g => new ClockFigure(g.Count(), g.Count(x => x.ProgressFeedbackDueUtc >= toUtc)))
                .FirstOrDefaultAsync(ct);
        }
        return (firstReply ?? ClockFigure.None, letters ?? ClockFigure.None, progress ?? ClockFigure.None);
    }
}

/// <summary>Clocks counted and how many were met.</summary>
public sealed record ClockFigure(int Total, int OnTime)
{
    public static readonly ClockFigure None = new(0, 0);
    public double? Rate => Total == 0 ? null : (double)OnTime / Total;
}
