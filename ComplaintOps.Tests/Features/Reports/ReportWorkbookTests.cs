using ComplaintOps.Domain.Quality;
using System.Globalization;
using ClosedXML.Excel;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Reports;
using ComplaintOps.Resources;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ComplaintOps.Tests.Features.Reports;

/// <summary>
/// Issue 7 §3: October's workbook, opened with ClosedXML; every sheet's figures against aggregates computed here from the
/// database independently (rows read into memory and counted with LINQ to objects, not the report's SQL).
/// </summary>
public sealed class ReportWorkbookTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private XLWorkbook _wb = null!;
    private string _path = "";
    private List<C> _all = null!;
    private List<C> _oct = null!;
    private IStringLocalizer _l = null!;

    /// <summary>The localizer in English (the culture set in InitializeAsync does not flow into the test methods).</summary>
    private IStringLocalizer L
    {
        get
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            return _l;
        }
    }

    private sealed record C(int Id, string TrackingNumber, DateTime ReceivedAtUtc, Channel Channel, string Province, string Name, string Phone, string ProductLine,
        ProblemSubType SubType, ComplaintSeverity Severity, ComplaintStatus Status, string? HandlerId, string? HandlerName, string RespondentName,
        DateTime? FirstReplyAtUtc, DateTime? FinishedAtUtc, DateTime? AcceptedAtUtc, DateTime? FirstReplyDueUtc, DateTime? LetterReplyDueUtc, DateTime? ProgressDueUtc);

    public async Task InitializeAsync()
    {
        app.CreateClient();
        await ReportTestData.EnsureAsync(app);
        var report = await app.Services.GetRequiredService<ReportService>().MakeAsync(ReportTestData.October, "en");
        _path = app.Services.GetRequiredService<ReportStore>().PathOf(report);
        _wb = new XLWorkbook(_path);
        await using var db = app.OpenDb();
        _all = await db.Complaints.AsNoTracking().Select(c => new C(c.Id, c.TrackingNumber, c.ReceivedAtUtc, c.Channel, c.Complainant.Province, c.Complainant.Name, c.Complainant.Phone,
            c.ProductLine, c.ProblemSubType, c.Severity, c.Status, c.HandlerId, c.HandlerName, c.Respondent.Name, c.FirstReplyAtUtc, c.FinishedAtUtc, c.AcceptedAtUtc,
            c.FirstReplyDueUtc, c.LetterReplyDueUtc, c.ProgressFeedbackDueUtc)).ToListAsync();
        _oct = _all.Where(c => c.ReceivedAtUtc >= ReportTestData.FromUtc && c.ReceivedAtUtc < ReportTestData.ToUtc).ToList();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        _l = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    public Task DisposeAsync()
    {
        _wb.Dispose();
        return Task.CompletedTask;
    }

    private IXLWorksheet Sheet(string key) => _wb.Worksheet(L[$"Reports.Sheet.{key}"].Value);

    private static IEnumerable<IXLRow> DataRows(IXLWorksheet ws) => ws.RowsUsed().Skip(1).TakeWhile(r => !r.Cell(1).IsEmpty());

    private string E<T>(T value) where T : struct, Enum => L[$"{typeof(T).Name}.{value}"];

    [Fact]
    public void R14_R15_R16_R17_R26_summary_kpis_equal_the_database()
    {
        var ws = Sheet("Summary");
        Assert.Equal(1, ws.SheetView.SplitRow);
        var rows = DataRows(ws).ToDictionary(r => r.Cell(1).GetString());
        Assert.True(_oct.Count > 50, "the demo data has October complaints");

        var last = ReportTestData.ToUtc.AddTicks(-1);
        DateTime? Answered(C c) => c.FirstReplyAtUtc ?? c.FinishedAtUtc;
        bool Ended(C c, DateTime? due) => Answered(c) is { } a ? a >= ReportTestData.FromUtc && a <= last : due >= ReportTestData.FromUtc && due <= last;
        var first = _all.Where(c => c.FirstReplyDueUtc != null && Ended(c, c.FirstReplyDueUtc)).ToList();
        var letters = _all.Where(c => c.LetterReplyDueUtc != null && Ended(c, c.LetterReplyDueUtc)).ToList();
        var progress = _all.Where(c => c.ProgressDueUtc != null && c.AcceptedAtUtc <= last && (c.FinishedAtUtc == null || c.FinishedAtUtc > last)).ToList();
        AssertRate(rows[L["Reports.Kpi.FirstReply"]], first.Count, first.Count(c => Answered(c) <= c.FirstReplyDueUtc));
        AssertRate(rows[L["Reports.Kpi.LetterReply"]], letters.Count, letters.Count(c => Answered(c) <= c.LetterReplyDueUtc));
        AssertRate(rows[L["Reports.Kpi.ProgressFeedback"]], progress.Count, progress.Count(c => c.ProgressDueUtc >= last));
        Assert.True(first.Count > 0, "some first-reply clocks ended in October");

        // Call intervals of October (business time): 120 + 80 offered, 100 + 75 answered (87.5% > 85%); September's interval not counted.
        AssertRate(rows[L["Reports.Kpi.AnswerRate"]], 200, 175);
        Assert.Equal(L["Reports.Yes"].Value, rows[L["Reports.Kpi.AnswerRate"]].Cell(9).GetString());
        Assert.Equal(50, rows[L["Reports.Kpi.AnswerRate"]].Cell(8).GetValue<long>());
        using (var db = app.OpenDb())
        {
            var answers = db.SatisfactionAnswers.AsNoTracking().ToList().Where(a => a.AnsweredOn >= new DateOnly(2026, 10, 1) && a.AnsweredOn <= new DateOnly(2026, 10, 31)).ToList();
            AssertRate(rows[L["Reports.Kpi.Satisfaction"]], answers.Count, answers.Count(a => a.Score >= 4));
        }
        Assert.Equal(0.85, rows[L["Reports.Kpi.AnswerRate"]].Cell(4).GetDouble(), 6);
        Assert.Equal("0.0%", rows[L["Reports.Kpi.FirstReply"]].Cell(5).Style.NumberFormat.Format);

        var received = ws.RowsUsed().Single(r => r.Cell(1).GetString() == L["Reports.Received"]);
        Assert.Equal(_oct.Count, received.Cell(6).GetValue<int>());
        var september = _all.Count(c => c.ReceivedAtUtc >= new DateTime(2026, 8, 31, 16, 0, 0, DateTimeKind.Utc) && c.ReceivedAtUtc < ReportTestData.FromUtc);
        Assert.Equal(september, received.Cell(8).GetValue<int>());
    }

    private static void AssertRate(IXLRow row, long measured, long onTime)
    {
        Assert.Equal(measured, row.Cell(6).GetValue<long>());
        if (measured == 0) Assert.True(row.Cell(5).IsEmpty());
        else Assert.Equal((double)onTime / measured, row.Cell(5).GetDouble(), 9);
    }

    [Fact]
    public void R9_R32_type_channel_and_province_sheets_equal_the_database()
    {
        var byType = DataRows(Sheet("ByType")).ToDictionary(r => r.Cell(2).GetString(), r => r.Cell(3).GetValue<int>());
        Assert.Equal(_oct.GroupBy(c => c.SubType).ToDictionary(g => E(g.Key), g => g.Count()), byType);
        var typeRow = DataRows(Sheet("ByType")).First();
        Assert.Equal(E(ProblemTaxonomy.TypeOf(_oct.GroupBy(c => c.SubType).OrderBy(g => ProblemTaxonomy.TypeOf(g.Key)).ThenBy(g => g.Key).First().Key)), typeRow.Cell(1).GetString());

        var byChannel = DataRows(Sheet("ByChannel")).ToDictionary(r => r.Cell(1).GetString(), r => (r.Cell(2).GetValue<int>(), r.Cell(4).GetValue<int>()));
        Assert.Equal(_oct.GroupBy(c => c.Channel).ToDictionary(g => E(g.Key), g => (g.Count(), g.Count(c => c.Severity == ComplaintSeverity.HighRisk))), byChannel);

        var byProvince = DataRows(Sheet("ByProvince")).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetValue<int>());
        Assert.Equal(_oct.GroupBy(c => c.Province).ToDictionary(g => g.Key, g => g.Count()), byProvince);
        Assert.Equal(1.0, DataRows(Sheet("ByProvince")).Sum(r => r.Cell(3).GetDouble()), 6);
    }

    [Fact]
    public void R12_R29_high_risk_register_lists_the_months_high_risk_cases_masked()
    {
        var rows = DataRows(Sheet("HighRisk")).ToList();
        var expected = _oct.Where(c => c.Severity == ComplaintSeverity.HighRisk).ToList();
        Assert.Equal(expected.Select(c => c.TrackingNumber).Order(), rows.Select(r => r.Cell(1).GetString()).Order());
        foreach (var r in rows)
        {
            var c = expected.Single(x => x.TrackingNumber == r.Cell(1).GetString());
            Assert.Equal(ComplaintOps.Domain.Privacy.Mask.Name(c.Name), r.Cell(6).GetString());
            Assert.NotEqual(c.Name, r.Cell(6).GetString());
        }
    }

    [Fact]
    public void R15_R16_R17_sla_breaches_are_the_late_clocks_behind_the_summary()
    {
        var summary = DataRows(Sheet("Summary")).ToDictionary(r => r.Cell(1).GetString());
        var breaches = DataRows(Sheet("SlaBreaches")).GroupBy(r => r.Cell(1).GetString()).ToDictionary(g => g.Key, g => g.Count());
        foreach (var key in new[] { "FirstReply", "LetterReply", "ProgressFeedback" })
        {
            var row = summary[L[$"Reports.Kpi.{key}"]];
            var measured = row.Cell(6).GetValue<long>();
            var late = measured == 0 ? 0 : (long)Math.Round(measured * (1 - row.Cell(5).GetDouble()));
            Assert.Equal(late, breaches.GetValueOrDefault(L[$"Reports.Kpi.{key}"]));
        }
    }

    [Fact]
    public void R33_handler_performance_equals_the_database()
    {
        var rows = DataRows(Sheet("Handlers")).ToDictionary(r => r.Cell(1).GetString(), r => (r.Cell(2).GetValue<int>(), r.Cell(3).GetValue<int>()));
        var expected = _oct.Where(c => c.HandlerId != null).GroupBy(c => c.HandlerName ?? "")
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(c => c.FinishedAtUtc != null)));
        foreach (var (name, figures) in expected) Assert.Equal(figures, rows[name]);
        Assert.Equal(expected.Values.Sum(v => v.Item1), rows.Values.Sum(v => v.Item1));
        // Each handler's average quality score of October's scorecards (R31), from the inspections table.
        using (var db = app.OpenDb())
        {
            var scored = db.Inspections.AsNoTracking().ToList()
                .Where(i => i.Status != InspectionStatus.Queued && i.Kind != InspectionKind.Calibration && i.ScoredAtUtc >= ReportTestData.FromUtc && i.ScoredAtUtc < ReportTestData.ToUtc)
                .GroupBy(i => i.HandlerName).ToDictionary(g => g.Key, g => Math.Round(g.Average(i => i.FinalTotal ?? i.Total ?? 0), 1));
            Assert.NotEmpty(scored);
            foreach (var r in DataRows(Sheet("Handlers")))
            {
                if (scored.TryGetValue(r.Cell(1).GetString(), out var average)) Assert.Equal(average, r.Cell(8).GetDouble(), 1);
                else Assert.True(r.Cell(8).IsEmpty());
            }
        }
        // Satisfaction ratings recorded for October are counted per handler.
        Assert.Equal(5, DataRows(Sheet("Handlers")).Sum(r => r.Cell(6).GetValue<int>()));
    }

    [Fact]
    public void R22_R32_respondents_and_compensation_equal_the_database()
    {
        using var db = app.OpenDb();
        var money = db.CompensationEntries.AsNoTracking().ToList()
            .Where(x => x.ProposedAtUtc >= ReportTestData.FromUtc && x.ProposedAtUtc < ReportTestData.ToUtc && x.Status is CompensationStatus.Approved or CompensationStatus.Paid).ToList();
        Assert.Equal(2, money.Count); // 50 and 123.45 yuan approved at once; 9,000 yuan waits for approval
        var compensation = DataRows(Sheet("Compensation")).ToList();
        Assert.Equal(money.Sum(x => x.AmountCents) / 100m, compensation.Sum(r => r.Cell(6).GetValue<decimal>()));
        Assert.Equal(money.Count, compensation.Sum(r => r.Cell(3).GetValue<int>()));
        Assert.Equal("#,##0.00", compensation[0].Cell(6).Style.NumberFormat.Format);

        var respondents = DataRows(Sheet("Respondents")).ToList();
        Assert.Equal(_oct.GroupBy(c => c.RespondentName).ToDictionary(g => g.Key, g => g.Count()),
            respondents.GroupBy(r => r.Cell(2).GetString()).ToDictionary(g => g.Key, g => g.Sum(r => r.Cell(3).GetValue<int>())));
        Assert.Equal(money.Sum(x => x.AmountCents) / 100m, respondents.Sum(r => r.Cell(8).GetValue<decimal>()));
    }

    [Fact]
    public void R32_product_improvement_lists_each_lines_top_problems_with_last_month_beside_them()
    {
        var rows = DataRows(Sheet("ProductImprovement")).ToList();
        var september = _all.Where(c => c.ReceivedAtUtc >= new DateTime(2026, 8, 31, 16, 0, 0, DateTimeKind.Utc) && c.ReceivedAtUtc < ReportTestData.FromUtc).ToList();
        foreach (var line in _oct.GroupBy(c => c.ProductLine))
        {
            var top = line.GroupBy(c => c.SubType).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(3).ToList();
            var sheet = rows.Where(r => r.Cell(1).GetString() == line.Key).OrderBy(r => r.Cell(2).GetValue<int>()).ToList();
            Assert.Equal(top.Select(g => (E(g.Key), g.Count(), september.Count(c => c.ProductLine == line.Key && c.SubType == g.Key))),
                sheet.Select(r => (r.Cell(4).GetString(), r.Cell(5).GetValue<int>(), r.Cell(6).GetValue<int>())));
        }
    }

    [Fact]
    public void R21_R31_department_tasks_and_quality_summary()
    {
        using var db = app.OpenDb();
        var tasks = db.CollaborationTasks.AsNoTracking().ToList().Where(t => t.OpenedAtUtc >= ReportTestData.FromUtc && t.OpenedAtUtc < ReportTestData.ToUtc).ToList();
        var rows = DataRows(Sheet("Departments")).ToDictionary(r => r.Cell(1).GetString(), r => r.Cell(2).GetValue<int>());
        Assert.Equal(Enum.GetValues<Department>().ToDictionary(d => E(d), d => tasks.Count(t => t.Department == d)), rows);
        Assert.True(tasks.Count >= 1);
        // The quality summary per team and in all (R31), against the inspections table: October's two scorecards (90 and a critical fail).
        var inspections = db.Inspections.AsNoTracking().ToList()
            .Where(i => i.Status != InspectionStatus.Queued && i.Kind != InspectionKind.Calibration && i.ScoredAtUtc >= ReportTestData.FromUtc && i.ScoredAtUtc < ReportTestData.ToUtc)
            .Select(i => i.FinalTotal ?? i.Total ?? 0).ToList();
        Assert.Equal(2, inspections.Count);
        var total = DataRows(Sheet("Quality")).Single(r => r.Cell(1).GetString() == "∑");
        Assert.Equal(inspections.Count, total.Cell(2).GetValue<int>());
        Assert.Equal(Math.Round(inspections.Average(), 1), total.Cell(3).GetDouble(), 1);
        Assert.Equal(inspections.Count(t => t < 60), total.Cell(4).GetValue<int>());
        Assert.Equal(1, total.Cell(4).GetValue<int>());
    }

    [Fact]
    public void R29_details_list_every_complaint_of_the_month_and_no_phone_number_in_clear()
    {
        var ws = Sheet("Details");
        Assert.Equal(1, ws.SheetView.SplitRow);
        var rows = ws.RowsUsed().Skip(1).ToList();
        Assert.Equal(_oct.Select(c => c.TrackingNumber).Order(), rows.Select(r => r.Cell(1).GetString()).Order());
        var first = _oct.OrderBy(c => c.ReceivedAtUtc).ThenBy(c => c.Id).First();
        Assert.Equal(ComplaintOps.Domain.Privacy.Mask.Phone(first.Phone), rows[0].Cell(12).GetString());
        Assert.Equal(TimeZoneInfo.ConvertTimeFromUtc(first.ReceivedAtUtc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")), rows[0].Cell(2).GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal("yyyy-mm-dd hh:mm", rows[0].Cell(2).Style.NumberFormat.Format);

        var phones = _oct.Select(c => c.Phone).ToHashSet();
        foreach (var sheet in _wb.Worksheets)
            foreach (var cell in sheet.CellsUsed())
                Assert.DoesNotContain(cell.GetString(), phones);
    }

    [Fact]
    public void The_file_is_valid_open_xml_so_excel_wps_and_libreoffice_open_it()
    {
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(_path, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2010).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        // The streamed sheet's filter covers every row, and the workbook's filter name says so too.
        var details = (DocumentFormat.OpenXml.Packaging.WorksheetPart)doc.WorkbookPart!.GetPartById(
            doc.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Last().Id!);
        Assert.Equal($"A1:P{_oct.Count + 1}", details.Worksheet.Elements<DocumentFormat.OpenXml.Spreadsheet.AutoFilter>().Single().Reference!.Value);
    }

    [Fact]
    public void Sheet_names_and_headers_follow_the_language()
    {
        Assert.Equal(ReportWorkbook.SheetKeys.Select(k => L[$"Reports.Sheet.{k}"].Value), _wb.Worksheets.Select(w => w.Name));
        Assert.Equal("Tracking number", Sheet("Details").Cell(1, 1).GetString());
        Assert.All(_wb.Worksheets, w => Assert.True(w.Column(1).Width >= 8 && w.Column(1).Width <= 60));
    }

    [Fact]
    public async Task Chinese_workbook_has_chinese_sheet_names()
    {
        var report = await app.Services.GetRequiredService<ReportService>().MakeAsync(ReportTestData.October, "zh-CN");
        using var wb = new XLWorkbook(app.Services.GetRequiredService<ReportStore>().PathOf(report));
        Assert.Equal("汇总", wb.Worksheets.First().Name);
        Assert.Equal("投诉编号", wb.Worksheet("投诉明细").Cell(1, 1).GetString());
        Assert.Equal(ReportWorkbook.SheetKeys.Length, wb.Worksheets.Count);
    }
}
