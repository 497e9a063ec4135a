using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using ComplaintOps.Components.Shared;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Infrastructure;
using ComplaintOps.Resources;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;

namespace ComplaintOps.Features.Reports;

/// <summary>
/// Writes the monthly workbook. The styled sheets (Summary … department collaboration) are made with ClosedXML 0.95.4;
/// the detail sheet (one row per complaint, up to 100,000+) is streamed with the OpenXML SDK's <see cref="OpenXmlWriter"/>
/// into the saved file, because ClosedXML holds every cell in memory (stack notes: 100k rows ≈ 14 s, 1.2 GB).
/// Column widths are set from the header and the first rows' text (no AdjustToContents). Texts in the current UI culture.
/// </summary>
public sealed class ReportWorkbook(IStringLocalizer<SharedResource> l, BusinessTime time)
{
    public const string DateFormat = "yyyy-mm-dd hh:mm";
    public const string PercentFormat = "0.0%";
    public const string TargetFormat = "0%";
    public const string CountFormat = "#,##0";
    public const string MoneyFormat = "#,##0.00";
    private const int WidthSampleRows = 200;

    /// <summary>Sheet keys in workbook order; names are L["Reports.Sheet.{key}"].</summary>
    public static readonly string[] SheetKeys =
        ["Summary", "ByType", "ByChannel", "ByProvince", "HighRisk", "SlaBreaches", "Handlers", "Respondents", "ProductImprovement",
         "Compensation", "Quality", "Departments", "Details"];

    public string SheetName(string key) => l[$"Reports.Sheet.{key}"];

    /// <summary>Writes the styled sheets and a placeholder detail sheet to <paramref name="path"/>, then streams the detail rows in.</summary>
    public async Task WriteAsync(string path, ReportData data, IAsyncEnumerable<DetailRow> details, IProgress<int>? progress, CancellationToken ct)
    {
        using (var wb = new XLWorkbook())
        {
            WriteStyledSheets(wb, data);
            WriteDetailPlaceholder(wb);
            wb.SaveAs(path);
        }
        progress?.Report(60);
        await StreamDetailsAsync(path, data.Received, details, progress, ct);
    }

