using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.CrisisBoard;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Satisfaction;

/// <summary>One cut of the satisfaction rate (a day, a handler, a type, a channel).</summary>
public sealed record SatisfactionCut(string Key, SatisfactionFigure Figure);

public sealed record SatisfactionBreakdown(
    IReadOnlyList<SatisfactionCut> ByDay, IReadOnlyList<SatisfactionCut> ByHandler,
    IReadOnlyList<SatisfactionCut> ByType, IReadOnlyList<SatisfactionCut> ByChannel);

/// <summary>
/// Satisfaction rate = answers with 4 or 5 stars ÷ all answers (R26); counted in SQL over the answers table, by the
/// business day the answer came in. Feeds the board's tiles (replacing <see cref="NoSatisfactionFigures"/>).
/// </summary>
public sealed class SatisfactionFigures(IDbContextFactory<ComplaintOpsDb> dbFactory, WorkingCalendarService calendar) : ISatisfactionFigures
{
    public async Task<SatisfactionSnapshot> GetAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var today = calendar.Clock.BusinessDate(nowUtc);
        var from = today.AddDays(-29);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var days = await db.Set<SatisfactionAnswer>().AsNoTracking().Where(a => a.AnsweredOn >= from && a.AnsweredOn <= today)
            .GroupBy(a => a.AnsweredOn).Select(g => new { Day = g.Key, Answers = g.Count(), Satisfied = g.Count(a => a.Score >= 4) }).ToListAsync(ct);
        SatisfactionFigure Sum(DateOnly since) => new(days.Where(d => d.Day >= since).Sum(d => d.Answers), days.Where(d => d.Day >= since).Sum(d => d.Satisfied));
        return new SatisfactionSnapshot(Sum(today), Sum(today.AddDays(-6)), Sum(from));
    }

    /// <summary>The rate by day, handler, problem type and channel between two business days (inclusive).</summary>
    public async Task<SatisfactionBreakdown> BreakdownAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<SatisfactionAnswer>().AsNoTracking().Where(a => a.AnsweredOn >= from && a.AnsweredOn <= to);
        var byDay = await q.GroupBy(a => a.AnsweredOn).Select(g => new { g.Key, N = g.Count(), S = g.Count(a => a.Score >= 4) }).ToListAsync(ct);
        var byHandler = await q.GroupBy(a => a.HandlerName ?? "—").Select(g => new { g.Key, N = g.Count(), S = g.Count(a => a.Score >= 4) }).ToListAsync(ct);
        var byType = await q.GroupBy(a => a.ProblemType).Select(g => new { g.Key, N = g.Count(), S = g.Count(a => a.Score >= 4) }).ToListAsync(ct);
        var byChannel = await q.GroupBy(a => a.Channel).Select(g => new { g.Key, N = g.Count(), S = g.Count(a => a.Score >= 4) }).ToListAsync(ct);
        return new SatisfactionBreakdown(
            byDay.OrderBy(x => x.Key).Select(x => new SatisfactionCut(x.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), new(x.N, x.S))).ToList(),
            byHandler.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => new SatisfactionCut(x.Key, new(x.N, x.S))).ToList(),
            byType.OrderBy(x => x.Key).Select(x => new SatisfactionCut(x.Key.ToString(), new(x.N, x.S))).ToList(),
            byChannel.OrderBy(x => x.Key).Select(x => new SatisfactionCut(x.Key.ToString(), new(x.N, x.S))).ToList());
    }
}
