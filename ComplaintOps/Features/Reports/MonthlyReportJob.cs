using ComplaintOps.Infrastructure;
using Microsoft.Extensions.Options;
using Quartz;

namespace ComplaintOps.Features.Reports;

/// <summary>Quartz job (Reports:Cron, 02:00 Asia/Shanghai on the 1st by default): last month's workbook, stored for the managers.</summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReportJob(ReportService service, BusinessTime time, IOptions<ReportsOptions> options, ILogger<MonthlyReportJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var report = await RunAsync(cancellationToken);
        log.LogInformation("Monthly report {File} stored", report.FileName);
    }

    /// <summary>Makes the report of the month before today (business time).</summary>
    public Task<StoredReport> RunAsync(CancellationToken ct = default) =>
        service.MakeAsync(ReportPeriod.LastMonth(time.Today), options.Value.Culture, null, ct);
}
