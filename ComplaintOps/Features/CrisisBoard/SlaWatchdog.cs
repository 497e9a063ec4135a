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

/// <summary>
/// One watchdog run: complaints due within the look-ahead, alarms raised and escalated, and how many complaints' clocks were
/// computed (those that could have reached a warning or their due time).
/// </summary>
public sealed record WatchdogResult(int Candidates, int Raised, int Escalated, int Assessed);

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
        var clock = calendar.Clock;
        var raised = new List<AlarmEvent>();
        var (candidates, assessed) = (0, 0);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Page by page in due order (IX_Complaints_NextDueUtc), with a short pause between pages: one read of every
            // complaint due within the look-ahead (86,000 on the intake benchmark's database) held the process up for 0.6 s
            // each minute (docs/benchmarks.md, intake round 6).
            DateTime? after = null;
            while (true)
            {
                var due = db.Complaints.AsNoTracking().Where(c => c.NextDueUtc != null && c.NextDueUtc <= horizon);
                if (after is { } a) due = due.Where(c => c.NextDueUtc > a);
                var page = await ReadDue(due.OrderBy(c => c.NextDueUtc).Take(o.WatchdogPageSize), ct);
                if (page.Count == 0) break;
                var last = page[^1].NextDueUtc;
                var full = page.Count == o.WatchdogPageSize;
                if (full)
                {
                    // The page may have cut through the complaints due at `last`: read all of those together.
                    page.RemoveAll(r => r.NextDueUtc == last);
                    page.AddRange(await ReadDue(db.Complaints.AsNoTracking().Where(c => c.NextDueUtc == last), ct));
                }
                candidates += page.Count;
                // Only those whose clocks can have reached a warning or their due time are read whole and assessed.
                var ids = page.Where(r => MayAlarm(r, now, o.WarningFraction)).Select(r => r.Id).ToList();
                if (ids.Count > 0)
                    foreach (var c in await Read(db.Complaints.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.Id)), ct))
                    {
                        assessed++;
                        Assess(c, clock, now, o.WarningFraction, raised);
                    }
                if (!full) break;
                after = last;
                await Task.Delay(o.WatchdogPagePause, ct);
            }
        }
        var count = await alarms.RaiseAsync(raised, ct);
        await alarms.ResolveFinishedAsync(ct);
        var escalated = await alarms.EscalateDueAsync(ct);
        return new WatchdogResult(candidates, count, escalated, assessed);
    }

    /// <summary>A complaint due within the look-ahead: its id, when it was received and when its clocks started, its next due time.</summary>
    private sealed record Due(int Id, DateTime ReceivedAtUtc, DateTime? AcceptedAtUtc, DateTime? LastProgressFeedbackAtUtc, DateTime NextDueUtc);

    private static Task<List<Due>> ReadDue(IQueryable<Complaint> query, CancellationToken ct) =>
        query.Select(c => new Due(c.Id, c.ReceivedAtUtc, c.AcceptedAtUtc, c.LastProgressFeedbackAtUtc, c.NextDueUtc!.Value)).ToListAsync(ct);

    /// <summary>
    /// Whether any clock of <paramref name="c"/> can be past due or past its warning point at <paramref name="now"/>. Each open
    /// clock is due no earlier than the stored next due time and starts no earlier than the earliest of the instants clocks
    /// start from, and its warning point (start + fraction × window) grows with both, so below that bound none can alarm.
    /// On the intake benchmark's database ~60,000 fresh complaints were due within the look-ahead: reading each whole and
    /// computing its clocks every minute took a core for seconds and paused the garbage collector (docs/benchmarks.md,
    /// intake round 7).
    /// </summary>
    private static bool MayAlarm(Due c, DateTime now, double warningFraction)
    {
        if (now > c.NextDueUtc) return true;
        var start = Min(c.ReceivedAtUtc, Min(c.AcceptedAtUtc ?? c.ReceivedAtUtc, c.LastProgressFeedbackAtUtc ?? c.ReceivedAtUtc));
        if (c.NextDueUtc <= start) return true;
        // A second's margin for the double arithmetic, on the side of assessing.
        return start + (c.NextDueUtc - start) * warningFraction <= now + TimeSpan.FromSeconds(1);
    }

    private static DateTime Min(DateTime a, DateTime b) => a <= b ? a : b;

    private sealed record DueRow(
        int Id, string TrackingNumber, Channel Channel, RiskLevel RiskLevel, ComplaintStatus Status, DateTime ReceivedAtUtc,
        DateTime? AcceptedAtUtc, DateTime? FirstReplyAtUtc, DateTime? LastProgressFeedbackAtUtc, DateTime? FinishedAtUtc, DateTime? NextDueUtc);

    private static Task<List<DueRow>> Read(IQueryable<Complaint> query, CancellationToken ct) =>
        query.Select(c => new DueRow(c.Id, c.TrackingNumber, c.Channel, c.RiskLevel, c.Status, c.ReceivedAtUtc, c.AcceptedAtUtc,
            c.FirstReplyAtUtc, c.LastProgressFeedbackAtUtc, c.FinishedAtUtc, c.NextDueUtc)).ToListAsync(ct);

    /// <summary>The alarms one complaint's clocks call for now (exactly-once is the keys' job).</summary>
    private void Assess(DueRow c, SlaClock clock, DateTime now, double warningFraction, List<AlarmEvent> raised)
    {
        var facts = new SlaFacts(c.Channel, c.RiskLevel, c.Status, c.ReceivedAtUtc, c.AcceptedAtUtc, c.FirstReplyAtUtc, c.LastProgressFeedbackAtUtc, c.FinishedAtUtc);
        foreach (var reading in clock.Compute(facts).Clocks)
        {
            if (reading.MetAtUtc is not null) continue;
            var start = WindowStart(reading.Kind, facts);
            if (Stage(start, reading.DueUtc, now, warningFraction) is not { } stage) continue;
            raised.Add(AlarmEvent.Raise(
                stage == SlaStage.Breach ? AlarmKind.SlaBreach : AlarmKind.SlaWarning,
                stage == SlaStage.Breach ? AlarmSeverity.Critical : AlarmSeverity.Warning,
                now, $"{c.TrackingNumber} · {reading.Kind} · {time.Format(reading.DueUtc)}",
                complaintId: c.Id, key: Key(c.Id, reading.Kind, stage, reading.DueUtc)));
        }
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
        // The watchdog reads page by page with pauses (see SlaWatchdog.RunAsync), so it shares the thread pool with requests.
        // (Round 5 ran one long read on a thread of its own at niceness 10; the low-priority thread still stalled every
        // request for 0.2–0.7 s each minute once the database held 86,000 due complaints: docs/benchmarks.md, round 6.)
        var result = await watchdog.RunAsync(cancellationToken);
        if (result.Raised > 0 || result.Escalated > 0)
            log.LogInformation("SLA watchdog: {Candidates} candidate(s), {Assessed} assessed, {Raised} alarm(s) raised, {Escalated} escalated.", result.Candidates, result.Assessed, result.Raised, result.Escalated);
    }
}
