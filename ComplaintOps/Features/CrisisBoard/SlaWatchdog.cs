using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ComplaintOps.Features.CrisisBoard;

public enum SlaStage
{
    Warning = 1,
    Breach = 2,
}

public sealed record WatchdogResult(int Candidates, int Raised, int Escalated);

/// <summary>
/// The SLA watchdog (R8, R15–R17, R31): one indexed query for complaints whose earliest unmet due time
/// (<see cref="Complaint.NextDueUtc"/>) is within the look-ahead or past; their clocks are recomputed with the
/// working-day calendar (<see cref="WorkingCalendarService.Clock"/>), and each clock that has used
/// <see cref="CrisisBoardOptions.WarningFraction"/> of its window raises a warning, each one past due a breach.
/// Alarm keys (complaint × clock × stage × due time) make this exactly-once however often it runs, and a run
/// after downtime catches up with whatever fell due meanwhile. Then unacknowledged critical alarms escalate.
/// </summary>
public sealed class SlaWatchdog(
    IDbContextFactory<ComplaintOpsDb> dbFactory, WorkingCalendarService calendar, BusinessTime time,
    AlarmService alarms, IOptions<CrisisBoardOptions> options)
{
    public async Task<WatchdogResult> RunAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow;
        var o = options.Value;
        var horizon = now + o.Lookahead;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Complaints.AsNoTracking()
            .Where(c => c.NextDueUtc != null && c.NextDueUtc <= horizon)
            .Select(c => new
            {
                c.Id, c.TrackingNumber, c.Channel, c.RiskLevel, c.Status, c.ReceivedAtUtc, c.AcceptedAtUtc,
                c.FirstReplyAtUtc, c.LastProgressFeedbackAtUtc, c.FinishedAtUtc,
            })
            .ToListAsync(ct);

        var clock = calendar.Clock;
        var raised = new List<AlarmEvent>();
        foreach (var c in rows)
        {
            var facts = new SlaFacts(c.Channel, c.RiskLevel, c.Status, c.ReceivedAtUtc, c.AcceptedAtUtc, c.FirstReplyAtUtc, c.LastProgressFeedbackAtUtc, c.FinishedAtUtc);
            foreach (var reading in clock.Compute(facts).Clocks)
            {
                if (reading.MetAtUtc is not null) continue;
                var start = WindowStart(reading.Kind, facts);
                if (Stage(start, reading.DueUtc, now, o.WarningFraction) is not { } stage) continue;
                raised.Add(AlarmEvent.Raise(
                    stage == SlaStage.Breach ? AlarmKind.SlaBreach : AlarmKind.SlaWarning,
                    stage == SlaStage.Breach ? AlarmSeverity.Critical : AlarmSeverity.Warning,
                    now, $"{c.TrackingNumber} · {reading.Kind} · {time.Format(reading.DueUtc)}",
                    complaintId: c.Id, key: Key(c.Id, reading.Kind, stage, reading.DueUtc)));
            }
        }
        var count = await alarms.RaiseAsync(raised, ct);
        await alarms.ResolveFinishedAsync(ct);
        var escalated = await alarms.EscalateDueAsync(ct);
        return new WatchdogResult(rows.Count, count, escalated);
    }

    /// <summary>Breach once past due; warning once the given share of the window is used; otherwise nothing.</summary>
    public static SlaStage? Stage(DateTime startUtc, DateTime dueUtc, DateTime nowUtc, double warningFraction)
    {
        if (nowUtc > dueUtc) return SlaStage.Breach;
        var window = dueUtc - startUtc;
        return window > TimeSpan.Zero && nowUtc >= startUtc + window * warningFraction ? SlaStage.Warning : null;
    }

    /// <summary>One alarm per complaint × clock × stage; the due time tells a restarted progress clock from the last one.</summary>
    public static string Key(int complaintId, SlaClockKind kind, SlaStage stage, DateTime dueUtc) =>
        FormattableString.Invariant($"sla:{complaintId}:{kind}:{stage}:{dueUtc:yyyyMMddHHmm}");

    /// <summary>Where a clock's window starts (<see cref="SlaClock"/> counts from the same instants).</summary>
    private static DateTime WindowStart(SlaClockKind kind, SlaFacts f) => kind switch
    {
        SlaClockKind.ProgressFeedback => f.LastProgressFeedbackAtUtc ?? f.AcceptedAtUtc ?? f.ReceivedAtUtc,
        _ => f.ReceivedAtUtc,
    };
}

/// <summary>The Quartz job around <see cref="SlaWatchdog"/>; never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class SlaWatchdogJob(SlaWatchdog watchdog, ILogger<SlaWatchdogJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Tens of thousands of open complaints are due within the look-ahead on a large database, read and computed without a
        // pause (SQLite's async calls complete synchronously): on a thread of its own, so the thread pool that serves requests
        // is not held for the better part of a second each minute, and at a lower priority, so requests get the cores first
        // (docs/benchmarks.md, intake round 5).
        var result = await Task.Factory.StartNew(() =>
        {
            Infrastructure.Scheduling.BackgroundThreadPriority.LowerCurrentThread();
            return watchdog.RunAsync(cancellationToken);
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        if (result.Raised > 0 || result.Escalated > 0)
            log.LogInformation("SLA watchdog: {Candidates} candidate(s), {Raised} alarm(s) raised, {Escalated} escalated.", result.Candidates, result.Raised, result.Escalated);
    }
}
