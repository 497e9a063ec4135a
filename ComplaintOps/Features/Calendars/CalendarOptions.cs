using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.Calendars;

/// <summary>Section "Calendar": the shipped official arrangement file, relative to the content root.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    [Required]
    public string File { get; set; } = "data/calendars/cn.json";
}
