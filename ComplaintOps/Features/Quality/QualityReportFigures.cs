using ComplaintOps.Data;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Features.Reports;
using ReportQualitySummary = ComplaintOps.Features.Reports.QualitySummary;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Quality;

/// <summary>
/// The monthly workbook's quality figures (R31): scorecards scored in the period — calibration copies excluded, final
/// totals after appeals — per team and in all, and each handler's average for the handler performance sheet.
/// </summary>
public sealed class QualityReportFigures(IDbContextFactory<ComplaintOpsDb> dbFactory) : IQualityFigures
{
    /// <summary>A final total under this (or a critical fail, which scores 0) is below standard.</summary>
    public const double Standard = 60;

    public async Task<ReportQualitySummary> SummaryAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scored = await db.Inspections.AsNoTracking()
            .Where(i => i.Status != InspectionStatus.Queued && i.Kind != InspectionKind.Calibration && i.ScoredAtUtc >= fromUtc && i.ScoredAtUtc < toUtc)
            .Select(i => new { i.HandlerId, i.HandlerName, i.HandlerTeam, Total = i.FinalTotal ?? i.Total ?? 0 })
            .ToListAsync(ct);
        if (scored.Count == 0) return ReportQualitySummary.None;

        QualityRow Row(string name, IReadOnlyCollection<double> totals) =>
            new(name, totals.Count, Math.Round(totals.Average(), 1), totals.Count(t => t < Standard));
        var rows = scored.GroupBy(i => i.HandlerTeam).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.Select(i => i.Total).ToList()))
            .Append(Row("∑", scored.Select(i => i.Total).ToList()))
            .ToList();
        var handlers = scored.GroupBy(i => (i.HandlerId, i.HandlerName))
            .Select(g => new QualityHandlerScore(g.Key.HandlerId, g.Key.HandlerName, g.Count(), Math.Round(g.Average(i => i.Total), 1)))
            .OrderBy(h => h.HandlerName, StringComparer.Ordinal)
            .ToList();
        return new ReportQualitySummary(rows, handlers);
    }
}
