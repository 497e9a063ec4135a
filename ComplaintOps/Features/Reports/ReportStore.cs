using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintOps.Infrastructure;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Reports;

public sealed record StoredReport(string FileName, ReportPeriod Period, string Culture, long SizeBytes, DateTime WrittenAtUtc);

/// <summary>
/// The stored workbooks under Storage:ReportsPath (data/reports/ by default), one file per period and language; history is kept.
/// A file is written under a temporary name in the same folder and moved over the old one in one rename, so a reader
/// (download, listing) only ever sees a complete workbook — the old one or the new one.
/// </summary>
public sealed partial class ReportStore(IOptions<StorageOptions> storage, IHostEnvironment env)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string Directory => storage.Value.ResolveReportsPath(env.ContentRootPath);

    public static string FileNameFor(ReportPeriod period, string culture) => $"complaintops-report-{period.Key}.{culture}.xlsx";

    /// <summary>Only names this store writes are accepted (so a download can never reach another file).</summary>
    public static bool TryParseFileName(string fileName, out ReportPeriod? period, out string culture)
    {
        period = null;
        culture = "";
        var m = FileNamePattern().Match(fileName);
        if (!m.Success || !ReportPeriod.TryParseKey(m.Groups["key"].Value, out period)) return false;
        culture = m.Groups["culture"].Value;
        return true;
    }

    public IReadOnlyList<StoredReport> List()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        return System.IO.Directory.EnumerateFiles(Directory, "complaintops-report-*.xlsx")
            .Select(path => (path, name: Path.GetFileName(path)))
            .Where(f => TryParseFileName(f.name, out _, out _))
            .Select(f =>
            {
                TryParseFileName(f.name, out var period, out var culture);
                var info = new FileInfo(f.path);
                return new StoredReport(f.name, period!, culture, info.Length, info.LastWriteTimeUtc);
            })
            .OrderByDescending(r => r.Period.To).ThenByDescending(r => r.Period.From).ThenBy(r => r.Culture, StringComparer.Ordinal)
            .ToList();
    }

    public StoredReport? Find(string fileName) =>
        TryParseFileName(fileName, out _, out _) ? List().FirstOrDefault(r => r.FileName == fileName) : null;

    public string PathOf(StoredReport report) => Path.Combine(Directory, report.FileName);

    /// <summary>Writes with <paramref name="write"/> to a temporary file beside the target, then replaces the target atomically.</summary>
    public async Task<StoredReport> WriteAtomicallyAsync(ReportPeriod period, string culture, Func<string, Task> write)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = FileNameFor(period, culture);
        var target = Path.Combine(Directory, name);
        // ClosedXML wants an .xlsx extension; the leading ".tmp-" keeps it out of listings.
        var temp = Path.Combine(Directory, $".tmp-{Guid.NewGuid():N}-{name}");
        try
        {
            await write(temp);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        var info = new FileInfo(target);
        return new StoredReport(name, period, culture, info.Length, info.LastWriteTimeUtc);
    }

    public static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024d).ToString("F1", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024d).ToString("F0", CultureInfo.InvariantCulture) + " KB";

    [GeneratedRegex(@"^complaintops-report-(?<key>[0-9_-]{7,21})\.(?<culture>zh-CN|en)\.xlsx$")]
    private static partial Regex FileNamePattern();
}
