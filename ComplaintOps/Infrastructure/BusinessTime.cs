using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Infrastructure;

/// <summary>Section "Business": the time zone instants are shown in (stored in UTC always).</summary>
public sealed class BusinessOptions
{
    public const string Section = "Business";

    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public string Hotline { get; set; } = "";
    public string Mailbox { get; set; } = "";
}

/// <summary>Now, and conversion of stored UTC instants to business time, from one injected <see cref="TimeProvider"/>.</summary>
public sealed class BusinessTime(TimeProvider time, IOptions<BusinessOptions> options)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateTime ToBusiness(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public string Format(DateTime? utc) => utc is null ? "—" : ToBusiness(utc.Value).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>UTC instant of 00:00 business time on <paramref name="day"/>.</summary>
    public DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    public DateOnly Today => DateOnly.FromDateTime(ToBusiness(UtcNow));
}
