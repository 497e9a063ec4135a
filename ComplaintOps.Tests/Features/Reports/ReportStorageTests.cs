using System.Net;
using ClosedXML.Excel;
using ComplaintOps.Features.Reports;
using ComplaintOps.Infrastructure.Scheduling;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Reports;

/// <summary>Issue 7 §2–3: the monthly job's schedule, storage with atomic replacement, the make-now queue, authorisation and the download log.</summary>
public sealed class ReportStorageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private ReportStore Store => app.Services.GetRequiredService<ReportStore>();

    [Fact]
    public void R33_monthly_job_fires_at_two_in_the_morning_shanghai_time_on_the_first()
    {
        app.CreateClient();
        var job = app.Services.GetServices<CronJob>().Single(j => j.Key.Name == "monthly-report");
        var trigger = Scheduling.CronTrigger(job, app.Services);
        Assert.Equal("Asia/Shanghai", trigger.TimeZone.Id);
        Assert.Equal(typeof(MonthlyReportJob), job.JobType);
        // Fake now: Sat 2026-11-28 10:00 Shanghai. Next: Tue 1 Dec 02:00 Shanghai = 30 Nov 18:00 UTC; then 1 Jan 02:00.
        var next = trigger.GetFireTimeAfter(app.Clock.GetUtcNow());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 18, 0, 0, TimeSpan.Zero), next);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero), trigger.GetFireTimeAfter(next));
    }

    [Fact]
    public async Task R33_the_job_stores_last_months_report_and_a_rerun_replaces_it()
    {
        app.CreateClient();
        var job = ActivatorUtilities.CreateInstance<MonthlyReportJob>(app.Services);
        var first = await job.RunAsync();
        Assert.Equal("complaintops-report-2026-10.zh-CN.xlsx", first.FileName);
        Assert.StartsWith(Path.GetFullPath(app.DataDirectory), Store.Directory);
        Assert.Equal(Path.Combine(app.DataDirectory, "reports"), Store.Directory);

        var again = await job.RunAsync();
        Assert.Equal(first.FileName, again.FileName);
        Assert.Single(Store.List(), r => r.FileName == first.FileName);
        Assert.Empty(Directory.GetFiles(Store.Directory, ".tmp-*"));
        using var wb = new XLWorkbook(Store.PathOf(again));
        Assert.Equal("汇总", wb.Worksheets.First().Name);
    }

    [Fact]
    public async Task A_half_written_report_is_never_offered_and_a_failed_rewrite_keeps_the_old_file()
    {
        app.CreateClient();
        var period = ReportPeriod.Month(2026, 9);
        var old = await app.Services.GetRequiredService<ReportService>().MakeAsync(period, "en");
        var oldBytes = await File.ReadAllBytesAsync(Store.PathOf(old));

        // While the new file is being written, the stored one is still the complete old workbook.
        await Store.WriteAtomicallyAsync(period, "en", async temp =>
        {
            await File.WriteAllBytesAsync(temp, [1, 2, 3]);
            Assert.Equal(oldBytes, await File.ReadAllBytesAsync(Store.PathOf(old)));
            Assert.DoesNotContain(Store.List(), r => r.FileName.StartsWith(".tmp-", StringComparison.Ordinal));
            await File.WriteAllBytesAsync(temp, oldBytes.Reverse().ToArray());
        });
        Assert.Equal(oldBytes.Reverse().ToArray(), await File.ReadAllBytesAsync(Store.PathOf(old)));

        // A write that fails half-way leaves the stored file as it was and no temporary file behind.
        var before = await File.ReadAllBytesAsync(Store.PathOf(old));
        await Assert.ThrowsAsync<IOException>(() => Store.WriteAtomicallyAsync(period, "en", async temp =>
        {
            await File.WriteAllBytesAsync(temp, [9, 9]);
            throw new IOException("disk full");
        }));
        Assert.Equal(before, await File.ReadAllBytesAsync(Store.PathOf(old)));
        Assert.Empty(Directory.GetFiles(Store.Directory, ".tmp-*"));
    }

    [Fact]
    public async Task Make_now_runs_in_the_background_and_reports_progress_to_the_end()
    {
        app.CreateClient();
        var queue = app.Services.GetRequiredService<ReportQueue>();
        var seen = new List<int>();
        void OnChanged(ReportJob j) { lock (seen) seen.Add(j.Percent); }
        queue.Changed += OnChanged;
        try
        {
            var job = queue.Enqueue(new ReportPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 15)), "en", "u1", "Manager", app.Clock.GetUtcNow().UtcDateTime);
            var result = await job.Completion.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(ReportJobState.Done, job.State);
            Assert.Equal(100, job.Percent);
            Assert.Equal("complaintops-report-2026-11-01_2026-11-15.en.xlsx", result!.FileName);
            Assert.True(File.Exists(Store.PathOf(result)));
            lock (seen) Assert.Contains(seen, p => p > 0 && p < 100);
        }
        finally
        {
            queue.Changed -= OnChanged;
        }
    }

    [Fact]
    public async Task Agents_are_refused_the_reports_page_and_the_files()
    {
        app.CreateClient();
        var report = await app.Services.GetRequiredService<ReportService>().MakeAsync(ReportPeriod.Month(2026, 8), "en");
        await SignIn.AssertRefusedAsync(app, "agent", "/reports");
        var agent = await SignIn.AsAsync(app, "agent");
        var response = await agent.GetAsync($"/reports/files/{report.FileName}");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/account/denied"), response.StatusCode.ToString());
        var anonymous = SignIn.NewClient(app);
        var anon = await anonymous.GetAsync($"/reports/files/{report.FileName}");
        Assert.NotEqual(HttpStatusCode.OK, anon.StatusCode);
        await using var db = app.OpenDb();
        Assert.False(await db.ReportDownloads.AnyAsync(d => d.FileName == report.FileName && d.UserName != "Manager"));
    }

    [Fact]
    public async Task Managers_download_a_report_and_the_download_is_logged()
    {
        app.CreateClient();
        var report = await app.Services.GetRequiredService<ReportService>().MakeAsync(ReportPeriod.Month(2026, 7), "en");
        var manager = await SignIn.AsAsync(app, "manager");
        var page = await manager.GetAsync("/reports");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(report.FileName, await page.Content.ReadAsStringAsync());

        var response = await manager.GetAsync($"/reports/files/{report.FileName}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReportStore.ContentType, response.Content.Headers.ContentType!.MediaType);
        using (var wb = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync())))
            Assert.Equal("Summary", wb.Worksheets.First().Name);

        await using var db = app.OpenDb();
        var log = await db.ReportDownloads.AsNoTracking().Where(d => d.FileName == report.FileName).ToListAsync();
        var entry = Assert.Single(log);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, entry.DownloadedAtUtc);
        var managerUser = await db.Users.SingleAsync(u => u.UserName == "manager");
        Assert.Equal(managerUser.Id, entry.UserId);

        // Names the store did not write are not served (no path tricks).
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/reports/files/..%2Fcomplaintops.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/reports/files/complaintops-report-1999-01.en.xlsx")).StatusCode);

        var admin = await SignIn.AsAsync(app, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/reports/files/{report.FileName}")).StatusCode);
    }
}
