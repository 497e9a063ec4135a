using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ComplaintOps.Features.Intake.Public;

/// <summary>Section "PublicIntake": lookup throttling and the call-back slots offered to special groups (R5).</summary>
public sealed class PublicIntakeOptions
{
    public const string Section = "PublicIntake";

    /// <summary>Status lookups allowed per client IP address in each window.</summary>
    [Range(1, 10_000)]
    public int LookupPermitLimit { get; set; } = 10;

    [Range(1, 86_400)]
    public int LookupWindowSeconds { get; set; } = 300;

    /// <summary>Business-time windows in which call-backs happen, as "HH:mm-HH:mm".</summary>
    public List<string> CallbackWindows { get; set; } = [];

    [Range(5, 240)]
    public int CallbackSlotMinutes { get; set; } = 30;

    [Range(1, 20)]
    public int CallbackWorkingDays { get; set; } = 5;

    public static readonly string[] DefaultCallbackWindows = ["09:00-12:00", "13:30-18:00"];

    public IReadOnlyList<(TimeOnly From, TimeOnly To)> EffectiveCallbackWindows =>
        (CallbackWindows.Count > 0 ? CallbackWindows.Distinct(StringComparer.Ordinal) : DefaultCallbackWindows).Select(ParseWindow).ToArray();

    public static bool TryParseWindow(string text, out (TimeOnly From, TimeOnly To) window)
    {
        window = default;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to <= from)
            return false;
        window = (from, to);
        return true;
    }

    private static (TimeOnly From, TimeOnly To) ParseWindow(string text) =>
        TryParseWindow(text, out var w) ? w : throw new FormatException($"{Section}:CallbackWindows has '{text}'; use HH:mm-HH:mm.");
}
