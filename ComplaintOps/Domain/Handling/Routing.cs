using System.Linq.Expressions;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Handling;

/// <summary>What routing reads of a complaint (R19, R5): its grade, where it came from and what it is about.</summary>
public sealed record RoutingFacts(
    ComplaintSeverity Severity,
    RiskLevel RiskLevel,
    HighRiskTriggers Triggers,
    SpecialGroup SpecialGroup,
    Channel Channel,
    string ProductLine,
    ProblemType ProblemType)
{
    public static RoutingFacts Of(Complaint c) =>
        new(c.Severity, c.RiskLevel, c.HighRiskTriggers, c.SpecialGroup, c.Channel, c.ProductLine, c.ProblemType);
}

/// <summary>
/// A person who can handle complaints: their tier, their skills and how many open complaints they hold now.
/// An empty skill list means "any" (a generalist), so a handler without a profile still gets work.
/// </summary>
public sealed record HandlerCandidate(
    string Id,
    string Name,
    Tier Tier,
    IReadOnlyCollection<string> ProductLines,
    IReadOnlyCollection<ProblemType> ProblemTypes,
    int OpenWorkload)
{
    public bool IsSkilledFor(RoutingFacts facts) =>
        (ProductLines.Count == 0 || ProductLines.Contains(facts.ProductLine, StringComparer.OrdinalIgnoreCase))
        && (ProblemTypes.Count == 0 || ProblemTypes.Contains(facts.ProblemType));
}

/// <summary>The tier a complaint needs, the handler picked (null when nobody can take it) and why, in words for the timeline.</summary>
public sealed record RoutingDecision(Tier RequiredTier, HandlerCandidate? Handler, string Reason);

/// <summary>
/// Routing by tier, skill and workload (R19, R5).
/// <para>
/// Tier rule — the standard (§5.4.3, §9.2.2, and R23's "junior mediators for general cases, mid/senior for major
/// urgent ones, the company's mediation body for public-opinion crises") matches the handler's level to severity:
/// </para>
/// <list type="bullet">
/// <item><b>Coach</b> (服务教练): the highest risk level (Critical, 30-minute response under R8); or a high-risk case
/// (R10) that is a public-opinion crisis — from a public-opinion platform or the media, or triggered by national-media
/// exposure or major social impact.</item>
/// <item><b>Expert</b> (服务专家): any other high-risk case (government attention, multi-province batch, danger to life or
/// property), and risk level High even when the severity is general.</item>
/// <item><b>Agent</b> (普通客服): general cases at risk level Low or Medium. Medium (a large compensation demand or a
/// repeat complainant, R8) shortens the response time but stays with agents; otherwise two experts would carry a third
/// of all general cases.</item>
/// </list>
/// Special groups (R5) do not change the tier; they are routed first, so they get the least-loaded handlers.
/// </summary>
public static class Routing
{
    /// <summary>High-risk triggers that make a case a public-opinion crisis.</summary>
    public const HighRiskTriggers CrisisTriggers = HighRiskTriggers.NationalMediaExposure | HighRiskTriggers.MajorSocialImpact;

    public static Tier RequiredTier(RoutingFacts f)
    {
        var highRisk = f.Severity == ComplaintSeverity.HighRisk;
        if (f.RiskLevel == RiskLevel.Critical
            || (highRisk && ((f.Triggers & CrisisTriggers) != 0 || f.Channel is Channel.PublicOpinion or Channel.Media)))
            return Tier.Coach;
        if (highRisk || f.RiskLevel == RiskLevel.High) return Tier.Expert;
        return Tier.Agent;
    }

    /// <summary>
    /// The same rule as <see cref="RequiredTier"/>, as a query: open complaints whose tier is below what their grade
    /// needs. Kept beside the rule so the two change together; a test checks they agree for every grade.
    /// </summary>
    public static readonly Expression<Func<Complaint, bool>> BelowRequiredTier = c =>
        (c.Tier != Tier.Coach
            && (c.RiskLevel == RiskLevel.Critical
                || (c.Severity == ComplaintSeverity.HighRisk
                    && ((c.HighRiskTriggers & CrisisTriggers) != 0 || c.Channel == Channel.PublicOpinion || c.Channel == Channel.Media))))
        || (c.Tier == Tier.Agent && (c.Severity == ComplaintSeverity.HighRisk || c.RiskLevel == RiskLevel.High));

