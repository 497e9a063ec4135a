using ComplaintOps.Data;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using ComplaintOps.Infrastructure.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace ComplaintOps.Features.Reports;

public sealed record DownloadLogRow(string UserName, string FileName, long SizeBytes, DateTime DownloadedAtUtc);

public static class ReportsFeature
{
    /// <summary>Managers and administrators see, make and download reports.</summary>
    public const string Policy = "Reports";

    public static readonly string[] Roles = [Identity.Roles.Manager, Identity.Roles.Administrator];

    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ReportsOptions>().Bind(config.GetSection(ReportsOptions.Section)).ValidateDataAnnotations()
            .Validate(o => IsValidCron(o.Cron), "Reports:Cron is not a valid Quartz cron expression (seconds first, e.g. \"0 0 2 1 * ?\").")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Reports:TimeZone is not a known time zone.")
            .ValidateOnStart();
        // The quality feature (issue 6 §3) replaces this with its figures.
        services.TryAddSingleton<IQualityFigures, NoQualityFigures>();
        services.AddSingleton<ReportQueries>();
        services.AddSingleton<ReportWorkbook>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<ReportQueue>();
        services.AddHostedService<ReportWorker>();
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireRole(Roles));
        services.AddCronJob<MonthlyReportJob>("monthly-report", sp =>
        {
            var o = sp.GetRequiredService<IOptions<ReportsOptions>>().Value;
            return (o.Cron, TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone));
        }, "Last month's Excel report for the managers");
        return services;
    }

    public static bool IsValidCron(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>GET /reports/files/{fileName}: a stored workbook, for managers and administrators; every download is logged.</summary>
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/files/{fileName}", async (string fileName, HttpContext http, ReportStore store,
            IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time, CancellationToken ct) =>
        {
            if (store.Find(fileName) is not { } report) return Results.NotFound();
            var actor = CurrentActor.From(http.User);
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                db.ReportDownloads.Add(ReportDownload.Record(actor.Id, actor.Name, report.FileName, report.SizeBytes, time.UtcNow));
                await db.SaveChangesAsync(ct);
            }
            // Opened before returning: a re-run replacing the file meanwhile does not disturb this download (the old inode stays readable).
            var stream = new FileStream(store.PathOf(report), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);
            return Results.File(stream, ReportStore.ContentType, report.FileName);
        }).RequireAuthorization(Policy);
        return app;
    }

    public static async Task<IReadOnlyList<DownloadLogRow>> DownloadLogAsync(this IDbContextFactory<ComplaintOpsDb> dbFactory, int take = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ReportDownloads.AsNoTracking().OrderByDescending(d => d.DownloadedAtUtc).ThenByDescending(d => d.Id).Take(take)
            .Select(d => new DownloadLogRow(d.UserName, d.FileName, d.SizeBytes, d.DownloadedAtUtc)).ToListAsync(ct);
    }
}
