using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Intake;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ComplaintOps.Features.Satisfaction;

public sealed record CallbackRunResult(int Scheduled, int Missed);

/// <summary>An open call-back as the /callbacks page lists it.</summary>
public sealed record CallbackRow(long Id, string TrackingNumber, int Score, string? Comment, string AssignedToName, DateTime DueUtc, bool InBookedSlot, bool Overdue);

/// <summary>
/// §2 of issue 6. The Quartz job (<see cref="CallbackJob"/>) runs <see cref="RunAsync"/>: every low score without a
/// call-back gets one (the unique index on <see cref="CallbackTask.AnswerId"/> makes it exactly one however often or
/// concurrently it runs), with a low-satisfaction alarm (alarm key <c>lowsat:{answer}</c>); every open call-back past its
/// due time raises a missed-deadline alarm once (<c>callback-missed:{task}</c>). Everything is in the database, nothing in
/// triggers: a restart (or downtime) is caught up by the next run.
/// Alarms carry no complaint id: the alarm service resolves alarms of finished complaints, and these are about archived
/// cases; the tracking number is in the summary.
/// </summary>
public sealed class CallbackScheduler(
    IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time, WorkingCalendarService calendar, AlarmService alarms,
    IntakeService intake, IOptions<SatisfactionOptions> options)
{
    public async Task<CallbackRunResult> RunAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow;
        var o = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = await db.Set<SatisfactionAnswer>().AsNoTracking()
            .Where(a => a.Score <= o.LowScoreThreshold && !db.Set<CallbackTask>().Any(t => t.AnswerId == a.Id))
            .OrderBy(a => a.Id).Take(200).ToListAsync(ct);
        var scheduled = 0;
        if (pending.Count > 0)
        {
            var seniors = (await alarms.AssignableUsersAsync(ct)).Where(u => u.Tier is Tier.Expert or Tier.Coach).ToList();
            var load = await db.Set<CallbackTask>().Where(t => t.Outcome == null).GroupBy(t => t.AssignedToId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var ids = pending.Select(p => p.ComplaintId).ToList();
            var slots = await db.CallbackBookings.AsNoTracking().Where(b => ids.Contains(b.ComplaintId) && b.SlotStartUtc > now)
                .GroupBy(b => b.ComplaintId).Select(g => new { g.Key, Slot = g.Min(b => b.SlotStartUtc) }).ToDictionaryAsync(g => g.Key, g => g.Slot, ct);
            foreach (var answer in pending)
            {
                // Not the original handler or owner: someone senior who did not handle the case, the least loaded first.
                var who = seniors.Where(s => s.Id != answer.HandlerId && s.Id != answer.OwnerId)
                    .OrderBy(s => load.GetValueOrDefault(s.Id)).ThenBy(s => s.Tier).ThenBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault();
                if (who is null) continue;
                var booked = slots.TryGetValue(answer.ComplaintId, out var slot);
                var due = booked ? slot : calendar.Clock.EndOfWorkingHours(now, TimeSpan.FromHours(o.CallbackWorkingHours), o.WorkdayStart, o.WorkdayEnd);
                db.Add(CallbackTask.Schedule(answer, who.Id, who.Name, now, due, booked));
                try
                {
                    await db.SaveChangesAsync(ct);
                    scheduled++;
                    load[who.Id] = load.GetValueOrDefault(who.Id) + 1;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear(); // Another run created it meanwhile (unique index): still one.
                }
            }
        }

        // The alarms (idempotent by key) for every low score that has a task — also those whose alarm a crash between
        // the two saves lost.
        var lowSince = now.AddDays(-30);
        var lows = await db.Set<CallbackTask>().AsNoTracking().Where(t => t.CreatedAtUtc >= lowSince)
            .Select(t => new { t.AnswerId, t.ComplaintId, t.TrackingNumber, t.Score, t.AssignedToName, t.DueUtc }).ToListAsync(ct);
        await alarms.RaiseAsync(lows.Select(t => AlarmEvent.Raise(AlarmKind.LowSatisfaction, AlarmSeverity.Warning, now,
            $"{t.TrackingNumber} · {t.Score}★ · 回访 {t.AssignedToName} · {time.Format(t.DueUtc)}", key: LowScoreKey(t.AnswerId), complaintId: t.ComplaintId)).ToList(), ct);

        var missed = await db.Set<CallbackTask>().AsNoTracking().Where(t => t.Outcome == null && t.DueUtc < now)
            .Select(t => new { t.Id, t.ComplaintId, t.TrackingNumber, t.AssignedToName, t.DueUtc }).ToListAsync(ct);
        var missedCount = await alarms.RaiseAsync(missed.Select(t => AlarmEvent.Raise(AlarmKind.LowSatisfaction, AlarmSeverity.Critical, now,
            $"{t.TrackingNumber} · 回访超时 · {t.AssignedToName} · {time.Format(t.DueUtc)}", key: MissedKey(t.Id), complaintId: t.ComplaintId)).ToList(), ct);
        return new CallbackRunResult(scheduled, missedCount);
    }

    public static string LowScoreKey(long answerId) => FormattableString.Invariant($"lowsat:{answerId}");
    public static string MissedKey(long taskId) => FormattableString.Invariant($"callback-missed:{taskId}");
    public static string EscalatedKey(long taskId) => FormattableString.Invariant($"callback-escalated:{taskId}");

    /// <summary>Open call-backs, due soonest first; a senior sees their own, a supervisor sees all.</summary>
    public async Task<IReadOnlyList<CallbackRow>> OpenAsync(string? assignedToId, CancellationToken ct = default)
    {
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.Set<CallbackTask>().AsNoTracking().Where(t => t.Outcome == null);
        if (assignedToId is not null) q = q.Where(t => t.AssignedToId == assignedToId);
        return await q.OrderBy(t => t.DueUtc).Take(200)
            .Join(db.Set<SatisfactionAnswer>(), t => t.AnswerId, a => a.Id, (t, a) => new CallbackRow(t.Id, t.TrackingNumber, t.Score, a.Comment, t.AssignedToName, t.DueUtc, t.InBookedSlot, t.DueUtc < now))
            .ToListAsync(ct);
    }

    /// <summary>
    /// The outcome of a call-back. Resolved: done. Still dissatisfied: a critical alarm for the supervisor. Reopened: the
    /// archived case cannot change (R27), so the case goes back to handling as a NEW complaint received through
    /// <see cref="IntakeService.ReceiveAsync"/> with the same parties and problem, its source reference the original tracking
    /// number, received in the original owner's name so the owner stays the same (R34); the task keeps the link.
    /// </summary>
    public async Task<CallbackTask> CloseAsync(long taskId, CallbackOutcome outcome, string? note, Actor by, CancellationToken ct = default)
    {
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var task = await db.Set<CallbackTask>().SingleOrDefaultAsync(t => t.Id == taskId, ct)
            ?? throw new DomainException("CallbackNotFound", "No such call-back.");
        if (!task.IsOpen) throw new DomainException("CallbackClosed", "This call-back already has an outcome.");
        if (outcome != CallbackOutcome.Resolved && string.IsNullOrWhiteSpace(note))
            throw new DomainException("CallbackNoteRequired", "Say what the user told you.");
        int? followUp = null;
        if (outcome == CallbackOutcome.Reopened)
        {
            var original = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == task.ComplaintId, ct);
            var data = new NewComplaint
            {
                Channel = original.Channel,
                SourceName = "回访重开",
                SourceReference = original.TrackingNumber,
                SpecialGroup = original.SpecialGroup,
                Complainant = original.Complainant,
                Respondent = original.Respondent,
                ProductLine = original.ProductLine,
                ProblemSubType = original.ProblemSubType,
                RiskLevel = original.RiskLevel,
                Title = Truncate($"回访重开：{original.Title}", 200),
                Description = Truncate($"原投诉 {original.TrackingNumber} 回访时用户仍不满意（{task.Score} 星），重新办理。回访记录：{note!.Trim()}", 4000),
                Demands = original.Demands,
            };
            var owner = new Actor(original.OwnerId, original.OwnerName);
            followUp = (await intake.ReceiveAsync(data, owner, owner, ct)).Id;
        }
        task.Close(outcome, note, by, now, followUp);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("CallbackClosed", "This call-back already has an outcome.");
        }
        if (outcome == CallbackOutcome.StillDissatisfied)
            await alarms.RaiseAsync([AlarmEvent.Raise(AlarmKind.LowSatisfaction, AlarmSeverity.Critical, now,
                $"{task.TrackingNumber} · 回访后仍不满意 · {by.Name}", key: EscalatedKey(task.Id), complaintId: task.ComplaintId)], ct);
        return task;
    }

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}

/// <summary>The Quartz job around <see cref="CallbackScheduler.RunAsync"/>; never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class CallbackJob(CallbackScheduler scheduler, ILogger<CallbackJob> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await scheduler.RunAsync(cancellationToken);
        if (result.Scheduled > 0 || result.Missed > 0)
            log.LogInformation("Call-backs: {Scheduled} scheduled, {Missed} missed-deadline alarm(s).", result.Scheduled, result.Missed);
    }
}
