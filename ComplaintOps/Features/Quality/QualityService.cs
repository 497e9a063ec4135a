using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Domain.Sla;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Identity;
using ComplaintOps.Features.Satisfaction;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Quality;

public sealed record PlanInput(string Name, int RandomPercent, bool AllHighRisk, bool AllLowSatisfaction, int LowSatisfactionThreshold, bool AllReferred, int Seed, bool Active = true)
{
    public SamplingRules Rules => new(RandomPercent, AllHighRisk, AllLowSatisfaction, LowSatisfactionThreshold, AllReferred);
}

public sealed record DrawResult(long PlanId, DateOnly WeekStart, int Seed, int Candidates, int Sampled, int Handlers);

public enum QueueScope
{
    ToScore = 0,
    Scored = 1,
    All = 2,
}

public sealed record QueueRow(long Id, string TrackingNumber, int ComplaintId, string HandlerName, string HandlerTeam, InspectionKind Kind,
    SampleReason Reasons, bool CaseWasOpen, DateOnly? WeekStart, InspectionStatus Status, double? FinalTotal, string? InspectorName, DateTime CreatedAtUtc);

public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total);

/// <summary>What the case gives the scorecard by itself: timeliness from its SLA clocks, user evaluation from its satisfaction answer.</summary>
public sealed record AutoFill(int Timeliness, int ClocksMet, int ClocksBreached, int ClocksRunning, int? SatisfactionScore, int? UserEvaluation)
{
    public IReadOnlyList<DimensionScore> Scores =>
    [
        new(QualityDimension.Timeliness, Timeliness, AutoFilled: true),
        new(QualityDimension.UserEvaluation, UserEvaluation, AutoFilled: true),
    ];
}

public sealed record CaseSummary(int Id, string TrackingNumber, string Title, ComplaintStatus Status, ComplaintStatus? ArchivedFrom, Channel Channel, ComplaintSeverity Severity);

public sealed record InspectionView(Inspection Inspection, CaseSummary Case, AutoFill Auto, ScorecardWeights Weights);

/// <summary>The scorecard as the inspector filled it in (auto-filled dimensions are taken from the case, not from here).</summary>
public sealed record ScorecardInput(IReadOnlyList<DimensionScore> Scores, bool CriticalFail, string? CriticalFailNote, string? Comment);

public sealed record HandlerQuality(string HandlerId, string HandlerName, string Team, int Inspections, double Average, int CriticalFails, int Appeals);

public sealed record TeamQuality(string Team, int Handlers, int Inspections, double Average, int CriticalFails);

public sealed record QualitySummary(IReadOnlyList<HandlerQuality> Handlers, IReadOnlyList<TeamQuality> Teams);

public sealed record CalibrationRow(string TrackingNumber, int ComplaintId, string HandlerName, CalibrationComparison Comparison);

/// <summary>
/// Quality inspection (R31, §5.4.2.3): sampling plans and weekly draws, inspections (巡检) of any case, scorecards with the
/// timeliness and user-evaluation dimensions filled from the case, the handler's appeal and the senior inspector's decision,
/// scores per handler and team, and calibration. Everything lives in the quality tables; complaints are only read.
/// </summary>
public sealed class QualityService
{
    private readonly IDbContextFactory<ComplaintOpsDb> _dbFactory;
    private readonly BusinessTime _time;
    private readonly Func<SlaClock> _clock;
    private readonly QualityOptions _options;

    public QualityService(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time, WorkingCalendarService calendar, IOptions<QualityOptions> options)
        : this(dbFactory, time, () => calendar.Clock, options.Value)
    {
    }

    internal QualityService(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time, Func<SlaClock> clock, QualityOptions options)
    {
        _dbFactory = dbFactory;
        _time = time;
        _clock = clock;
        _options = options;
    }

    public ScorecardWeights Weights => _options.ScorecardWeights;

