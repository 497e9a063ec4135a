namespace ComplaintOps.Domain.Calendar;

/// <summary>One year's official arrangement: statutory days off and weekend days worked instead (调休).</summary>
public sealed record YearArrangement(
    int Year,
    IReadOnlyDictionary<DateOnly, string> Holidays,
    IReadOnlySet<DateOnly> AdjustedWorkdays);

public enum DayKind
{
    WorkingDay,
    Weekend,
    Holiday,
    AdjustedWorkingDay,
}

/// <summary>
/// China's working-day calendar. Saturdays and Sundays are off unless listed as adjusted working days;
/// listed holidays are off. A year with no official arrangement counts weekends only and is reported
/// by <see cref="HasOfficialArrangement"/> so callers can warn instead of guessing silently (B3).
/// </summary>
public sealed class WorkingDayCalendar
{
    private readonly Dictionary<int, YearArrangement> _years;

    public WorkingDayCalendar(IEnumerable<YearArrangement> years) =>
        _years = years.ToDictionary(y => y.Year);

    public static WorkingDayCalendar WeekendsOnly { get; } = new([]);

    public IReadOnlyCollection<int> Years => _years.Keys;

    public bool HasOfficialArrangement(int year) => _years.ContainsKey(year);

    public YearArrangement? ArrangementFor(int year) => _years.GetValueOrDefault(year);

    /// <summary>A new calendar with <paramref name="year"/> added or replaced; this one is unchanged.</summary>
    public WorkingDayCalendar With(YearArrangement year) =>
        new(_years.Values.Where(y => y.Year != year.Year).Append(year));

    public DayKind KindOf(DateOnly day)
    {
        if (_years.TryGetValue(day.Year, out var year))
        {
            if (year.AdjustedWorkdays.Contains(day)) return DayKind.AdjustedWorkingDay;
            if (year.Holidays.ContainsKey(day)) return DayKind.Holiday;
        }
        return day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayKind.Weekend : DayKind.WorkingDay;
    }

    public bool IsWorkingDay(DateOnly day) => KindOf(day) is DayKind.WorkingDay or DayKind.AdjustedWorkingDay;

    /// <summary>
    /// The last day of a period of <paramref name="workingDays"/> working days that starts after
    /// <paramref name="start"/>: the start day itself is not counted (Civil Code Art. 201).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>Years touched by [from, to] for which no official arrangement is loaded.</summary>
    public IReadOnlyList<int> YearsWithoutArrangement(DateOnly from, DateOnly to) =>
        Enumerable.Range(from.Year, to.Year - from.Year + 1).Where(y => !HasOfficialArrangement(y)).ToArray();
}
