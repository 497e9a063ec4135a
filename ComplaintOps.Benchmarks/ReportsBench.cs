extern alias app;

using System.Diagnostics;
using System.Globalization;
using app::ComplaintOps.Domain.Complaints;
using app::ComplaintOps.Domain.Privacy;
using app::ComplaintOps.Features.Reports;
using app::ComplaintOps.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Benchmarks;

/// <summary>
/// Issue 7 §4: the monthly workbook for a month of 100,000 complaints (all thirteen sheets, through the app's own
/// <see cref="ReportService"/>), beside the floor: the same detail rows read with raw Microsoft.Data.Sqlite, masked, and written
/// with the OpenXML SDK's SAX writer (<see cref="OpenXmlWriter"/>) into a one-sheet workbook, in the same process and run.
/// Time and peak memory (working set sampled every 20 ms during each run) of both. Goal: ≤ 3× the floor's time, peak &lt; 1 GiB.
/// </summary>
internal static class ReportsBench
{
    private const double GoalRatio = 3;
    private const long GoalPeakBytes = 1L << 30;

    public static async Task RunAsync(string root, string[] args)
    {
        var parsed = BenchOptions.Parse(args, root);
        var options = parsed with
        {
            DatabasePath = args.Contains("--db") ? parsed.DatabasePath : Path.Combine(root, "data", "bench", "reports-100k.db"),
            Count = args.Contains("--count") ? parsed.Count : 100_000,
            Iterations = args.Contains("--iterations") ? parsed.Iterations : 5,
            Warmup = args.Contains("--warmup") ? parsed.Warmup : 1,
        };
        // The whole count arrives within the last 30 days: one month of complaints.
        options = options with { PerDay = parsed.PerDay ?? options.Count / 30.0 };
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load average {BenchSql.LoadAverage()}");
        await BenchDatabase.EnsureAsync(root, options);

        var reportsDir = Path.Combine(root, "data", "bench", "reports");
        await using var factory = new ReportsAppFactory(root, options.DatabasePath, reportsDir);
        var services = factory.Services;
        var time = services.GetRequiredService<BusinessTime>();
        var reports = services.GetRequiredService<ReportService>();
        var queries = services.GetRequiredService<ReportQueries>();
        var today = time.Today;
        var period = new ReportPeriod(today.AddDays(-30), today);
        var (fromUtc, toUtc) = queries.Window(period);
        var connectionString = $"Data Source={options.DatabasePath}";
        var floorPath = Path.Combine(reportsDir, "floor.xlsx");
        Directory.CreateDirectory(reportsDir);

        long rows;
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM Complaints WHERE ReceivedAtUtc >= @from AND ReceivedAtUtc < @to";
            count.Parameters.AddWithValue("@from", fromUtc);
            count.Parameters.AddWithValue("@to", toUtc);
            rows = Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }
        Console.WriteLine($"Period {period} ({period.Days} days): {rows:N0} complaints in {options.DatabasePath}");

        StoredReport? made = null;
        var floorRows = 0L;
        var app = new List<double>();
        var floor = new List<double>();
        long appPeak = 0, floorPeak = 0, appAlloc = 0, floorAlloc = 0;
        for (var i = 0; i < options.Warmup + options.Iterations; i++)
        {
            var timed = i >= options.Warmup;
            // Alternate which goes first, as the other benches do.
            foreach (var which in i % 2 == 0 ? new[] { "floor", "app" } : ["app", "floor"])
            {
                var (ms, peak, alloc) = which == "app"
                    ? await MeasureAsync(async () => made = await reports.MakeAsync(period, "zh-CN"))
                    : await MeasureAsync(async () => floorRows = await FloorAsync(connectionString, fromUtc, toUtc, time, floorPath));
                Console.WriteLine($"  {(timed ? "run" : "warm-up")} {i + 1} {which}: {ms:F0} ms, peak working set {peak / 1048576.0:F0} MB, allocated {alloc / 1048576.0:F0} MB");
                if (!timed) continue;
                if (which == "app") { app.Add(ms); appPeak = Math.Max(appPeak, peak); appAlloc = Math.Max(appAlloc, alloc); }
                else { floor.Add(ms); floorPeak = Math.Max(floorPeak, peak); floorAlloc = Math.Max(floorAlloc, alloc); }
            }
        }
        if (floorRows != rows) throw new InvalidOperationException($"The floor wrote {floorRows} rows, expected {rows}.");
        using (var check = new ClosedXML.Excel.XLWorkbook(Path.Combine(reportsDir, made!.FileName)))
        {
            var detailRows = check.Worksheets.Last().LastRowUsed()!.RowNumber() - 1;
            if (detailRows != rows) throw new InvalidOperationException($"The workbook's detail sheet has {detailRows} rows, expected {rows}.");
            Console.WriteLine($"Check: workbook {made.FileName} ({made.SizeBytes / 1048576.0:F1} MB, {check.Worksheets.Count} sheets) and floor ({new FileInfo(floorPath).Length / 1048576.0:F1} MB) both hold {rows:N0} detail rows.");
        }

