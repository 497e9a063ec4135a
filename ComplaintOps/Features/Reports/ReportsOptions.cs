using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.Reports;

/// <summary>Section "Reports": the monthly workbook's schedule and language (issue 7). Files go to Storage:ReportsPath.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>Quartz cron (seconds first): 02:00 on the 1st of every month, in <see cref="TimeZone"/>.</summary>
    [Required]
    public string Cron { get; set; } = "0 0 2 1 * ?";

    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Language of the scheduled workbook's sheet names and headers: zh-CN or en.</summary>
    [Required, RegularExpression("^(zh-CN|en)$")]
    public string Culture { get; set; } = "zh-CN";
}
