using ComplaintOps.Data;
using ComplaintOps.Domain.Calendar;
using ComplaintOps.Domain.Sla;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Calendars;

/// <summary>
/// Holds the working-day calendar in force: the shipped file plus the years administrators loaded
/// (stored in the database, so they survive restarts). Loading a year swaps the calendar at once (B3).
/// </summary>
public sealed class WorkingCalendarService(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    IOptions<CalendarOptions> calendarOptions,
    IOptions<SlaOptions> slaOptions,
    BusinessTime businessTime,
    IHostEnvironment env)
{
    private volatile WorkingDayCalendar? _calendar;
    private readonly SemaphoreSlim _loadLock = new(1, 1);

    public event Action? Changed;

    public WorkingDayCalendar Calendar => _calendar ?? throw new InvalidOperationException("The calendar is not loaded yet.");

    public SlaClock Clock => new(Calendar, slaOptions.Value.ToPolicy(), businessTime.Zone);

    /// <summary>True when this business year has no official arrangement: the console shows a warning.</summary>
    public bool CurrentYearIsUnofficial => !Calendar.HasOfficialArrangement(businessTime.Today.Year);

    public int CurrentYear => businessTime.Today.Year;

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var path = Path.Combine(env.ContentRootPath, calendarOptions.Value.File);
        var shipped = File.Exists(path) ? CalendarFile.Parse(await File.ReadAllTextAsync(path, ct)) : [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loaded = await db.CalendarYears.AsNoTracking().ToListAsync(ct);
        var calendar = new WorkingDayCalendar(shipped);
        foreach (var record in loaded)
        {
            foreach (var year in CalendarFile.Parse(record.Json)) calendar = calendar.With(year);
        }
        _calendar = calendar;
    }

    /// <summary>
    /// Validates and stores every year in <paramref name="json"/> (same format as the shipped file).
    /// Throws <see cref="CalendarFormatException"/> with a clear message and changes nothing on bad input.
    /// </summary>
    public async Task<IReadOnlyList<int>> LoadAsync(string json, string loadedBy, CancellationToken ct = default)
    {
        var years = CalendarFile.Parse(json);
        await _loadLock.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var calendar = Calendar;
            foreach (var year in years)
            {
                var record = await db.CalendarYears.FindAsync([year.Year], ct);
                if (record is null)
                {
                    record = new CalendarYearRecord { Year = year.Year };
                    db.CalendarYears.Add(record);
                }
                record.Json = CalendarFile.Serialize([year]);
                record.LoadedBy = loadedBy;
                record.LoadedAtUtc = businessTime.UtcNow;
                calendar = calendar.With(year);
            }
            await db.SaveChangesAsync(ct);
            _calendar = calendar;
        }
        finally
        {
            _loadLock.Release();
        }
        Changed?.Invoke();
        return years.Select(y => y.Year).ToArray();
    }
}
