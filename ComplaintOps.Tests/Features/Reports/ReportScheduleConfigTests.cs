using ComplaintOps.Features.Reports;
using ComplaintOps.Infrastructure.Scheduling;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Reports;

/// <summary>Issue 7 §2 "configurable cron": Reports:Cron and Reports:TimeZone decide the monthly job's trigger.</summary>
public sealed class ReportScheduleConfigTests(ReportScheduleConfigTests.Factory app) : IClassFixture<ReportScheduleConfigTests.Factory>
{
    public sealed class Factory : AppFactory
    {
        protected override int SeedComplaints => 5;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Reports:Cron", "0 30 6 ? * MON");
            builder.UseSetting("Reports:TimeZone", "Europe/London");
        }
    }

    [Fact]
    public void R33_the_schedule_comes_from_configuration()
    {
        app.CreateClient();
        var trigger = Scheduling.CronTrigger(app.Services.GetServices<CronJob>().Single(j => j.JobType == typeof(MonthlyReportJob)), app.Services);
        Assert.Equal("0 30 6 ? * MON", trigger.CronExpressionString);
        // Fake now Sat 2026-11-28 02:00Z; next Monday 06:30 London (GMT in winter) = 2026-11-30 06:30Z.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 6, 30, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(app.Clock.GetUtcNow()));
    }

    [Fact]
    public void A_bad_cron_is_refused()
    {
        Assert.False(ReportsFeature.IsValidCron("every month"));
        Assert.True(ReportsFeature.IsValidCron("0 0 2 1 * ?"));
    }
}