    // ---- plans -------------------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<SamplingPlan>> PlansAsync(CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.SamplingPlans.AsNoTracking().OrderByDescending(p => p.Active).ThenBy(p => p.Name).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<SamplingDraw>> RecentDrawsAsync(int take = 20, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.SamplingDraws.AsNoTracking().OrderByDescending(d => d.DrawnAtUtc).Take(take).ToListAsync(ct);
    }

    public async Task<SamplingPlan> SavePlanAsync(long? id, PlanInput input, Actor by, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        SamplingPlan plan;
        if (id is { } existing)
        {
            plan = await db.SamplingPlans.SingleOrDefaultAsync(p => p.Id == existing, ct)
                ?? throw new DomainException("SamplingPlanNotFound", "No such sampling plan.");
            plan.Update(input.Name, input.Rules, input.Seed, input.Active, by, _time.UtcNow);
        }
        else
        {
            plan = SamplingPlan.Create(input.Name, input.Rules, input.Seed, by, _time.UtcNow);
            db.SamplingPlans.Add(plan);
        }
        await SaveAsync(db, ct);
        return plan;
    }

    // ---- drawing a week ----------------------------------------------------------------------------------------------

    /// <summary>
    /// Draws the business-time week (Monday–Sunday) that <paramref name="anyDayOfWeek"/> falls in: the week's closed cases
    /// (finished in it, however they ended) go through the plan's rules with the plan's seed for that week; each sampled case
    /// becomes a queued inspection. A plan draws a week once.
    /// </summary>
    public async Task<DrawResult> DrawWeekAsync(long planId, DateOnly anyDayOfWeek, Actor by, CancellationToken ct = default)
    {
        var weekStart = Sampler.WeekStart(anyDayOfWeek);
        // Only a week that is over: drawn earlier, the cases closed later that week would never have their chance.
        if (weekStart.AddDays(7) > _time.Today)
            throw new DomainException("SamplingWeekNotOver", "That week is not over yet; draw it once it has ended.");
        var from = _time.StartOfDayUtc(weekStart);
        var to = _time.StartOfDayUtc(weekStart.AddDays(7));
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var plan = await db.SamplingPlans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new DomainException("SamplingPlanNotFound", "No such sampling plan.");
        if (!plan.Active) throw new DomainException("SamplingPlanInactive", "This plan is switched off.");
        if (await db.SamplingDraws.AnyAsync(d => d.PlanId == planId && d.WeekStart == weekStart, ct))
            throw new DomainException("SamplingWeekDrawn", "This plan has already drawn that week.");

        var closed = await db.Complaints.AsNoTracking()
            .Where(c => c.FinishedAtUtc >= from && c.FinishedAtUtc < to)
            .Select(c => new
            {
                c.Id,
                c.TrackingNumber,
                c.Status,
                HandlerId = c.HandlerId ?? c.OwnerId,
                HandlerName = c.HandlerName ?? c.OwnerName,
                HighRisk = c.Severity == ComplaintSeverity.HighRisk,
                Referred = c.Status == ComplaintStatus.Referred || c.ArchivedFrom == ComplaintStatus.Referred
                    || c.Timeline.Any(t => t.Kind == TimelineEventKind.StatusChanged && t.After == nameof(ComplaintStatus.Referred)),
                Score = db.SatisfactionAnswers.Where(a => a.ComplaintId == c.Id).Select(a => (int?)a.Score).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var seed = Sampler.SeedFor(plan.Seed, weekStart);
        var sample = Sampler.Draw(closed.Select(c => new SamplingCandidate(c.Id, c.HandlerId, c.HighRisk, c.Score, c.Referred)), plan.Rules, seed);
        var teams = await TeamsAsync(db, sample.Select(s => s.HandlerId).Distinct().ToArray(), ct);
        var byId = closed.ToDictionary(c => c.Id);
        var now = _time.UtcNow;
        foreach (var s in sample)
        {
            var c = byId[s.ComplaintId];
            db.Inspections.Add(Inspection.Queue(c.Id, c.TrackingNumber, caseOpen: false, new Actor(c.HandlerId, c.HandlerName),
                teams.GetValueOrDefault(c.HandlerId, ""), InspectionKind.SpotCheck, s.Reasons, plan.Id, weekStart, by, now));
        }
        var draw = new SamplingDraw
        {
            PlanId = plan.Id, WeekStart = weekStart, Seed = seed, Candidates = closed.Count, Sampled = sample.Count,
            Handlers = closed.Select(c => c.HandlerId).Distinct().Count(), DrawnAtUtc = now, DrawnById = by.Id, DrawnByName = by.Name,
        };
        db.SamplingDraws.Add(draw);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("SamplingWeekDrawn", "This plan has already drawn that week.");
        }
        return new DrawResult(plan.Id, weekStart, seed, draw.Candidates, draw.Sampled, draw.Handlers);
    }

    /// <summary>The handling role (team) of each handler; users without one are in no team ("").</summary>
    private static async Task<Dictionary<string, string>> TeamsAsync(ComplaintOpsDb db, string[] userIds, CancellationToken ct)
    {
        var rows = await db.UserRoles.Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct);
        return rows.Where(r => r.Name is not null && QualityPolicies.HandlerRoles.Contains(r.Name))
            .GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.First().Name!);
    }

    // ---- inspections (巡检) and calibration ---------------------------------------------------------------------------

    /// <summary>
    /// An inspector starts an inspection (巡检) of any case by tracking number — open cases too — assigned to themself; or,
    /// with <paramref name="calibration"/>, a second scorecard of a case another inspector has scored.
    /// </summary>
    public async Task<Inspection> StartAsync(string trackingNumber, Actor inspector, bool calibration = false, CancellationToken ct = default)
    {
        var number = (trackingNumber ?? "").Trim();
        if (number.Length == 0) throw new DomainException("InspectionTrackingRequired", "Enter a tracking number.");
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var c = await db.Complaints.AsNoTracking().Where(x => x.TrackingNumber == number)
            .Select(x => new { x.Id, x.TrackingNumber, x.Status, HandlerId = x.HandlerId ?? x.OwnerId, HandlerName = x.HandlerName ?? x.OwnerName })
            .SingleOrDefaultAsync(ct) ?? throw new DomainException("ComplaintNotFound", "No complaint has that tracking number.");
        if (calibration)
        {
            var scored = await db.Inspections.Where(i => i.ComplaintId == c.Id && i.Status != InspectionStatus.Queued).Select(i => i.InspectorId).ToListAsync(ct);
            if (scored.Count == 0)
                throw new DomainException("CalibrationNothingToCompare", "No inspector has scored this case yet: there is nothing to calibrate against.");
            if (scored.All(id => id == inspector.Id))
                throw new DomainException("CalibrationSameInspector", "Calibration compares two different inspectors.");
        }
        var teams = await TeamsAsync(db, [c.HandlerId], ct);
        var inspection = Inspection.Queue(c.Id, c.TrackingNumber, caseOpen: !Lifecycle.IsFinished(c.Status), new Actor(c.HandlerId, c.HandlerName),
            teams.GetValueOrDefault(c.HandlerId, ""), calibration ? InspectionKind.Calibration : InspectionKind.Patrol,
            calibration ? SampleReason.Calibration : SampleReason.Patrol, null, null, inspector, _time.UtcNow, inspector);
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        return inspection;
    }

    public async Task<Paged<QueueRow>> QueueAsync(QueueScope scope, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var q = db.Inspections.AsNoTracking();
        q = scope switch
        {
            QueueScope.ToScore => q.Where(i => i.Status == InspectionStatus.Queued),
            QueueScope.Scored => q.Where(i => i.Status != InspectionStatus.Queued),
            _ => q,
        };
        var total = await q.CountAsync(ct);
        var ordered = scope == QueueScope.ToScore ? q.OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.Id) : q.OrderByDescending(i => i.ScoredAtUtc ?? i.CreatedAtUtc).ThenByDescending(i => i.Id);
        var rows = await ordered.Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(i => new QueueRow(i.Id, i.TrackingNumber, i.ComplaintId, i.HandlerName, i.HandlerTeam, i.Kind, i.Reasons, i.CaseWasOpen,
                i.WeekStart, i.Status, i.FinalTotal, i.InspectorName, i.CreatedAtUtc))
            .ToListAsync(ct);
        return new Paged<QueueRow>(rows, total);
    }

    /// <summary>The inspections of one case (the case page's quality panel), newest first.</summary>
    public async Task<IReadOnlyList<QueueRow>> ForCaseAsync(int complaintId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.Inspections.AsNoTracking().Where(i => i.ComplaintId == complaintId).OrderByDescending(i => i.Id).Take(50)
            .Select(i => new QueueRow(i.Id, i.TrackingNumber, i.ComplaintId, i.HandlerName, i.HandlerTeam, i.Kind, i.Reasons, i.CaseWasOpen,
                i.WeekStart, i.Status, i.FinalTotal, i.InspectorName, i.CreatedAtUtc))
            .ToListAsync(ct);
    }

    public async Task<InspectionView?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var inspection = await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null) return null;
        var c = await db.Complaints.AsNoTracking().Where(x => x.Id == inspection.ComplaintId)
            .Select(x => new CaseSummary(x.Id, x.TrackingNumber, x.Title, x.Status, x.ArchivedFrom, x.Channel, x.Severity)).SingleAsync(ct);
        return new InspectionView(inspection, c, await AutoFillAsync(db, inspection.ComplaintId, ct), Weights);
    }

    /// <summary>Timeliness from the case's SLA clocks now (met on time vs met late/overdue), user evaluation from its satisfaction answer.</summary>
    public async Task<AutoFill> AutoFillAsync(int complaintId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await AutoFillAsync(db, complaintId, ct);
    }

    private async Task<AutoFill> AutoFillAsync(ComplaintOpsDb db, int complaintId, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaintId, ct);
        var now = _time.UtcNow;
        var states = _clock().Compute(complaint.SlaFacts).Clocks.Select(c => c.StateAt(now)).ToList();
        var satisfaction = await db.SatisfactionAnswers.AsNoTracking().Where(a => a.ComplaintId == complaintId).Select(a => (int?)a.Score).FirstOrDefaultAsync(ct);
        return new AutoFill(Scorecard.Timeliness(states), states.Count(s => s == SlaClockState.Met),
            states.Count(s => s is SlaClockState.MetLate or SlaClockState.Overdue), states.Count(s => s == SlaClockState.Running),
            satisfaction, Scorecard.UserEvaluation(satisfaction));
    }

    /// <summary>Scores an inspection: the manual dimensions from the form, timeliness and user evaluation from the case.</summary>
    public async Task<Inspection> ScoreAsync(long id, ScorecardInput input, Actor inspector, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new DomainException("InspectionNotFound", "No such inspection.");
        var auto = await AutoFillAsync(db, inspection.ComplaintId, ct);
        var scores = Scorecard.Dimensions.Select(d =>
        {
            var given = input.Scores.FirstOrDefault(s => s.Dimension == d);
            return d switch
            {
                QualityDimension.Timeliness => new DimensionScore(d, auto.Timeliness, given?.Comment, true),
                QualityDimension.UserEvaluation => new DimensionScore(d, auto.UserEvaluation, given?.Comment, true),
                _ => new DimensionScore(d, given?.Score, given?.Comment),
            };
        }).ToList();
        inspection.Score(inspector, Weights, scores, input.CriticalFail, input.CriticalFailNote, input.Comment, _time.UtcNow);
        await SaveAsync(db, ct);
        return inspection;
    }

    // ---- the handler's side and appeals -------------------------------------------------------------------------------

    /// <summary>A handler's own scored inspections (calibration copies are not theirs), newest first.</summary>
    public async Task<Paged<Inspection>> MyScoresAsync(string handlerId, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var q = db.Inspections.AsNoTracking()
            .Where(i => i.HandlerId == handlerId && i.Status != InspectionStatus.Queued && i.Kind != InspectionKind.Calibration);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(i => i.ScoredAtUtc).ThenByDescending(i => i.Id).Skip(Math.Max(page, 0) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Inspection>(rows, total);
    }

    public async Task<Inspection> AppealAsync(long id, string? reason, Actor handler, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new DomainException("InspectionNotFound", "No such inspection.");
        inspection.Appeal(handler, reason, _time.UtcNow);
        await SaveAsync(db, ct);
        return inspection;
    }

    public async Task<bool> IsSeniorAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.SeniorInspectors.AnyAsync(s => s.UserId == userId, ct);
    }

    public async Task GrantSeniorAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        if (await db.SeniorInspectors.AnyAsync(s => s.UserId == userId, ct)) return;
        db.SeniorInspectors.Add(new SeniorInspector { UserId = userId, GrantedAtUtc = _time.UtcNow });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Open appeals (oldest first) or decided ones (newest first).</summary>
    public async Task<Paged<Inspection>> AppealsAsync(bool open, int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var q = db.Inspections.AsNoTracking();
        q = open ? q.Where(i => i.Status == InspectionStatus.Appealed)
            : q.Where(i => i.Status == InspectionStatus.AppealUpheld || i.Status == InspectionStatus.AppealAdjusted);
        var total = await q.CountAsync(ct);
        var ordered = open ? q.OrderBy(i => i.AppealedAtUtc) : q.OrderByDescending(i => i.DecidedAtUtc);
        var rows = await ordered.ThenBy(i => i.Id).Skip(Math.Max(page, 0) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Inspection>(rows, total);
    }

    /// <summary>A senior inspector (from the senior-inspector table) decides an appeal on a score they did not give.</summary>
    public async Task<Inspection> DecideAppealAsync(long id, AppealDecision decision, double? adjustedTotal, string? reason, Actor senior, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new DomainException("InspectionNotFound", "No such inspection.");
        var isSenior = await db.SeniorInspectors.AnyAsync(s => s.UserId == senior.Id, ct);
        inspection.DecideAppeal(senior, isSenior, decision, adjustedTotal, reason, _time.UtcNow);
        await SaveAsync(db, ct);
        return inspection;
    }

    // ---- figures ------------------------------------------------------------------------------------------------------

    /// <summary>Average final score, count, critical fails and appeals per handler and per team (calibration copies excluded).</summary>
    public async Task<QualitySummary> SummaryAsync(DateTime? sinceUtc = null, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var q = db.Inspections.AsNoTracking().Where(i => i.Status != InspectionStatus.Queued && i.Kind != InspectionKind.Calibration);
        if (sinceUtc is { } since) q = q.Where(i => i.ScoredAtUtc >= since);
        var handlers = await q.GroupBy(i => new { i.HandlerId, i.HandlerName, i.HandlerTeam })
            .Select(g => new
            {
                g.Key.HandlerId, g.Key.HandlerName, g.Key.HandlerTeam, N = g.Count(), Avg = g.Average(i => i.FinalTotal ?? 0),
                Fails = g.Count(i => i.CriticalFail), Appeals = g.Count(i => i.AppealedAtUtc != null),
            })
            .ToListAsync(ct);
        var teams = await q.GroupBy(i => i.HandlerTeam)
            .Select(g => new { Team = g.Key, Handlers = g.Select(i => i.HandlerId).Distinct().Count(), N = g.Count(), Avg = g.Average(i => i.FinalTotal ?? 0), Fails = g.Count(i => i.CriticalFail) })
            .ToListAsync(ct);
        return new QualitySummary(
            handlers.Select(h => new HandlerQuality(h.HandlerId, h.HandlerName, h.HandlerTeam, h.N, Math.Round(h.Avg, 1), h.Fails, h.Appeals))
                .OrderBy(h => h.Average).ThenBy(h => h.HandlerName, StringComparer.Ordinal).ToList(),
            teams.Select(t => new TeamQuality(t.Team, t.Handlers, t.N, Math.Round(t.Avg, 1), t.Fails)).OrderBy(t => t.Team, StringComparer.Ordinal).ToList());
    }

    /// <summary>Cases two or more inspectors scored: the first scorecard compared with each other inspector's.</summary>
    public async Task<Paged<CalibrationRow>> CalibrationAsync(int page, int pageSize, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var scored = db.Inspections.AsNoTracking().Where(i => i.Status != InspectionStatus.Queued);
        var cases = scored.GroupBy(i => i.ComplaintId)
            .Where(g => g.Select(i => i.InspectorId).Distinct().Count() >= 2)
            .Select(g => new { ComplaintId = g.Key, Last = g.Max(i => i.ScoredAtUtc) });
        var total = await cases.CountAsync(ct);
        var ids = await cases.OrderByDescending(x => x.Last).ThenBy(x => x.ComplaintId).Skip(Math.Max(page, 0) * pageSize).Take(pageSize)
            .Select(x => x.ComplaintId).ToListAsync(ct);
        var inspections = await scored.Where(i => ids.Contains(i.ComplaintId)).ToListAsync(ct);
        var rows = new List<CalibrationRow>();
        foreach (var id in ids)
        {
            var ofCase = inspections.Where(i => i.ComplaintId == id).OrderBy(i => i.Kind == InspectionKind.Calibration).ThenBy(i => i.ScoredAtUtc).ToList();
            var first = ofCase[0];
            foreach (var other in ofCase.Skip(1).Where(o => o.InspectorId != first.InspectorId))
                rows.Add(new CalibrationRow(first.TrackingNumber, id, first.HandlerName, Calibration.Compare(first, other, _options.CalibrationTolerance)));
        }
        return new Paged<CalibrationRow>(rows, total);
    }

    private static async Task SaveAsync(ComplaintOpsDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("QualityChanged", "Someone else changed this meanwhile; reload and try again.");
        }
    }
}
