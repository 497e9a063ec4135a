using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Handling.Routing;

/// <summary>
/// A handler's routing profile, keyed by user id (kept out of AppUser): tier, skills and whether they take new cases.
/// A handler without a profile is routed by role (Agent, Expert, Coach) with no skill limits.
/// </summary>
public sealed class HandlerProfile
{
    public string UserId { get; set; } = "";
    public Tier Tier { get; set; } = Tier.Agent;
    /// <summary>Product lines this handler knows; empty = any.</summary>
    public List<string> ProductLines { get; set; } = [];
    /// <summary>Problem types this handler knows; empty = any.</summary>
    public List<ProblemType> ProblemTypes { get; set; } = [];
    /// <summary>Off: away or on leave; routing and re-escalation skip them (supervisors can still assign).</summary>
    public bool TakesNewCases { get; set; } = true;
}
