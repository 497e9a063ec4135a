namespace ComplaintOps.Features.Reports;

/// <summary>One line of the quality inspection summary (R31): a scorecard item, inspector or team, as the quality feature defines it.</summary>
public sealed record QualityRow(string Name, int Inspections, double? AverageScore, int BelowStandard);

/// <summary>A handler's average inspection score in the period (handler performance sheet, "quality score").</summary>
public sealed record QualityHandlerScore(string HandlerId, string HandlerName, int Inspections, double AverageScore);

public sealed record QualitySummary(IReadOnlyList<QualityRow> Rows, IReadOnlyList<QualityHandlerScore> Handlers)
{
    public static readonly QualitySummary None = new([], []);
    public bool HasInspections => Rows.Count > 0 || Handlers.Count > 0;
}

/// <summary>
/// What the report reads about quality inspection (R31). The quality feature (issue 6 §3, built in parallel) registers its
/// implementation with <c>services.AddSingleton&lt;IQualityFigures, …&gt;()</c>, which replaces <see cref="NoQualityFigures"/>
/// (added with TryAdd). Until then the sheet says "no inspections" and the quality score column is empty.
/// </summary>
public interface IQualityFigures
{
    /// <summary>Inspections made in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    Task<QualitySummary> SummaryAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default);
}

public sealed class NoQualityFigures : IQualityFigures
{
    public Task<QualitySummary> SummaryAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct = default) => Task.FromResult(QualitySummary.None);
}
