using ComplaintOps.Data;
using ComplaintOps.Domain.AnswerRate;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.AnswerRate;

public sealed record ImportResult(int Added, int Replaced, IReadOnlyList<CsvLineError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

public sealed record AnswerRateSummary(DateOnly Today, AnswerRateFigure TodayFigure, AnswerRateFigure MonthFigure, IReadOnlyList<CallIntervalRow> TodayIntervals);

/// <summary>Imports call-centre interval figures (all or none, upsert by interval start) and sums them into answer rates (R14).</summary>
public sealed class AnswerRateService(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time)
{
    public const int MaxFileBytes = 2 * 1024 * 1024;

    public async Task<ImportResult> ImportCsvAsync(string csv, Actor by, CancellationToken ct = default)
    {
        var parsed = CallIntervalCsv.Parse(csv);
        return parsed.Ok ? await SaveAsync(parsed.Rows, by, ct) : new ImportResult(0, 0, parsed.Errors);
    }

    /// <summary>Rows from the API; errors name the row's position (1-based) as its "line".</summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<CallIntervalRow> rows, Actor by, CancellationToken ct = default)
    {
        var errors = new List<CsvLineError>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (CallIntervalRules.Check(rows[i]) is { } e) errors.Add(new(i + 1, e.Code, e.Message));
            else if (rows.Take(i).Any(r => r.IntervalStartLocal == rows[i].IntervalStartLocal)) errors.Add(new(i + 1, "DuplicateInterval", "The same interval appears twice."));
        }
        if (rows.Count == 0) errors.Add(new(1, "NoRows", "No intervals were sent."));
        return errors.Count == 0 ? await SaveAsync(rows, by, ct) : new ImportResult(0, 0, errors);
    }

    private async Task<ImportResult> SaveAsync(IReadOnlyList<CallIntervalRow> rows, Actor by, CancellationToken ct)
    {
        var now = time.UtcNow;
        var byStart = rows.ToDictionary(r => TimeZoneInfo.ConvertTimeToUtc(r.IntervalStartLocal, time.Zone));
        var starts = byStart.Keys.ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.CallIntervals.Where(x => starts.Contains(x.IntervalStartUtc)).ToDictionaryAsync(x => x.IntervalStartUtc, ct);
        foreach (var (start, row) in byStart)
        {
            if (!existing.TryGetValue(start, out var interval))
            {
                interval = new CallInterval { IntervalStartUtc = start };
                db.CallIntervals.Add(interval);
            }
            interval.Offered = row.Offered;
            interval.Answered = row.Answered;
            interval.Abandoned = row.Abandoned;
            interval.ImportedAtUtc = now;
            interval.ImportedBy = by.Name;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ImportResult(byStart.Count - existing.Count, existing.Count, []);
    }

    /// <summary>Today's and this month's figures in business time; a month is at most 1,488 intervals, read by the key's range.</summary>
    public async Task<AnswerRateSummary> SummaryAsync(CancellationToken ct = default)
    {
        var today = time.Today;
        var monthStart = time.StartOfDayUtc(new DateOnly(today.Year, today.Month, 1));
        var monthEnd = time.StartOfDayUtc(new DateOnly(today.Year, today.Month, 1).AddMonths(1));
        var dayStart = time.StartOfDayUtc(today);
        var dayEnd = time.StartOfDayUtc(today.AddDays(1));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var month = await db.CallIntervals.AsNoTracking()
            .Where(x => x.IntervalStartUtc >= monthStart && x.IntervalStartUtc < monthEnd)
            .OrderBy(x => x.IntervalStartUtc)
            .Select(x => new { x.IntervalStartUtc, x.Offered, x.Answered, x.Abandoned })
            .ToListAsync(ct);
        var rows = month.Select(x => (x.IntervalStartUtc, Row: new CallIntervalRow(time.ToBusiness(x.IntervalStartUtc), x.Offered, x.Answered, x.Abandoned))).ToList();
        var todayRows = rows.Where(r => r.IntervalStartUtc >= dayStart && r.IntervalStartUtc < dayEnd).Select(r => r.Row).ToList();
        return new AnswerRateSummary(today, AnswerRateFigure.Sum(todayRows), AnswerRateFigure.Sum(rows.Select(r => r.Row)), todayRows);
    }

    /// <summary>The answer rate over intervals starting in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) — a report's period (issue 7); summed like the board's figures.</summary>
    public async Task<AnswerRateFigure> FigureAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.CallIntervals.AsNoTracking()
            .Where(x => x.IntervalStartUtc >= fromUtc && x.IntervalStartUtc < toUtc)
            .Select(x => new { x.IntervalStartUtc, x.Offered, x.Answered, x.Abandoned })
            .ToListAsync(ct);
        return AnswerRateFigure.Sum(rows.Select(x => new CallIntervalRow(time.ToBusiness(x.IntervalStartUtc), x.Offered, x.Answered, x.Abandoned)));
    }
}
