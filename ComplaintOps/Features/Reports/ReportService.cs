using System.Globalization;

namespace ComplaintOps.Features.Reports;

/// <summary>Makes a period's workbook and stores it (replacing an earlier one of the same period and language).</summary>
public sealed class ReportService(ReportQueries queries, ReportWorkbook workbook, ReportStore store, ILogger<ReportService> log)
{
    public static readonly string[] Cultures = ["zh-CN", "en"];

    public async Task<StoredReport> MakeAsync(ReportPeriod period, string culture, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (!Cultures.Contains(culture, StringComparer.Ordinal)) throw new ArgumentException($"Unsupported language '{culture}'.", nameof(culture));
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        // Sheet names, headers and enum texts in the chosen language (flows with the async calls below).
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            progress?.Report(5);
            var data = await queries.LoadAsync(period, ct);
            progress?.Report(40);
            var stored = await store.WriteAtomicallyAsync(period, culture,
                path => workbook.WriteAsync(path, data, queries.DetailRowsAsync(period, ct), progress, ct));
            progress?.Report(100);
            log.LogInformation("Report {File} made: {Complaints} complaints, {Bytes} bytes in {Seconds:F1} s",
                stored.FileName, data.Received, stored.SizeBytes, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            return stored;
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = current;
        }
    }
}
