namespace ComplaintOps.Features.Quality;

/// <summary>One plan's draw of one week: at most one per plan and week (unique index), so a week is never drawn twice.</summary>
public sealed class SamplingDraw
{
    public long Id { get; set; }
    public long PlanId { get; set; }
    public DateOnly WeekStart { get; set; }
    public int Seed { get; set; }
    public int Candidates { get; set; }
    public int Sampled { get; set; }
    public int Handlers { get; set; }
    public DateTime DrawnAtUtc { get; set; }
    public string DrawnById { get; set; } = "";
    public string DrawnByName { get; set; } = "";
}

/// <summary>A quality inspector who decides appeals (per-user data in its own table, keyed by user id).</summary>
public sealed class SeniorInspector
{
    public string UserId { get; set; } = "";
    public DateTime GrantedAtUtc { get; set; }
}
