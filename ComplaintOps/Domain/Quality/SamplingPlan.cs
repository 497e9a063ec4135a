using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Quality;

/// <summary>A sampling plan an inspector or manager defines: which of a week's closed cases are inspected.</summary>
public sealed class SamplingPlan
{
    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public int RandomPercent { get; private set; }
    public bool AllHighRisk { get; private set; }
    public bool AllLowSatisfaction { get; private set; }
    public int LowSatisfactionThreshold { get; private set; } = 2;
    public bool AllReferred { get; private set; }
    /// <summary>The seed of the random draws: the same plan, week and seed always draw the same cases.</summary>
    public int Seed { get; private set; }
    public bool Active { get; private set; } = true;
    public string UpdatedById { get; private set; } = "";
    public string UpdatedByName { get; private set; } = "";
    public DateTime UpdatedAtUtc { get; private set; }
    public int Version { get; private set; }

    public const int MaxNameLength = 100;

    public SamplingRules Rules => new(RandomPercent, AllHighRisk, AllLowSatisfaction, LowSatisfactionThreshold, AllReferred);

    private SamplingPlan() { }

    public static SamplingPlan Create(string name, SamplingRules rules, int seed, Actor by, DateTime nowUtc)
    {
        var plan = new SamplingPlan();
        plan.Update(name, rules, seed, true, by, nowUtc);
        plan.Version = 0;
        return plan;
    }

    public void Update(string name, SamplingRules rules, int seed, bool active, Actor by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException("SamplingPlanName", "Give the plan a name.");
        if (name.Trim().Length > MaxNameLength)
            throw new DomainException("SamplingPlanName", $"A plan name has at most {MaxNameLength} characters.");
        rules.Validate();
        Name = name.Trim();
        RandomPercent = rules.RandomPercent;
        AllHighRisk = rules.AllHighRisk;
        AllLowSatisfaction = rules.AllLowSatisfaction;
        LowSatisfactionThreshold = rules.LowSatisfactionThreshold;
        AllReferred = rules.AllReferred;
        Seed = seed;
        Active = active;
        UpdatedById = by.Id;
        UpdatedByName = by.Name;
        UpdatedAtUtc = UtcInstant.Require(nowUtc);
        Version++;
    }
}
