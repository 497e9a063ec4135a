using ComplaintOps.Domain.Quality;
using ComplaintOps.Domain.AnswerRate;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.AnswerRate;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Reports;
using ComplaintOps.Features.Satisfaction;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Reports;

/// <summary>October 2026 (the month before the fake clock's) with call intervals, ratings, compensation and department tasks on top of the demo complaints.</summary>
public static class ReportTestData
{
    public static readonly ReportPeriod October = ReportPeriod.Month(2026, 10);
    public static readonly DateTime FromUtc = new(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime ToUtc = new(2026, 10, 31, 16, 0, 0, DateTimeKind.Utc);

    private static readonly SemaphoreSlim Once = new(1, 1);

    public static async Task EnsureAsync(AppFactory app)
    {
        await Once.WaitAsync();
        try
        {
            await using var db = app.OpenDb();
            if (await db.CallIntervals.AnyAsync(x => x.IntervalStartUtc >= FromUtc && x.IntervalStartUtc < ToUtc)) return;
            var by = new Actor("test", "Test");
            await app.Services.GetRequiredService<AnswerRateService>().ImportAsync(
            [
                new CallIntervalRow(new DateTime(2026, 10, 9, 9, 0, 0), 120, 100, 20),
                new CallIntervalRow(new DateTime(2026, 10, 9, 9, 30, 0), 80, 75, 5),
                new CallIntervalRow(new DateTime(2026, 9, 15, 10, 0, 0), 50, 45, 5),
            ], by);

            var october = await db.Complaints.Where(c => c.ReceivedAtUtc >= FromUtc && c.ReceivedAtUtc < ToUtc).OrderBy(c => c.Id).ToListAsync();
            var handled = october.Where(c => c.HandlerId != null).Take(5).ToList();
            var scores = new[] { 5, 4, 2, 5, 1 };
            for (var i = 0; i < handled.Count; i++)
                db.SatisfactionAnswers.Add(SatisfactionAnswer.Record(handled[i], scores[i], null, SatisfactionSource.Phone, by, new DateTime(2026, 10, 20, 3, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 10, 20)));

            // Compensation is proposed on October cases; department tasks are opened in October from cases still being handled.
            var compensated = october.Take(3).ToList(); // Propose only reads the case, so archived ones are fine
            var open = await db.Complaints.Where(c => c.Status != ComplaintStatus.Received && c.Status != ComplaintStatus.Closed && c.Status != ComplaintStatus.Referred
                && c.Status != ComplaintStatus.NotEstablished && c.Status != ComplaintStatus.OutOfScope && c.Status != ComplaintStatus.Archived).OrderBy(c => c.Id).Take(3).ToListAsync();
            var clock = app.Services.GetRequiredService<WorkingCalendarService>().Clock;
            var amounts = new long[] { 5_000, 12_345, 900_000 };
            for (var i = 0; i < compensated.Count; i++)
                db.CompensationEntries.Add(CompensationEntry.Propose(compensated[i], amounts[i], CompensationKind.Refund, "test", 20_000, 202610, by, new DateTime(2026, 10, 12, 2, 0, 0, DateTimeKind.Utc)));
            for (var i = 0; i < open.Count; i++)
                db.CollaborationTasks.Add(CollaborationTask.Open(open[i], (Department)(i % 3), CollaborationPurpose.Investigation, "Please check", 2, clock, by, new DateTime(2026, 10, 12, 2, 0, 0, DateTimeKind.Utc)));
            // Two October scorecards (R31): one of 90, one critical fail (0).
            var inspector = new Actor("inspector-report-test", "质检测试");
            var all90 = Enum.GetValues<QualityDimension>().Select(d => new DimensionScore(d, 90)).ToList();
            for (var i = 0; i < 2; i++)
            {
                var c = handled[i];
                var inspection = Inspection.Queue(c.Id, c.TrackingNumber, false, new Actor(c.HandlerId!, c.HandlerName ?? ""), "Agent",
                    InspectionKind.SpotCheck, SampleReason.Random, null, null, inspector, new DateTime(2026, 10, 21, 2, 0, 0, DateTimeKind.Utc));
                inspection.Score(inspector, ScorecardWeights.Default, all90, criticalFail: i == 1, i == 1 ? "泄露用户手机号" : null, null,
                    new DateTime(2026, 10, 21, 3, 0, 0, DateTimeKind.Utc));
                db.Inspections.Add(inspection);
            }
            await db.SaveChangesAsync();
        }
        finally
        {
            Once.Release();
        }
    }
}
