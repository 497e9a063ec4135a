using System.Globalization;
using System.Text.RegularExpressions;

namespace ComplaintOps.Features.Reports;

/// <summary>A report's period: business days <see cref="From"/> to <see cref="To"/>, both inclusive (Asia/Shanghai by default).</summary>
public sealed partial record ReportPeriod
{
    public const int MaxDays = 366;

    public DateOnly From { get; }
    public DateOnly To { get; }

    public ReportPeriod(DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentException("The period ends before it starts.", nameof(to));
        if (to.DayNumber - from.DayNumber + 1 > MaxDays) throw new ArgumentException($"A report covers at most {MaxDays} days.", nameof(to));
        From = from;
        To = to;
    }

    public static ReportPeriod Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    /// <summary>The month before the one containing <paramref name="today"/>: what the job makes on the 1st.</summary>
    public static ReportPeriod LastMonth(DateOnly today) => Month(today.AddMonths(-1).Year, today.AddMonths(-1).Month);

    public bool IsMonth => From.Day == 1 && To == From.AddMonths(1).AddDays(-1);

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The month before, or the same number of days just before a range.</summary>
    public ReportPeriod Previous => IsMonth ? Month(From.AddMonths(-1).Year, From.AddMonths(-1).Month) : new(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>"2026-10" for a month, "2026-10-01_2026-10-15" for a range: the stored file's name.</summary>
    public string Key => IsMonth
        ? From.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : $"{From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}_{To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    public override string ToString() => IsMonth ? Key : $"{From:yyyy-MM-dd} – {To:yyyy-MM-dd}";

    public static bool TryParseKey(string key, out ReportPeriod? period)
    {
        period = null;
        var m = KeyPattern().Match(key);
        if (!m.Success) return false;
        try
        {
            if (m.Groups["month"].Success)
            {
                var month = DateOnly.ParseExact(m.Groups["month"].Value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                period = Month(month.Year, month.Month);
            }
            else
            {
                period = new ReportPeriod(
                    DateOnly.ParseExact(m.Groups["from"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateOnly.ParseExact(m.Groups["to"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?:(?<month>\d{4}-\d{2})|(?<from>\d{4}-\d{2}-\d{2})_(?<to>\d{4}-\d{2}-\d{2}))$")]
    private static partial Regex KeyPattern();
}