    /// <summary>What the dispatcher routes: a case with no handler yet, or one whose tier is below what its grade needs.</summary>
    public static readonly Expression<Func<Complaint, bool>> UnhandledOrBelowRequiredTier = Or(c => c.HandlerId == null, BelowRequiredTier);

    private static Expression<Func<Complaint, bool>> Or(Expression<Func<Complaint, bool>> a, Expression<Func<Complaint, bool>> b)
    {
        var right = new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        return Expression.Lambda<Func<Complaint, bool>>(Expression.OrElse(a.Body, right), a.Parameters[0]);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>
    /// Picks a handler of at least <paramref name="tier"/>: the least-loaded skilled handler of that tier; else the least-loaded
    /// handler of that tier; else the same one tier up, and so on. With nobody at or above the tier, the closest lower tier
    /// (said plainly in the reason, so a supervisor sees it) — a case with a handler beats a case waiting for someone who
    /// does not exist. Ties go to the handler whose id sorts first, so the choice is repeatable.
    /// </summary>
    public static RoutingDecision Pick(RoutingFacts facts, Tier tier, IReadOnlyList<HandlerCandidate> handlers, string why)
    {
        foreach (var t in Enum.GetValues<Tier>().Where(t => t >= tier).Order())
        {
            var ofTier = handlers.Where(h => h.Tier == t).ToList();
            var skilled = Lightest(ofTier.Where(h => h.IsSkilledFor(facts)));
            if (skilled is not null)
                return new(tier, skilled, $"{why}; {Describe(skilled, t, tier)}, skilled in {facts.ProductLine}/{facts.ProblemType}, {skilled.OpenWorkload} open");
            var any = Lightest(ofTier);
            if (any is not null)
                return new(tier, any, $"{why}; {Describe(any, t, tier)}, no {t} skilled in {facts.ProductLine}/{facts.ProblemType}, least loaded with {any.OpenWorkload} open");
        }
        foreach (var t in Enum.GetValues<Tier>().Where(t => t < tier).OrderDescending())
        {
            var lower = Lightest(handlers.Where(h => h.Tier == t && h.IsSkilledFor(facts))) ?? Lightest(handlers.Where(h => h.Tier == t));
            if (lower is not null)
                return new(tier, lower, $"{why}; no handler at tier {tier} or above — {lower.Name} ({t}) holds it until a supervisor reassigns, {lower.OpenWorkload} open");
        }
        return new(tier, null, $"{why}; no handler available");
    }

    /// <summary>Routes a new complaint: the tier from its grade, then the handler.</summary>
    public static RoutingDecision Route(RoutingFacts facts, IReadOnlyList<HandlerCandidate> handlers)
    {
        var tier = RequiredTier(facts);
        return Pick(facts, tier, handlers, $"Tier {tier}: {TierWhy(facts, tier)}");
    }

    /// <summary>Why the grade needs this tier, in a few words.</summary>
    public static string TierWhy(RoutingFacts f, Tier tier) => tier switch
    {
        Tier.Coach when f.RiskLevel == RiskLevel.Critical => "risk level Critical",
        Tier.Coach => "high-risk public-opinion case",
        Tier.Expert when f.Severity == ComplaintSeverity.HighRisk => $"high-risk ({f.Triggers})",
        Tier.Expert => "risk level High",
        _ => $"general, risk level {f.RiskLevel}",
    } + (f.SpecialGroup == SpecialGroup.None ? "" : $", special group {f.SpecialGroup} routed first");

    /// <summary>Order of routing: special groups first (R5), then higher risk, then earlier received.</summary>
    public static int ComparePriority(RoutingFacts a, DateTime aReceivedUtc, RoutingFacts b, DateTime bReceivedUtc)
    {
        var special = (b.SpecialGroup != SpecialGroup.None).CompareTo(a.SpecialGroup != SpecialGroup.None);
        if (special != 0) return special;
        var risk = b.RiskLevel.CompareTo(a.RiskLevel);
        return risk != 0 ? risk : aReceivedUtc.CompareTo(bReceivedUtc);
    }

    private static HandlerCandidate? Lightest(IEnumerable<HandlerCandidate> handlers) =>
        handlers.OrderBy(h => h.OpenWorkload).ThenBy(h => h.Id, StringComparer.Ordinal).FirstOrDefault();

    private static string Describe(HandlerCandidate h, Tier actual, Tier wanted) =>
        actual == wanted ? $"{h.Name} ({actual})" : $"{h.Name} ({actual}, no {wanted} available)";
}
