using System.Globalization;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Infrastructure;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Intake.Public;

/// <summary>
/// Call-back slots for special groups (R5): fixed-length slots inside the configured business-time windows,
/// on the next working days of the official calendar (holidays off, adjusted working days on).
/// </summary>
public sealed class CallbackSlots(WorkingCalendarService calendar, BusinessTime time, IOptions<PublicIntakeOptions> options)
{
    public IReadOnlyList<DateTime> Offer() => Offer(time.UtcNow);

    /// <summary>Slot starts (UTC) after <paramref name="nowUtc"/> on the next working days that still have one.</summary>
    public IReadOnlyList<DateTime> Offer(DateTime nowUtc)
    {
        var o = options.Value;
        var windows = o.EffectiveCallbackWindows;
        var length = TimeSpan.FromMinutes(o.CallbackSlotMinutes);
        var slots = new List<DateTime>();
        var day = DateOnly.FromDateTime(time.ToBusiness(nowUtc));
        var days = 0;
        // Long holidays (Spring Festival, National Day) are at most a couple of weeks: 60 days is plenty.
        for (var i = 0; i < 60 && days < o.CallbackWorkingDays; i++, day = day.AddDays(1))
        {
            if (!calendar.Calendar.IsWorkingDay(day)) continue;
            var before = slots.Count;
            foreach (var (from, to) in windows)
            {
                for (var start = from.ToTimeSpan(); start + length <= to.ToTimeSpan(); start += length)
                {
                    var utc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.FromTimeSpan(start), DateTimeKind.Unspecified), time.Zone);
                    if (utc > nowUtc) slots.Add(utc);
                }
            }
            if (slots.Count > before) days++;
        }
        return slots;
    }

    public static string Format(DateTime slotUtc) => slotUtc.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    public static DateTime? Parse(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc)
            ? DateTime.SpecifyKind(utc, DateTimeKind.Utc)
            : null;
}
