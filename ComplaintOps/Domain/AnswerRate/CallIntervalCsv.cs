using System.Globalization;

namespace ComplaintOps.Domain.AnswerRate;

/// <summary>One 30-minute interval of call-centre figures; <see cref="IntervalStartLocal"/> is business (Asia/Shanghai) wall-clock time.</summary>
public sealed record CallIntervalRow(DateTime IntervalStartLocal, int Offered, int Answered, int Abandoned);

/// <summary>A refused line: its 1-based line number in the file (the header is line 1), a code and the reason.</summary>
public sealed record CsvLineError(int Line, string Code, string Message);

public sealed record CallIntervalParse(IReadOnlyList<CallIntervalRow> Rows, IReadOnlyList<CsvLineError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Parses the call-centre interval file (R14): header <c>interval_start,offered,answered,abandoned</c>, then one
/// line per interval, e.g. <c>2026-11-28T09:00,120,108,9</c>. Every bad line is reported with its number; the caller
/// imports only a file with no errors (all or none). Blank lines are ignored.
/// </summary>
public static class CallIntervalCsv
{
    public const string Header = "interval_start,offered,answered,abandoned";
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    public static CallIntervalParse Parse(string text)
    {
        var rows = new List<CallIntervalRow>();
        var errors = new List<CsvLineError>();
        var lines = text.TrimStart('\uFEFF').Split('\n');
        var seen = new Dictionary<DateTime, int>();
        var headerSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0) continue;
            if (!headerSeen)
            {
                headerSeen = true;
                if (!string.Equals(string.Join(',', line.Split(',').Select(c => c.Trim())), Header, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(new(number, "Header", $"The first line must be the header \"{Header}\"."));
                    return new([], errors);
                }
                continue;
            }
            var (row, error) = ParseLine(line);
            if (error is not null)
            {
                errors.Add(new(number, error.Value.Code, error.Value.Message));
                continue;
            }
            if (seen.TryGetValue(row!.IntervalStartLocal, out var first))
            {
                errors.Add(new(number, "DuplicateInterval", $"The interval {row.IntervalStartLocal:yyyy-MM-dd'T'HH:mm} is already on line {first}."));
                continue;
            }
            seen[row.IntervalStartLocal] = number;
            rows.Add(row);
        }
        if (!headerSeen) errors.Add(new(1, "Empty", $"The file is empty; it needs the header \"{Header}\" and at least one line."));
        else if (rows.Count == 0 && errors.Count == 0) errors.Add(new(2, "NoRows", "The file has a header but no intervals."));
        return errors.Count == 0 ? new(rows, []) : new([], errors);
    }

    /// <summary>A business-time wall clock like 2026-11-28T09:00 (seconds and a space instead of T also accepted).</summary>
    public static bool TryParseLocalTime(string text, out DateTime local)
    {
        var ok = DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return ok;
    }

    private static (CallIntervalRow? Row, (string Code, string Message)? Error) ParseLine(string line)
    {
        var cells = line.Split(',').Select(c => c.Trim()).ToArray();
        if (cells.Length != 4)
            return (null, ("ColumnCount", $"Expected 4 values (interval_start,offered,answered,abandoned), found {cells.Length}."));
        if (!TryParseLocalTime(cells[0], out var start))
            return (null, ("BadTime", $"\"{cells[0]}\" is not a local time like 2026-11-28T09:00."));
        var counts = new int[3];
        string[] names = ["offered", "answered", "abandoned"];
        for (var k = 0; k < 3; k++)
        {
            if (!int.TryParse(cells[k + 1], NumberStyles.None, CultureInfo.InvariantCulture, out counts[k]))
                return (null, ("BadNumber", $"{names[k]} \"{cells[k + 1]}\" is not a whole number of 0 or more."));
        }
        var row = new CallIntervalRow(start, counts[0], counts[1], counts[2]);
        var rule = CallIntervalRules.Check(row);
        return rule is null ? (row, null) : (null, rule);
    }
}

/// <summary>The rules every interval meets, whether it came from a file or the API.</summary>
public static class CallIntervalRules
{
    public static (string Code, string Message)? Check(CallIntervalRow row)
    {
        if (row.Offered < 0 || row.Answered < 0 || row.Abandoned < 0)
            return ("BadNumber", "Counts must be 0 or more.");
        if (row.IntervalStartLocal.Minute is not (0 or 30) || row.IntervalStartLocal.Second != 0 || row.IntervalStartLocal.Millisecond != 0)
            return ("NotOnBoundary", $"An interval starts on the hour or half hour; {row.IntervalStartLocal:HH:mm:ss} does not.");
        if ((long)row.Answered + row.Abandoned > row.Offered)
            return ("MoreThanOffered", $"answered ({row.Answered}) + abandoned ({row.Abandoned}) is more than offered ({row.Offered}).");
        return null;
    }
}
