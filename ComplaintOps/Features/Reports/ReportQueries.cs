using System.Runtime.CompilerServices;
using ComplaintOps.Data;
using ComplaintOps.Domain.AnswerRate;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Domain.Privacy;
using ComplaintOps.Features.AnswerRate;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Satisfaction;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Reports;

/// <summary>
/// The report's figures, read with grouped queries (no query per row). The KPIs come from the console's own calculations —
/// <see cref="BoardQueries.ClockFiguresAsync"/> (first reply, letters, progress), <see cref="AnswerRateService.FigureAsync"/>
/// and <see cref="SatisfactionFigures.BreakdownAsync"/> — over the period instead of today, so workbook and console agree.
/// A complaint belongs to the period by when it was received (business days, inclusive).
/// </summary>
public sealed class ReportQueries(
    IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time, AnswerRateService answerRate, SatisfactionFigures satisfaction,
    IQualityFigures quality, IOptions<CrisisBoardOptions> boardOptions)
{
    public const int TopProblemsPerLine = 3;

    public (DateTime FromUtc, DateTime ToUtc) Window(ReportPeriod period) =>
        (time.StartOfDayUtc(period.From), time.StartOfDayUtc(period.To.AddDays(1)));

    public async Task<ReportData> LoadAsync(ReportPeriod period, CancellationToken ct = default)
    {
        var (from, to) = Window(period);
        var (prevFrom, prevTo) = Window(period.Previous);
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inPeriod = db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to);

        var received = await inPeriod.CountAsync(ct);
        var previousReceived = await db.Complaints.CountAsync(c => c.ReceivedAtUtc >= prevFrom && c.ReceivedAtUtc < prevTo, ct);

        var kpis = await KpisAsync(db, period, now, ct);

        var byType = (await inPeriod.GroupBy(c => c.ProblemSubType)
                .Select(g => new { g.Key, N = g.Count(), H = g.Count(c => c.Severity == ComplaintSeverity.HighRisk), F = g.Count(c => c.FinishedAtUtc != null) })
                .ToListAsync(ct))
            .Select(x => new TypeRow(ProblemTaxonomy.TypeOf(x.Key), x.Key, x.N, x.H, x.F))
            .OrderBy(x => x.Type).ThenBy(x => x.SubType).ToList();

        var byChannel = (await inPeriod.GroupBy(c => c.Channel)
                .Select(g => new { g.Key, N = g.Count(), H = g.Count(c => c.Severity == ComplaintSeverity.HighRisk), F = g.Count(c => c.FinishedAtUtc != null) })
                .ToListAsync(ct))
            .Select(x => new ChannelRow(x.Key, x.N, x.H, x.F)).OrderByDescending(x => x.Count).ThenBy(x => x.Channel).ToList();

        var byProvince = (await inPeriod.GroupBy(c => c.Complainant.Province)
                .Select(g => new { g.Key, N = g.Count(), H = g.Count(c => c.Severity == ComplaintSeverity.HighRisk) })
                .ToListAsync(ct))
            .Select(x => new ProvinceRow(x.Key, x.N, x.H)).OrderByDescending(x => x.Count).ThenBy(x => x.Province, StringComparer.Ordinal).ToList();

        var highRisk = (await inPeriod.Where(c => c.Severity == ComplaintSeverity.HighRisk)
                .OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id)
                .Select(c => new
                {
                    c.TrackingNumber, c.ReceivedAtUtc, c.RiskLevel, c.HighRiskTriggers, c.Title, Name = c.Complainant.Name, c.PreHandlingPlan,
                    c.EmergencyResponseLine, c.HandlingPlan, c.OwnerName, c.HandlerName, c.Status, c.Resolution, c.FinishedAtUtc,
                })
                .ToListAsync(ct))
            .Select(c => new HighRiskRegisterRow(c.TrackingNumber, c.ReceivedAtUtc, c.RiskLevel, c.HighRiskTriggers, c.Title, Mask.Name(c.Name),
                c.PreHandlingPlan, c.EmergencyResponseLine, c.HandlingPlan, c.OwnerName, c.HandlerName, c.Status, c.Resolution, c.FinishedAtUtc))
            .ToList();

        var breaches = await SlaBreachesAsync(db, from, to, now, ct);
        var handlers = await HandlersAsync(db, period, from, to, ct);
        var respondents = await RespondentsAsync(db, from, to, ct);
        var problems = await ProductProblemsAsync(db, from, to, prevFrom, prevTo, ct);

        var compensation = (await db.CompensationEntries.AsNoTracking()
                .Where(x => x.ProposedAtUtc >= from && x.ProposedAtUtc < to && (x.Status == CompensationStatus.Approved || x.Status == CompensationStatus.Paid))
                .GroupBy(x => new { x.ProductLine, x.RespondentName })
                .Select(g => new
                {
                    g.Key.ProductLine, g.Key.RespondentName, N = g.Count(), Fast = g.Count(x => x.FastTrack),
                    Paid = g.Count(x => x.Status == CompensationStatus.Paid), Sum = g.Sum(x => x.AmountCents),
                })
                .ToListAsync(ct))
            .Select(x => new CompensationRow(x.ProductLine, x.RespondentName, x.N, x.Fast, x.Paid, x.Sum))
            .OrderByDescending(x => x.AmountCents).ThenBy(x => x.ProductLine, StringComparer.Ordinal).ThenBy(x => x.RespondentName, StringComparer.Ordinal).ToList();

        var qualitySummary = await quality.SummaryAsync(from, to, ct);

        var end = to < now ? to : now;
        var departments = (await db.CollaborationTasks.AsNoTracking().Where(t => t.OpenedAtUtc >= from && t.OpenedAtUtc < to)
                .GroupBy(t => t.Department)
                .Select(g => new
                {
                    g.Key,
                    Opened = g.Count(),
                    Answered = g.Count(t => t.Status == CollaborationTaskStatus.Answered),
                    OnTime = g.Count(t => t.Status == CollaborationTaskStatus.Answered && t.AnsweredAtUtc <= t.DueUtc),
                    Cancelled = g.Count(t => t.Status == CollaborationTaskStatus.Cancelled),
                    Open = g.Count(t => t.Status == CollaborationTaskStatus.Open),
                    Overdue = g.Count(t => (t.Status == CollaborationTaskStatus.Answered && t.AnsweredAtUtc > t.DueUtc)
                        || (t.Status == CollaborationTaskStatus.Open && t.DueUtc < end)),
                })
                .ToListAsync(ct))
            .ToDictionary(x => x.Key);
        var departmentRows = Enum.GetValues<Department>()
            .Select(d => departments.TryGetValue(d, out var x) ? new DepartmentRow(d, x.Opened, x.Answered, x.OnTime, x.Cancelled, x.Open, x.Overdue) : new DepartmentRow(d, 0, 0, 0, 0, 0, 0))
            .ToList();

        return new ReportData(period, from, to, now, received, previousReceived, kpis, byType, byChannel, byProvince, highRisk, breaches,
            handlers, respondents, problems, compensation, qualitySummary, departmentRows);
    }

    /// <summary>The last instant counted: the period's end (exclusive, so one tick before) or now, whichever is earlier.</summary>
    private static DateTime Last(DateTime toExclusive, DateTime now) => toExclusive.AddTicks(-1) < now ? toExclusive.AddTicks(-1) : now;

    /// <summary>The board's conformance clauses over the period and the one before (Summary sheet).</summary>
    public async Task<IReadOnlyList<KpiRow>> KpisAsync(ReportPeriod period, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await KpisAsync(db, period, time.UtcNow, ct);
    }

    private async Task<IReadOnlyList<KpiRow>> KpisAsync(ComplaintOpsDb db, ReportPeriod period, DateTime now, CancellationToken ct)
    {
        var current = await ConformanceAsync(db, period, now, ct);
        var previous = await ConformanceAsync(db, period.Previous, now, ct);
        return current.Zip(previous, (c, p) => new KpiRow(c.Key, c.Requirement, c.Target, c.StrictlyAbove, c.Rate, c.Measured, p.Rate, p.Measured)).ToList();
    }

    /// <summary>Same rows, order, targets and rules as the board's conformance panel; the window is the period.</summary>
    public async Task<IReadOnlyList<ConformanceRow>> ConformanceAsync(ComplaintOpsDb db, ReportPeriod period, DateTime now, CancellationToken ct = default)
    {
        var (from, to) = Window(period);
        // A period reaching past now is counted up to now, exactly as the board counts today.
        var (firstReply, letters, progress) = await BoardQueries.ClockFiguresAsync(db, from, Last(to, now), now, ct);
        var answer = await answerRate.FigureAsync(from, to, ct);
        var days = (await satisfaction.BreakdownAsync(period.From, period.To, ct)).ByDay;
        var sat = new SatisfactionFigure(days.Sum(d => d.Figure.Answers), days.Sum(d => d.Figure.Satisfied));
        return
        [
            new("FirstReply", "R15", 1.0, false, firstReply.Rate, firstReply.Total),
            new("LetterReply", "R16", 1.0, false, letters.Rate, letters.Total),
            new("ProgressFeedback", "R17", 1.0, false, progress.Rate, progress.Total),
            new("AnswerRate", "R14", AnswerRateFigure.Target, true, answer.Rate, answer.Offered),
            new("Satisfaction", "R26", boardOptions.Value.SatisfactionTarget, false, sat.Rate, sat.Answers),
        ];
    }

    /// <summary>The late clocks behind the Summary's figures: clocks that ended in the period late, and progress overdue at its end.</summary>
    private static async Task<List<SlaBreachRow>> SlaBreachesAsync(ComplaintOpsDb db, DateTime from, DateTime to, DateTime now, CancellationToken ct)
    {
        var last = Last(to, now);
        var c = db.Complaints.AsNoTracking();
        var firstReply = await c.Where(x => x.FirstReplyDueUtc != null
                && (((x.FirstReplyAtUtc ?? x.FinishedAtUtc) >= from && (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= last)
                    || ((x.FirstReplyAtUtc ?? x.FinishedAtUtc) == null && x.FirstReplyDueUtc >= from && x.FirstReplyDueUtc <= last))
                && !((x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= x.FirstReplyDueUtc))
            .Select(x => new { x.TrackingNumber, x.Channel, Due = x.FirstReplyDueUtc!.Value, At = x.FirstReplyAtUtc ?? x.FinishedAtUtc, x.HandlerName, x.Status })
            .ToListAsync(ct);
        var letters = await c.Where(x => x.LetterReplyDueUtc != null
                && (((x.FirstReplyAtUtc ?? x.FinishedAtUtc) >= from && (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= last)
                    || ((x.FirstReplyAtUtc ?? x.FinishedAtUtc) == null && x.LetterReplyDueUtc >= from && x.LetterReplyDueUtc <= last))
                && !((x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= x.LetterReplyDueUtc))
            .Select(x => new { x.TrackingNumber, x.Channel, Due = x.LetterReplyDueUtc!.Value, At = x.FirstReplyAtUtc ?? x.FinishedAtUtc, x.HandlerName, x.Status })
            .ToListAsync(ct);
        var asOf = last >= now ? now : last;
        var progressQuery = last >= now
            ? c.Where(x => x.ProgressFeedbackDueUtc != null && x.Status != ComplaintStatus.Received
                && x.Status != ComplaintStatus.Closed && x.Status != ComplaintStatus.Referred && x.Status != ComplaintStatus.NotEstablished
                && x.Status != ComplaintStatus.OutOfScope && x.Status != ComplaintStatus.Archived && x.ProgressFeedbackDueUtc < now)
            : c.Where(x => x.ProgressFeedbackDueUtc != null && x.AcceptedAtUtc != null && x.AcceptedAtUtc <= last
                && (x.FinishedAtUtc == null || x.FinishedAtUtc > last) && x.ProgressFeedbackDueUtc < last);
        var progress = await progressQuery
            .Select(x => new { x.TrackingNumber, x.Channel, Due = x.ProgressFeedbackDueUtc!.Value, At = (DateTime?)null, x.HandlerName, x.Status })
            .ToListAsync(ct);

        static double Late(DateTime due, DateTime at) => Math.Round((at - due).TotalHours, 1);
        return firstReply.Select(x => new SlaBreachRow(SlaClause.FirstReply, x.TrackingNumber, x.Channel, x.Due, x.At, Late(x.Due, x.At ?? asOf), x.HandlerName, x.Status))
            .Concat(letters.Select(x => new SlaBreachRow(SlaClause.LetterReply, x.TrackingNumber, x.Channel, x.Due, x.At, Late(x.Due, x.At ?? asOf), x.HandlerName, x.Status)))
            .Concat(progress.Select(x => new SlaBreachRow(SlaClause.ProgressFeedback, x.TrackingNumber, x.Channel, x.Due, x.At, Late(x.Due, asOf), x.HandlerName, x.Status)))
            .OrderBy(x => x.Clause).ThenBy(x => x.DueUtc).ThenBy(x => x.TrackingNumber, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Per handler: complaints received in the period, finished, reply clocks that ended in the period and on time, satisfaction, quality.</summary>
    private async Task<List<HandlerRow>> HandlersAsync(ComplaintOpsDb db, ReportPeriod period, DateTime from, DateTime to, CancellationToken ct)
    {
        var last = to.AddTicks(-1);
        var volume = await db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to && c.HandlerId != null)
            .GroupBy(c => new { c.HandlerId, c.HandlerName })
            .Select(g => new { g.Key.HandlerId, g.Key.HandlerName, N = g.Count(), F = g.Count(c => c.FinishedAtUtc != null) })
            .ToListAsync(ct);
        // Reply clocks (first reply or letter) that ended in the period, as on the Summary.
        var clocks = await db.Complaints.AsNoTracking()
            .Where(x => x.HandlerId != null && (x.FirstReplyDueUtc != null || x.LetterReplyDueUtc != null)
                && (((x.FirstReplyAtUtc ?? x.FinishedAtUtc) >= from && (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= last)
                    || ((x.FirstReplyAtUtc ?? x.FinishedAtUtc) == null && (x.FirstReplyDueUtc ?? x.LetterReplyDueUtc) >= from && (x.FirstReplyDueUtc ?? x.LetterReplyDueUtc) <= last)))
            .GroupBy(x => x.HandlerId)
            .Select(g => new { HandlerId = g.Key, N = g.Count(), OnTime = g.Count(x => (x.FirstReplyAtUtc ?? x.FinishedAtUtc) <= (x.FirstReplyDueUtc ?? x.LetterReplyDueUtc)) })
            .ToListAsync(ct);
        var sat = (await satisfaction.BreakdownAsync(period.From, period.To, ct)).ByHandler.ToDictionary(x => x.Key, x => x.Figure, StringComparer.Ordinal);
        var scores = (await quality.SummaryAsync(from, to, ct)).Handlers;
        var names = volume.Select(v => (v.HandlerId!, v.HandlerName ?? "")).Union(clocks.Select(c => (c.HandlerId!, volume.FirstOrDefault(v => v.HandlerId == c.HandlerId)?.HandlerName ?? "")))
            .DistinctBy(x => x.Item1).ToList();
        return names.Select(h =>
            {
                var v = volume.FirstOrDefault(x => x.HandlerId == h.Item1);
                var k = clocks.FirstOrDefault(x => x.HandlerId == h.Item1);
                var s = sat.GetValueOrDefault(h.Item2) ?? SatisfactionFigure.None;
                var q = scores.FirstOrDefault(x => x.HandlerId == h.Item1) ?? scores.FirstOrDefault(x => x.HandlerName == h.Item2);
                return new HandlerRow(h.Item1, h.Item2, v?.N ?? 0, v?.F ?? 0, k?.N ?? 0, k?.OnTime ?? 0, s.Answers, s.Satisfied, q?.AverageScore);
            })
            .OrderByDescending(x => x.Volume).ThenBy(x => x.HandlerName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per respondent (merchant, partner, department): complaints, the decided ones that were established, and compensation (R32).</summary>
    private static async Task<List<RespondentRow>> RespondentsAsync(ComplaintOpsDb db, DateTime from, DateTime to, CancellationToken ct)
    {
        // An archived case's outcome is on its archive record.
        var outcomes = db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to)
            .Select(c => new
            {
                c.Respondent.Kind, c.Respondent.Name,
                Outcome = c.Status == ComplaintStatus.Archived
                    ? db.ArchiveRecords.Where(a => a.ComplaintId == c.Id).OrderBy(a => a.Id).Select(a => (ComplaintStatus?)a.Outcome).FirstOrDefault()
                    : c.Status,
            });
        var rows = await outcomes.GroupBy(x => new { x.Kind, x.Name })
            .Select(g => new
            {
                g.Key.Kind, g.Key.Name, N = g.Count(),
                Decided = g.Count(x => x.Outcome == ComplaintStatus.Closed || x.Outcome == ComplaintStatus.Referred || x.Outcome == ComplaintStatus.NotEstablished || x.Outcome == ComplaintStatus.OutOfScope),
                Established = g.Count(x => x.Outcome == ComplaintStatus.Closed || x.Outcome == ComplaintStatus.Referred),
            })
            .ToListAsync(ct);
        var money = (await db.CompensationEntries.AsNoTracking()
                .Where(x => x.ProposedAtUtc >= from && x.ProposedAtUtc < to && (x.Status == CompensationStatus.Approved || x.Status == CompensationStatus.Paid))
                .GroupBy(x => x.RespondentName).Select(g => new { g.Key, N = g.Count(), Sum = g.Sum(x => x.AmountCents) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, StringComparer.Ordinal);
        return rows.Select(r => new RespondentRow(r.Kind, r.Name, r.N, r.Decided, r.Established,
                money.TryGetValue(r.Name, out var m) ? m.N : 0, money.TryGetValue(r.Name, out var m2) ? m2.Sum : 0))
            .OrderByDescending(r => r.Complaints).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per product line, its top sub-types this period with last period's count beside them (R32).</summary>
    private static async Task<List<ProductProblemRow>> ProductProblemsAsync(ComplaintOpsDb db, DateTime from, DateTime to, DateTime prevFrom, DateTime prevTo, CancellationToken ct)
    {
        var now = await db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to)
            .GroupBy(c => new { c.ProductLine, c.ProblemSubType }).Select(g => new { g.Key.ProductLine, g.Key.ProblemSubType, N = g.Count() }).ToListAsync(ct);
        var before = (await db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= prevFrom && c.ReceivedAtUtc < prevTo)
                .GroupBy(c => new { c.ProductLine, c.ProblemSubType }).Select(g => new { g.Key.ProductLine, g.Key.ProblemSubType, N = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => (x.ProductLine, x.ProblemSubType), x => x.N);
        return now.GroupBy(x => x.ProductLine)
            .OrderByDescending(g => g.Sum(x => x.N)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.OrderByDescending(x => x.N).ThenBy(x => x.ProblemSubType).Take(TopProblemsPerLine)
                .Select((x, i) => new ProductProblemRow(g.Key, i + 1, x.ProblemSubType, x.N, before.GetValueOrDefault((g.Key, x.ProblemSubType)), g.Sum(y => y.N))))
            .ToList();
    }

    /// <summary>Every complaint of the period, masked, in receipt order — streamed, never held in memory at once.</summary>
    public async IAsyncEnumerable<DetailRow> DetailRowsAsync(ReportPeriod period, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var (from, to) = Window(period);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= from && c.ReceivedAtUtc < to)
            .OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.TrackingNumber, c.ReceivedAtUtc, c.Channel, c.Complainant.Province, c.ProductLine, c.ProblemSubType, c.Severity, c.RiskLevel, c.Status,
                c.Complainant.Name, c.Complainant.Phone, RespondentName = c.Respondent.Name, c.HandlerName, c.FirstReplyAtUtc, c.FinishedAtUtc,
            })
            .AsAsyncEnumerable();
        await foreach (var c in rows.WithCancellation(ct))
        {
            yield return new DetailRow(c.TrackingNumber, c.ReceivedAtUtc, c.Channel, c.Province, c.ProductLine, c.ProblemSubType, c.Severity, c.RiskLevel,
                c.Status, Mask.Name(c.Name), Mask.Phone(c.Phone), c.RespondentName, c.HandlerName, c.FirstReplyAtUtc, c.FinishedAtUtc);
        }
    }
}
