using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Quality;

/// <summary>Why a case is in the inspection queue (several can apply).</summary>
[Flags]
public enum SampleReason
{
    None = 0,
    /// <summary>The random X% of the handler's closed cases that week.</summary>
    Random = 1,
    HighRisk = 2,
    /// <summary>Satisfaction score at or below the plan's threshold.</summary>
    LowSatisfaction = 4,
    /// <summary>Referred to an outside route (no agreement).</summary>
    Referred = 8,
    /// <summary>An inspection (巡检) an inspector started on a case, open or closed.</summary>
    Patrol = 16,
    /// <summary>A second inspector scores a case already scored, to compare (calibration).</summary>
    Calibration = 32,
}

/// <summary>What a sampling plan draws from each week's closed cases.</summary>
public sealed record SamplingRules(int RandomPercent, bool AllHighRisk, bool AllLowSatisfaction, int LowSatisfactionThreshold, bool AllReferred)
{
    public void Validate()
    {
        if (RandomPercent is < 0 or > 100)
            throw new DomainException("SamplingPercent", "The random share is between 0 and 100 %.");
        if (LowSatisfactionThreshold is < 1 or > 4)
            throw new DomainException("SamplingThreshold", "The low-satisfaction threshold is 1 to 4 stars.");
        if (RandomPercent == 0 && !AllHighRisk && !AllLowSatisfaction && !AllReferred)
            throw new DomainException("SamplingNoRule", "A plan needs a random share or at least one \"all …\" rule.");
    }
}

/// <summary>A closed case of the week, with what the rules look at.</summary>
public sealed record SamplingCandidate(int ComplaintId, string HandlerId, bool HighRisk, int? SatisfactionScore, bool Referred);

public sealed record SampledCase(int ComplaintId, string HandlerId, SampleReason Reasons);

/// <summary>
/// Draws the week's inspection sample. The random part is stratified by handler — each handler's own X% (rounded up, at
/// least one case for every handler with closed cases) — and reproducible: the same candidates, rules and seed always give
/// the same sample, whatever order the candidates come in. The "all …" rules add every matching case.
/// </summary>
public static class Sampler
{
    public static IReadOnlyList<SampledCase> Draw(IEnumerable<SamplingCandidate> candidates, SamplingRules rules, int seed)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        var all = candidates.GroupBy(c => c.ComplaintId).Select(g => g.First()).OrderBy(c => c.ComplaintId).ToList();
        var reasons = new Dictionary<int, SampleReason>();
        void Add(SamplingCandidate c, SampleReason r) => reasons[c.ComplaintId] = reasons.GetValueOrDefault(c.ComplaintId) | r;

        if (rules.RandomPercent > 0)
        {
            foreach (var handler in all.GroupBy(c => c.HandlerId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var cases = handler.ToArray();
                var take = Math.Max(1, (int)Math.Ceiling(cases.Length * rules.RandomPercent / 100.0));
                var rng = new Random(unchecked(seed ^ StableHash(handler.Key)));
                for (var i = cases.Length - 1; i > 0; i--)
                {
                    var j = rng.Next(i + 1);
                    (cases[i], cases[j]) = (cases[j], cases[i]);
                }
                foreach (var c in cases.Take(take)) Add(c, SampleReason.Random);
            }
        }
        foreach (var c in all)
        {
            if (rules.AllHighRisk && c.HighRisk) Add(c, SampleReason.HighRisk);
            if (rules.AllLowSatisfaction && c.SatisfactionScore is { } s && s <= rules.LowSatisfactionThreshold) Add(c, SampleReason.LowSatisfaction);
            if (rules.AllReferred && c.Referred) Add(c, SampleReason.Referred);
        }
        return all.Where(c => reasons.ContainsKey(c.ComplaintId)).Select(c => new SampledCase(c.ComplaintId, c.HandlerId, reasons[c.ComplaintId])).ToList();
    }

    /// <summary>The seed of one plan's draw for one week: the plan's seed and the week, so each week differs but repeats exactly.</summary>
    public static int SeedFor(int planSeed, DateOnly weekStart) => unchecked((planSeed * 397) ^ weekStart.DayNumber);

    /// <summary>Monday of the (business-time) week <paramref name="day"/> falls in.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>FNV-1a: string.GetHashCode differs between processes, which would break reproducibility.</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var ch in text) hash = (hash ^ ch) * 16777619;
            return hash;
        }
    }
}
