using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Domain.Privacy;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Handling.Collaboration;

public enum TaskInboxFilter
{
    Open = 0,
    Overdue = 1,
    Answered = 2,
    All = 3,
}

/// <summary>A task as a liaison sees it: the question and the case summary it needs, personal data masked.</summary>
public sealed record TaskInboxRow(
    int Id, int ComplaintId, string TrackingNumber, string CaseTitle, ProblemType ProblemType, string ProductLine,
    string ComplainantMasked, string RespondentName, Department Department, CollaborationPurpose Purpose, string Question,
    string OpenedByName, DateTime OpenedAtUtc, DateTime DueUtc, CollaborationTaskStatus Status, string? Answer,
    string? AnsweredByName, DateTime? AnsweredAtUtc, bool Overdue);

public sealed record TaskInboxPage(IReadOnlyList<TaskInboxRow> Rows, int Total);

/// <summary>Per department: open tasks and how many of them are overdue (R21).</summary>
public sealed record DepartmentTaskCount(Department Department, int Open, int Overdue);

/// <summary>Reads of collaboration tasks; filters and pages in SQL (indexes on department, status, due time).</summary>
public sealed class CollaborationQueries(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time)
{
    public const int MaxPageSize = 100;

    /// <summary>The departments a user answers for.</summary>
    public async Task<IReadOnlyList<Department>> DepartmentsOfAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.DepartmentMembers.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.Department).Select(m => m.Department).ToListAsync(ct);
    }

    /// <summary>The tasks of one case, newest first.</summary>
    public async Task<IReadOnlyList<CollaborationTask>> ForComplaintAsync(int complaintId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CollaborationTasks.AsNoTracking().Where(t => t.ComplaintId == complaintId).OrderByDescending(t => t.Id).Take(200).ToListAsync(ct);
    }

    /// <summary>
    /// The inbox: tasks of <paramref name="departments"/> (null = every department, for supervisors and managers).
    /// Open and overdue tasks come soonest-due first; answered and all, newest first.
    /// </summary>
    public async Task<TaskInboxPage> InboxAsync(IReadOnlyCollection<Department>? departments, TaskInboxFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(page, 0);
        if (departments is { Count: 0 }) return new TaskInboxPage([], 0);
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var tasks = db.CollaborationTasks.AsNoTracking();
        if (departments is not null) tasks = tasks.Where(t => departments.Contains(t.Department));
        tasks = filter switch
        {
            TaskInboxFilter.Open => tasks.Where(t => t.Status == CollaborationTaskStatus.Open),
            TaskInboxFilter.Overdue => tasks.Where(t => t.Status == CollaborationTaskStatus.Open && t.DueUtc < now),
            TaskInboxFilter.Answered => tasks.Where(t => t.Status == CollaborationTaskStatus.Answered),
            _ => tasks,
        };
        var total = await tasks.CountAsync(ct);
        var ordered = filter is TaskInboxFilter.Open or TaskInboxFilter.Overdue
            ? tasks.OrderBy(t => t.DueUtc).ThenBy(t => t.Id)
            : tasks.OrderByDescending(t => t.Id);
        var rows = await ordered.Skip(page * pageSize).Take(pageSize)
            .Join(db.Complaints, t => t.ComplaintId, c => c.Id, (t, c) => new
            {
                Task = t,
                c.TrackingNumber,
                c.Title,
                c.ProblemType,
                c.ProductLine,
                ComplainantName = c.Complainant.Name,
                RespondentName = c.Respondent.Name,
            })
            .ToListAsync(ct);
        return new TaskInboxPage(
            rows.Select(r => new TaskInboxRow(
                r.Task.Id, r.Task.ComplaintId, r.TrackingNumber, r.Title, r.ProblemType, r.ProductLine, Mask.Name(r.ComplainantName),
                r.RespondentName, r.Task.Department, r.Task.Purpose, r.Task.Question, r.Task.OpenedByName, r.Task.OpenedAtUtc, r.Task.DueUtc,
                r.Task.Status, r.Task.Answer, r.Task.AnsweredByName, r.Task.AnsweredAtUtc, r.Task.IsOverdue(now))).ToList(),
            total);
    }

    /// <summary>Open and overdue tasks per department, every department listed (zeros included).</summary>
    public async Task<IReadOnlyList<DepartmentTaskCount>> CountsByDepartmentAsync(CancellationToken ct = default)
    {
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await db.CollaborationTasks.AsNoTracking()
            .Where(t => t.Status == CollaborationTaskStatus.Open)
            .GroupBy(t => t.Department)
            .Select(g => new { Department = g.Key, Open = g.Count(), Overdue = g.Count(t => t.DueUtc < now) })
            .ToListAsync(ct);
        return Enum.GetValues<Department>()
            .Select(d => counts.FirstOrDefault(c => c.Department == d) is { } c ? new DepartmentTaskCount(d, c.Open, c.Overdue) : new DepartmentTaskCount(d, 0, 0))
            .ToList();
    }
}
