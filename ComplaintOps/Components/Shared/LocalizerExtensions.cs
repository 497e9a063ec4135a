using Microsoft.Extensions.Localization;

namespace ComplaintOps.Components.Shared;

public static class LocalizerExtensions
{
    /// <summary>Enum values are localised under "EnumType.Value" keys.</summary>
    public static string Enum<T>(this IStringLocalizer localizer, T value) where T : struct, System.Enum =>
        localizer[$"{typeof(T).Name}.{value}"];

    /// <summary>"3d 4h", "2h 10m", "25m" in the user's language; the sign is shown by the caller.</summary>
    public static string Duration(this IStringLocalizer localizer, TimeSpan span)
    {
        span = span.Duration();
        if (span.TotalDays >= 1) return localizer["DurationDaysHours", (int)span.TotalDays, span.Hours];
        if (span.TotalHours >= 1) return localizer["DurationHoursMinutes", (int)span.TotalHours, span.Minutes];
        return localizer["DurationMinutes", Math.Max(span.Minutes, 0)];
    }
}