    private void WriteStyledSheets(XLWorkbook wb, ReportData d)
    {
        var total = Math.Max(d.Received, 1);
        var summary = d.Kpis.Select(k => new SummaryLine(l[$"Reports.Kpi.{k.Key}"], k.Requirement, k.StrictlyAbove ? ">" : "≥", k.Target, k.Rate, k.Measured, k.PreviousRate, k.PreviousMeasured,
            k.Meets is { } m ? (m ? l["Reports.Yes"] : l["Reports.No"]) : "—")).ToList();
        var ws = Sheet(wb, "Summary", summary,
        [
            new("Reports.Col.Kpi", x => x.Name),
            new("Reports.Col.Requirement", x => x.Requirement),
            new("Reports.Col.Comparison", x => x.Comparison),
            new("Reports.Col.Target", x => x.Target, TargetFormat),
            new("Reports.Col.ThisPeriod", x => x.Rate, PercentFormat),
            new("Reports.Col.Measured", x => x.Measured, CountFormat),
            new("Reports.Col.PreviousPeriod", x => x.PreviousRate, PercentFormat),
            new("Reports.Col.PreviousMeasured", x => x.PreviousMeasured, CountFormat),
            new("Reports.Col.MeetsTarget", x => x.Meets),
        ]);
        // Below the KPI table: volume and the period itself (outside the filtered range).
        var r = summary.Count + 3;
        Put(ws.Cell(r, 1), l["Reports.Received"].Value);
        Put(ws.Cell(r, 6), d.Received);
        Put(ws.Cell(r, 8), d.PreviousReceived);
        ws.Cell(r, 6).Style.NumberFormat.Format = CountFormat;
        ws.Cell(r, 8).Style.NumberFormat.Format = CountFormat;
        Put(ws.Cell(r + 1, 1), l["Reports.Period"].Value);
        Put(ws.Cell(r + 1, 2), $"{d.Period.From:yyyy-MM-dd} – {d.Period.To:yyyy-MM-dd}");
        Put(ws.Cell(r + 2, 1), l["Reports.PreviousPeriodLabel"].Value);
        Put(ws.Cell(r + 2, 2), $"{d.Period.Previous.From:yyyy-MM-dd} – {d.Period.Previous.To:yyyy-MM-dd}");
        Put(ws.Cell(r + 3, 1), l["Reports.GeneratedAt"].Value);
        Put(ws.Cell(r + 3, 2), time.ToBusiness(d.GeneratedAtUtc));
        ws.Cell(r + 3, 2).Style.NumberFormat.Format = DateFormat;
        Put(ws.Cell(r + 4, 1), l["Reports.Masked"].Value);

        Sheet(wb, "ByType", d.ByType,
        [
            new("Reports.Col.ProblemType", x => l.Enum(x.Type)),
            new("Reports.Col.SubType", x => l.Enum(x.SubType)),
            new("Reports.Col.Complaints", x => x.Count, CountFormat),
            new("Reports.Col.Share", x => (double)x.Count / total, PercentFormat),
            new("Reports.Col.HighRisk", x => x.HighRisk, CountFormat),
            new("Reports.Col.Finished", x => x.Finished, CountFormat),
        ]);
        Sheet(wb, "ByChannel", d.ByChannel,
        [
            new("Reports.Col.Channel", x => l.Enum(x.Channel)),
            new("Reports.Col.Complaints", x => x.Count, CountFormat),
            new("Reports.Col.Share", x => (double)x.Count / total, PercentFormat),
            new("Reports.Col.HighRisk", x => x.HighRisk, CountFormat),
            new("Reports.Col.Finished", x => x.Finished, CountFormat),
        ]);
        Sheet(wb, "ByProvince", d.ByProvince,
        [
            new("Reports.Col.Province", x => x.Province),
            new("Reports.Col.Complaints", x => x.Count, CountFormat),
            new("Reports.Col.Share", x => (double)x.Count / total, PercentFormat),
            new("Reports.Col.HighRisk", x => x.HighRisk, CountFormat),
        ]);
        Sheet(wb, "HighRisk", d.HighRisk,
        [
            new("Reports.Col.TrackingNumber", x => x.TrackingNumber),
            new("Reports.Col.ReceivedAt", x => time.ToBusiness(x.ReceivedAtUtc), DateFormat),
            new("Reports.Col.RiskLevel", x => l.Enum(x.RiskLevel)),
            new("Reports.Col.Triggers", x => Triggers(x.Triggers)),
            new("Reports.Col.Title", x => x.Title),
            new("Reports.Col.Complainant", x => x.ComplainantMasked),
            new("Reports.Col.PreHandlingPlan", x => x.PreHandlingPlan),
            new("Reports.Col.EmergencyLine", x => x.EmergencyResponseLine),
            new("Reports.Col.HandlingPlan", x => x.HandlingPlan),
            new("Reports.Col.Owner", x => x.OwnerName),
            new("Reports.Col.Handler", x => x.HandlerName),
            new("Reports.Col.Status", x => l.Enum(x.Status)),
            new("Reports.Col.Outcome", x => x.Outcome),
            new("Reports.Col.FinishedAt", x => x.FinishedAtUtc is { } f ? time.ToBusiness(f) : null, DateFormat),
        ]);
        Sheet(wb, "SlaBreaches", d.SlaBreaches,
        [
            new("Reports.Col.Clause", x => l[$"Reports.Kpi.{x.Clause}"].Value),
            new("Reports.Col.TrackingNumber", x => x.TrackingNumber),
            new("Reports.Col.Channel", x => l.Enum(x.Channel)),
            new("Reports.Col.Due", x => time.ToBusiness(x.DueUtc), DateFormat),
            new("Reports.Col.AnsweredAt", x => x.AnsweredAtUtc is { } a ? time.ToBusiness(a) : null, DateFormat),
            new("Reports.Col.LateHours", x => x.LateHours, "0.0"),
            new("Reports.Col.Handler", x => x.HandlerName),
            new("Reports.Col.Status", x => l.Enum(x.Status)),
        ]);
        Sheet(wb, "Handlers", d.Handlers,
        [
            new("Reports.Col.Handler", x => x.HandlerName),
            new("Reports.Col.Volume", x => x.Volume, CountFormat),
            new("Reports.Col.Finished", x => x.Finished, CountFormat),
            new("Reports.Col.Clocks", x => x.Clocks, CountFormat),
            new("Reports.Col.OnTimeRate", x => x.OnTimeRate, PercentFormat),
            new("Reports.Col.SatisfactionAnswers", x => x.SatisfactionAnswers, CountFormat),
            new("Reports.Col.SatisfactionRate", x => x.SatisfactionRate, PercentFormat),
            new("Reports.Col.QualityScore", x => x.QualityScore, "0.0"),
        ]);
        Sheet(wb, "Respondents", d.Respondents,
        [
            new("Reports.Col.RespondentKind", x => l.Enum(x.Kind)),
            new("Reports.Col.Respondent", x => x.Name),
            new("Reports.Col.Complaints", x => x.Complaints, CountFormat),
            new("Reports.Col.Decided", x => x.Decided, CountFormat),
            new("Reports.Col.Established", x => x.Established, CountFormat),
            new("Reports.Col.EstablishedRate", x => x.EstablishedRate, PercentFormat),
            new("Reports.Col.CompensationCount", x => x.CompensationCount, CountFormat),
            new("Reports.Col.CompensationYuan", x => x.CompensationCents / 100m, MoneyFormat),
        ]);
        Sheet(wb, "ProductImprovement", d.ProductProblems,
        [
            new("Reports.Col.ProductLine", x => x.ProductLine),
            new("Reports.Col.Rank", x => x.Rank, CountFormat),
            new("Reports.Col.ProblemType", x => l.Enum(ProblemTaxonomy.TypeOf(x.SubType))),
            new("Reports.Col.SubType", x => l.Enum(x.SubType)),
            new("Reports.Col.Complaints", x => x.Count, CountFormat),
            new("Reports.Col.PreviousPeriod", x => x.PreviousCount, CountFormat),
            new("Reports.Col.Change", x => x.Count - x.PreviousCount, "+#,##0;-#,##0;0"),
            new("Reports.Col.Trend", x => x.Count > x.PreviousCount ? "↑" : x.Count < x.PreviousCount ? "↓" : "→"),
            new("Reports.Col.ShareOfLine", x => x.LineTotal == 0 ? null : (double)x.Count / x.LineTotal, PercentFormat),
        ]);
        Sheet(wb, "Compensation", d.Compensation,
        [
            new("Reports.Col.ProductLine", x => x.ProductLine),
            new("Reports.Col.Respondent", x => x.RespondentName),
            new("Reports.Col.CompensationCount", x => x.Count, CountFormat),
            new("Reports.Col.FastTrack", x => x.FastTrack, CountFormat),
            new("Reports.Col.Paid", x => x.Paid, CountFormat),
            new("Reports.Col.CompensationYuan", x => x.AmountCents / 100m, MoneyFormat),
        ]);
        if (d.Quality.HasInspections)
        {
            Sheet(wb, "Quality", d.Quality.Rows,
            [
                new("Reports.Col.QualityItem", x => x.Name),
                new("Reports.Col.Inspections", x => x.Inspections, CountFormat),
                new("Reports.Col.AverageScore", x => x.AverageScore, "0.0"),
                new("Reports.Col.BelowStandard", x => x.BelowStandard, CountFormat),
            ]);
        }
        else
        {
            var q = Sheet(wb, "Quality", Array.Empty<QualityRow>(),
            [
                new("Reports.Col.QualityItem", x => x.Name),
                new("Reports.Col.Inspections", x => x.Inspections, CountFormat),
                new("Reports.Col.AverageScore", x => x.AverageScore, "0.0"),
                new("Reports.Col.BelowStandard", x => x.BelowStandard, CountFormat),
            ]);
            Put(q.Cell(3, 1), l["Reports.NoInspections"].Value);
        }
        Sheet(wb, "Departments", d.Departments,
        [
            new("Reports.Col.Department", x => l.Enum(x.Department)),
            new("Reports.Col.TasksOpened", x => x.Opened, CountFormat),
            new("Reports.Col.TasksAnswered", x => x.Answered, CountFormat),
            new("Reports.Col.TasksOnTime", x => x.AnsweredOnTime, CountFormat),
            new("Reports.Col.TasksCancelled", x => x.Cancelled, CountFormat),
            new("Reports.Col.TasksOpenAtEnd", x => x.OpenAtEnd, CountFormat),
            new("Reports.Col.TasksOverdue", x => x.Overdue, CountFormat),
        ]);
    }

