using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Complaints;

/// <summary>
/// Due times are stored for SQL sorting, so when the calendar changes (a new year's arrangement is
/// loaded) every case still being handled gets its due times computed again.
/// </summary>
public sealed class DueTimeRefresher(IDbContextFactory<ComplaintOpsDb> dbFactory, WorkingCalendarService calendar)
{
    private const int Batch = 1000;

    private static readonly ComplaintStatus[] Finished =
        Enum.GetValues<ComplaintStatus>().Where(Lifecycle.IsFinished).ToArray();

    /// <summary>Returns how many complaints got new due times.</summary>
    public async Task<int> RefreshOpenComplaintsAsync(CancellationToken ct = default)
    {
        var clock = calendar.Clock;
        var changed = 0;
        var lastId = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var page = await db.Complaints
                .Where(c => c.Id > lastId && !Finished.Contains(c.Status))
                .OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (page.Count == 0) return changed;
            foreach (var complaint in page)
            {
                var before = (complaint.NextDueUtc, complaint.LetterReplyDueUtc, complaint.ProgressFeedbackDueUtc);
                complaint.ApplySchedule(clock.Compute(complaint.SlaFacts));
                if (before != (complaint.NextDueUtc, complaint.LetterReplyDueUtc, complaint.ProgressFeedbackDueUtc)) changed++;
            }
            await db.SaveChangesAsync(ct);
            lastId = page[^1].Id;
        }
    }
}