        var a = Stats.Of(app);
        var f = Stats.Of(floor);
        static string S(double v) => v.ToString("F0", CultureInfo.InvariantCulture);
        static string X(double v) => v.ToString("F2", CultureInfo.InvariantCulture) + "×";
        static string Mb(long v) => (v / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
        var met = a.P99 <= GoalRatio * f.P99 && appPeak < GoalPeakBytes;
        Console.WriteLine();
        Console.WriteLine("| Case | App p50 ms | App p99 ms | Floor p50 ms | Floor p99 ms | p50 ratio | p99 ratio | App peak MB | Floor peak MB | App alloc MB | Floor alloc MB | Goal |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine($"| workbook, {rows:N0} complaints ({options.Iterations} runs) | {S(a.P50)} | {S(a.P99)} | {S(f.P50)} | {S(f.P99)} | {X(a.P50 / f.P50)} | {X(a.P99 / f.P99)} | {Mb(appPeak)} | {Mb(floorPeak)} | {Mb(appAlloc)} | {Mb(floorAlloc)} | {(met ? "met" : a.P99 > GoalRatio * f.P99 ? "miss: p99 > 3× floor" : "miss: peak ≥ 1 GiB")} |");
        Console.WriteLine();
        Console.WriteLine(met ? "Goal met." : "Goal NOT met.");
    }

    private static async Task<(double Millis, long PeakWorkingSet, long Allocated)> MeasureAsync(Func<Task> run)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        var peak = 0L;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await run();
        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        await stop.CancelAsync();
        await sampler;
        return (watch.Elapsed.TotalMilliseconds, peak, allocated);
    }

    private static readonly string[] Headers =
        ["编号", "受理时间", "渠道", "省份", "产品线", "问题类型", "问题子类", "严重程度", "风险等级", "状态", "投诉人", "电话", "被投诉方", "处理人", "首次回复时间", "办结时间"];

    /// <summary>The floor: the detail sheet's rows, read with raw SQL, masked and written with OpenXmlWriter (inline strings, one date style).</summary>
    private static async Task<long> FloorAsync(string connectionString, DateTime fromUtc, DateTime toUtc, BusinessTime time, string path)
    {
        static string[] Names<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => v.ToString()).ToArray();
        var channel = Enum.GetValues<Channel>().ToDictionary(v => (int)v, v => v.ToString());
        var subType = Enum.GetValues<ProblemSubType>().ToDictionary(v => (int)v, v => v.ToString());
        var type = Names<ProblemType>();
        var severity = Names<ComplaintSeverity>();
        var risk = Enum.GetValues<RiskLevel>().ToDictionary(v => (int)v, v => v.ToString());
        var status = Names<ComplaintStatus>();

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText =
            "SELECT TrackingNumber, ReceivedAtUtc, Channel, Province, ProductLine, ProblemSubType, Severity, RiskLevel, Status, ComplainantName, ComplainantPhone, " +
            "RespondentName, HandlerName, FirstReplyAtUtc, FinishedAtUtc FROM Complaints WHERE ReceivedAtUtc >= @from AND ReceivedAtUtc < @to ORDER BY ReceivedAtUtc, Id";
        select.Parameters.AddWithValue("@from", fromUtc);
        select.Parameters.AddWithValue("@to", toUtc);

        using var doc = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var wbPart = doc.AddWorkbookPart();
        wbPart.Workbook = new Workbook();
        var styles = wbPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm" }) { Count = 1 },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 2 });
        var sheetPart = wbPart.AddNewPart<WorksheetPart>();
        long n = 0;
        await using (var reader = await select.ExecuteReaderAsync())
        using (var w = OpenXmlWriter.Create(sheetPart))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetData());
            var values = new object?[16];
            var r = 1u;
            WriteRow(w, r, Headers);
            while (await reader.ReadAsync())
            {
                var sub = reader.GetInt32(5);
                values[0] = reader.GetString(0);
                values[1] = time.ToBusiness(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
                values[2] = channel[reader.GetInt32(2)];
                values[3] = reader.GetString(3);
                values[4] = reader.GetString(4);
                values[5] = type[sub / 10];
                values[6] = subType[sub];
                values[7] = severity[reader.GetInt32(6)];
                values[8] = risk[reader.GetInt32(7)];
                values[9] = status[reader.GetInt32(8)];
                values[10] = Mask.Name(reader.GetString(9));
                values[11] = Mask.Phone(reader.GetString(10));
                values[12] = reader.GetString(11);
                values[13] = reader.IsDBNull(12) ? null : reader.GetString(12);
                values[14] = reader.IsDBNull(13) ? null : time.ToBusiness(DateTime.SpecifyKind(reader.GetDateTime(13), DateTimeKind.Utc));
                values[15] = reader.IsDBNull(14) ? null : time.ToBusiness(DateTime.SpecifyKind(reader.GetDateTime(14), DateTimeKind.Utc));
                WriteRow(w, ++r, values);
                n++;
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        wbPart.Workbook.AppendChild(new Sheets(new Sheet { Id = wbPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "明细" }));
        wbPart.Workbook.Save();
        return n;
    }

    private static void WriteRow(OpenXmlWriter w, uint row, object?[] values)
    {
        w.WriteStartElement(new Row { RowIndex = row });
        foreach (var v in values)
        {
            switch (v)
            {
                case null:
                    w.WriteElement(new Cell());
                    break;
                case DateTime t:
                    w.WriteElement(new Cell { StyleIndex = 1, CellValue = new CellValue(t.ToOADate().ToString("R", CultureInfo.InvariantCulture)) });
                    break;
                default:
                    w.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text((string)v)) });
                    break;
            }
        }
        w.WriteEndElement();
    }

    private sealed class ReportsAppFactory(string root, string databasePath, string reportsPath) : WebApplicationFactory<app::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(root);
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:DatabasePath", databasePath);
            builder.UseSetting("Storage:ReportsPath", reportsPath);
            builder.UseSetting("Seeding:Demo", "false");
            builder.UseSetting("Scheduling:Enabled", "false");
            builder.UseSetting("Routing:Background", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