    private sealed record SummaryLine(string Name, string Requirement, string Comparison, double Target, double? Rate, long Measured, double? PreviousRate, long PreviousMeasured, string Meets);

    private sealed record Column<T>(string HeaderKey, Func<T, object?> Value, string? Format = null);

    private IXLWorksheet Sheet<T>(XLWorkbook wb, string key, IReadOnlyList<T> rows, IReadOnlyList<Column<T>> columns)
    {
        var ws = wb.Worksheets.Add(SheetName(key));
        var widths = new double[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var header = l[columns[c].HeaderKey].Value;
            Put(ws.Cell(1, c + 1), header);
            widths[c] = TextWidth(header);
        }
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].Value(rows[r]);
                Put(ws.Cell(r + 2, c + 1), value);
                if (r < WidthSampleRows) widths[c] = Math.Max(widths[c], ValueWidth(value, columns[c].Format));
            }
        }
        var lastRow = Math.Max(rows.Count + 1, 1);
        for (var c = 0; c < columns.Count; c++)
        {
            if (columns[c].Format is { } format && rows.Count > 0) ws.Range(2, c + 1, lastRow, c + 1).Style.NumberFormat.Format = format;
            ws.Column(c + 1).Width = Math.Clamp(widths[c] + 2, 8, 60);
        }
        StyleHeader(ws.Range(1, 1, 1, columns.Count));
        ws.SheetView.FreezeRows(1);
        ws.Range(1, 1, lastRow, columns.Count).SetAutoFilter();
        return ws;
    }

    private static void StyleHeader(IXLRange header)
    {
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");
        header.Style.Alignment.WrapText = false;
    }

    private static void Put(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string s:
                // Text is text: never a formula (a complainant's title starting with "=").
                cell.SetValue(Clean(s).StartsWith('=') ? " " + Clean(s) : Clean(s));
                cell.DataType = XLDataType.Text;
                break;
            case DateTime t:
                cell.SetValue(t);
                break;
            case int i:
                cell.SetValue(i);
                break;
            case long n:
                cell.SetValue(n);
                break;
            case double x:
                cell.SetValue(x);
                break;
            case decimal m:
                cell.SetValue(m);
                break;
            default:
                cell.SetValue(value.ToString());
                break;
        }
    }

    private string Triggers(HighRiskTriggers triggers) =>
        string.Join(CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "、" : ", ",
            Enum.GetValues<HighRiskTriggers>().Where(t => t != HighRiskTriggers.None && triggers.HasFlag(t)).Select(t => l.Enum(t)));

    /// <summary>Approximate width in Excel character units: CJK characters count two.</summary>
    public static double TextWidth(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        double w = 0;
        foreach (var ch in text) w += ch >= 0x2E80 ? 2 : 1;
        return w * 1.1;
    }

    private static double ValueWidth(object? value, string? format) => value switch
    {
        null => 0,
        string s => TextWidth(s),
        DateTime => 16,
        _ when format == PercentFormat => 7,
        IFormattable f => f.ToString(format is null ? null : "N2", CultureInfo.InvariantCulture).Length + 1,
        _ => 8,
    };

    /// <summary>Characters XML 1.0 cannot hold (control characters other than tab and line breaks) are dropped.</summary>
    public static string Clean(string s)
    {
        foreach (var ch in s)
        {
            if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') return string.Concat(s.Where(c => c >= 0x20 || c == '\t' || c == '\n' || c == '\r'));
        }
        return s;
    }

    // ---- The detail sheet: placeholder in ClosedXML (header, widths, formats, frozen row, filter), rows streamed with OpenXmlWriter.

    private static readonly bool[] DetailIsDate = [false, true, false, false, false, false, false, false, false, false, false, false, false, false, true, true];

    private static readonly string[] DetailHeaders =
    [
        "Reports.Col.TrackingNumber", "Reports.Col.ReceivedAt", "Reports.Col.Channel", "Reports.Col.Province", "Reports.Col.ProductLine",
        "Reports.Col.ProblemType", "Reports.Col.SubType", "Reports.Col.Severity", "Reports.Col.RiskLevel", "Reports.Col.Status",
        "Reports.Col.Complainant", "Reports.Col.Phone", "Reports.Col.Respondent", "Reports.Col.Handler", "Reports.Col.FirstReplyAt", "Reports.Col.FinishedAt",
    ];

    private static readonly double[] DetailWidths = [20, 17, 12, 10, 16, 14, 16, 10, 10, 12, 10, 14, 24, 12, 17, 17];

    private void WriteDetailPlaceholder(XLWorkbook wb)
    {
        var ws = wb.Worksheets.Add(SheetName("Details"));
        for (var c = 0; c < DetailHeaders.Length; c++)
        {
            var header = l[DetailHeaders[c]].Value;
            Put(ws.Cell(1, c + 1), header);
            ws.Column(c + 1).Width = Math.Max(DetailWidths[c], TextWidth(header) + 2);
            // A sample row carries each column's style; its style ids are reused for the streamed rows, then it is replaced.
            if (DetailIsDate[c])
            {
                ws.Cell(2, c + 1).SetValue(new DateTime(2000, 1, 1));
                ws.Cell(2, c + 1).Style.NumberFormat.Format = DateFormat;
            }
            else
            {
                Put(ws.Cell(2, c + 1), "x");
            }
        }
        StyleHeader(ws.Range(1, 1, 1, DetailHeaders.Length));
        ws.SheetView.FreezeRows(1);
        ws.Range(1, 1, 2, DetailHeaders.Length).SetAutoFilter();
    }

    private async Task StreamDetailsAsync(string path, int expectedRows, IAsyncEnumerable<DetailRow> details, IProgress<int>? progress, CancellationToken ct)
    {
        var sheetName = SheetName("Details");
        var enumText = new Dictionary<Enum, string>();
        string E<T>(T value) where T : struct, Enum
        {
            if (!enumText.TryGetValue(value, out var text)) enumText[value] = text = l.Enum(value);
            return text;
        }
        var letters = Enumerable.Range(0, DetailHeaders.Length).Select(ColumnLetter).ToArray();

        using var doc = SpreadsheetDocument.Open(path, true);
        var wbPart = doc.WorkbookPart!;
        var sheets = wbPart.Workbook.Sheets!.Elements<Sheet>().ToList();
        var sheet = sheets.First(s => s.Name == sheetName);
        var oldPart = (WorksheetPart)wbPart.GetPartById(sheet.Id!);
        var old = oldPart.Worksheet;
        var oldRows = old.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var header = (Row)oldRows[0].CloneNode(true);
        var styles = oldRows[1].Elements<Cell>().Select(c => c.StyleIndex?.Value ?? 0u).ToArray();

        var newPart = wbPart.AddNewPart<WorksheetPart>();
        var rowIndex = 1u;
        using (var w = OpenXmlWriter.Create(newPart))
        {
            w.WriteStartElement(new Worksheet());
            foreach (var e in old.Elements<SheetViews>()) w.WriteElement((OpenXmlElement)e.CloneNode(true));
            foreach (var e in old.Elements<SheetFormatProperties>()) w.WriteElement((OpenXmlElement)e.CloneNode(true));
            foreach (var e in old.Elements<Columns>()) w.WriteElement((OpenXmlElement)e.CloneNode(true));
            w.WriteStartElement(new SheetData());
            w.WriteElement(header);
            var values = new object?[DetailHeaders.Length];
            await foreach (var d in details.WithCancellation(ct))
            {
                rowIndex++;
                values[0] = d.TrackingNumber;
                values[1] = time.ToBusiness(d.ReceivedAtUtc);
                values[2] = E(d.Channel);
                values[3] = d.Province;
                values[4] = d.ProductLine;
                values[5] = E(ProblemTaxonomy.TypeOf(d.SubType));
                values[6] = E(d.SubType);
                values[7] = E(d.Severity);
                values[8] = E(d.RiskLevel);
                values[9] = E(d.Status);
                values[10] = d.ComplainantMasked;
                values[11] = d.PhoneMasked;
                values[12] = d.RespondentName;
                values[13] = d.HandlerName;
                values[14] = d.FirstReplyAtUtc is { } f ? time.ToBusiness(f) : null;
                values[15] = d.FinishedAtUtc is { } e2 ? time.ToBusiness(e2) : null;
                WriteRow(w, rowIndex, values, styles, letters);
                if (expectedRows > 0 && rowIndex % 2000 == 0) progress?.Report(60 + (int)(35.0 * Math.Min(rowIndex, expectedRows) / expectedRows));
            }
            w.WriteEndElement(); // sheetData
            w.WriteElement(new AutoFilter { Reference = $"A1:{letters[^1]}{Math.Max(rowIndex, 1)}" });
            foreach (var e in old.Elements<PageMargins>()) w.WriteElement((OpenXmlElement)e.CloneNode(true));
            w.WriteEndElement(); // worksheet
        }
        sheet.Id = wbPart.GetIdOfPart(newPart);
        wbPart.DeletePart(oldPart);
        var sheetIndex = (uint)sheets.IndexOf(sheet);
        foreach (var name in wbPart.Workbook.DefinedNames?.Elements<DefinedName>() ?? [])
        {
            if (name.Name == "_xlnm._FilterDatabase" && name.LocalSheetId?.Value == sheetIndex)
                name.Text = $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${letters[^1]}${Math.Max(rowIndex, 1)}";
        }
        wbPart.Workbook.Save();
        progress?.Report(95);
    }

    private static readonly OpenXmlAttribute[] NoAttributes = [];

    private static void WriteRow(OpenXmlWriter w, uint rowIndex, object?[] values, uint[] styles, string[] letters)
    {
        var r = rowIndex.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", r)]);
        for (var c = 0; c < values.Length; c++)
        {
            switch (values[c])
            {
                case null:
                    break;
                case DateTime t:
                    w.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", "", letters[c] + r), new OpenXmlAttribute("s", "", styles[c].ToString(CultureInfo.InvariantCulture))]);
                    w.WriteElement(new CellValue(t.ToOADate().ToString("R", CultureInfo.InvariantCulture)));
                    w.WriteEndElement();
                    break;
                default:
                    var s = Clean(values[c]!.ToString() ?? "");
                    w.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", "", letters[c] + r), new OpenXmlAttribute("s", "", styles[c].ToString(CultureInfo.InvariantCulture)), new OpenXmlAttribute("t", "", "inlineStr")]);
                    w.WriteStartElement(new InlineString(), NoAttributes);
                    var text = new Text(s);
                    if (s.Length > 0 && (char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))) text.Space = SpaceProcessingModeValues.Preserve;
                    w.WriteElement(text);
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
            }
        }
        w.WriteEndElement();
    }

    public static string ColumnLetter(int index)
    {
        var sb = new StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26) sb.Insert(0, (char)('A' + (n - 1) % 26));
        return sb.ToString();
    }
}
