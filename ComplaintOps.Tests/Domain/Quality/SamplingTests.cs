using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;

namespace ComplaintOps.Tests.Domain.Quality;

/// <summary>R31 spot checks: the weekly draw is reproducible with a seed, stratified by handler, and the "all …" rules take every match.</summary>
public sealed class SamplingTests
{
    /// <summary>Handler a: 40 cases, b: 10, c: 1 — ids 1..51.</summary>
    private static List<SamplingCandidate> Week()
    {
        var list = new List<SamplingCandidate>();
        var id = 1;
        foreach (var (handler, n) in new[] { ("a", 40), ("b", 10), ("c", 1) })
            for (var i = 0; i < n; i++, id++)
                list.Add(new SamplingCandidate(id, handler, HighRisk: id % 7 == 0, SatisfactionScore: id % 5 == 0 ? id % 3 + 1 : null, Referred: id == 13));
        return list;
    }

    private static readonly SamplingRules TenPercent = new(10, false, false, 2, false);

    [Fact]
    public void R31_the_same_seed_draws_the_same_cases_whatever_the_input_order()
    {
        var first = Sampler.Draw(Week(), TenPercent, seed: 42).Select(s => s.ComplaintId).ToArray();
        var shuffled = Week().OrderBy(c => (c.ComplaintId * 7919) % 101).ToList();
        var again = Sampler.Draw(shuffled, TenPercent, seed: 42).Select(s => s.ComplaintId).ToArray();

        Assert.Equal(first, again);
    }

    [Fact]
    public void R31_another_seed_draws_other_cases()
    {
        var draws = Enumerable.Range(1, 5).Select(seed => string.Join(",", Sampler.Draw(Week(), TenPercent, seed).Select(s => s.ComplaintId))).ToHashSet();

        Assert.True(draws.Count > 1, "five seeds all drew the same cases");
    }

    [Fact]
    public void R31_the_draw_is_stratified_every_handler_gets_their_share_rounded_up_and_at_least_one()
    {
        var sample = Sampler.Draw(Week(), TenPercent, seed: 7);

        var perHandler = sample.GroupBy(s => s.HandlerId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, perHandler["a"]);   // 10% of 40
        Assert.Equal(1, perHandler["b"]);   // 10% of 10
        Assert.Equal(1, perHandler["c"]);   // 10% of 1, rounded up: nobody is left out
        Assert.All(sample, s => Assert.Equal(SampleReason.Random, s.Reasons));
        // Each sampled case really is that handler's.
        var owner = Week().ToDictionary(c => c.ComplaintId, c => c.HandlerId);
        Assert.All(sample, s => Assert.Equal(owner[s.ComplaintId], s.HandlerId));
    }

    [Fact]
    public void R31_all_high_risk_takes_every_high_risk_case_and_nothing_else()
    {
        var sample = Sampler.Draw(Week(), new SamplingRules(0, AllHighRisk: true, false, 2, false), seed: 1);

        var expected = Week().Where(c => c.HighRisk).Select(c => c.ComplaintId).ToArray();
        Assert.Equal(expected, sample.Select(s => s.ComplaintId).ToArray());
        Assert.All(sample, s => Assert.Equal(SampleReason.HighRisk, s.Reasons));
    }

    [Fact]
    public void R31_all_low_satisfaction_takes_every_score_at_or_below_the_threshold()
    {
        var cases = new[]
        {
            new SamplingCandidate(1, "a", false, 1, false),
            new SamplingCandidate(2, "a", false, 2, false),
            new SamplingCandidate(3, "a", false, 3, false),
            new SamplingCandidate(4, "b", false, 5, false),
            new SamplingCandidate(5, "b", false, null, false),
        };

        var atTwo = Sampler.Draw(cases, new SamplingRules(0, false, AllLowSatisfaction: true, 2, false), 1).Select(s => s.ComplaintId);
        var atThree = Sampler.Draw(cases, new SamplingRules(0, false, true, 3, false), 1).Select(s => s.ComplaintId);

        Assert.Equal([1, 2], atTwo);
        Assert.Equal([1, 2, 3], atThree);
    }

    [Fact]
    public void R31_all_referred_and_random_combine_and_a_case_drawn_twice_is_queued_once_with_both_reasons()
    {
        var sample = Sampler.Draw(Week(), new SamplingRules(100, true, true, 2, AllReferred: true), seed: 3);

        Assert.Equal(51, sample.Count);
        Assert.Equal(sample.Count, sample.Select(s => s.ComplaintId).Distinct().Count());
        var referred = sample.Single(s => s.ComplaintId == 13);
        Assert.True(referred.Reasons.HasFlag(SampleReason.Random));
        Assert.True(referred.Reasons.HasFlag(SampleReason.Referred));
        Assert.True(sample.Single(s => s.ComplaintId == 14).Reasons.HasFlag(SampleReason.HighRisk));
    }

    [Fact]
    public void R31_a_plan_without_any_rule_or_with_a_bad_share_is_refused()
    {
        Assert.Equal("SamplingNoRule", Assert.Throws<DomainException>(() => Sampler.Draw(Week(), new SamplingRules(0, false, false, 2, false), 1)).Code);
        Assert.Equal("SamplingPercent", Assert.Throws<DomainException>(() => new SamplingRules(101, false, false, 2, false).Validate()).Code);
        Assert.Equal("SamplingThreshold", Assert.Throws<DomainException>(() => new SamplingRules(5, false, true, 5, false).Validate()).Code);
    }

    [Fact]
    public void R31_an_empty_week_draws_nothing()
    {
        Assert.Empty(Sampler.Draw([], TenPercent, 1));
    }

    [Fact]
    public void R31_weeks_start_on_monday_and_each_week_has_its_own_seed()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), Sampler.WeekStart(new DateOnly(2026, 11, 28)));  // Saturday
        Assert.Equal(new DateOnly(2026, 11, 23), Sampler.WeekStart(new DateOnly(2026, 11, 23)));  // Monday
        Assert.Equal(new DateOnly(2026, 11, 23), Sampler.WeekStart(new DateOnly(2026, 11, 29)));  // Sunday
        Assert.NotEqual(Sampler.SeedFor(5, new DateOnly(2026, 11, 16)), Sampler.SeedFor(5, new DateOnly(2026, 11, 23)));
        Assert.Equal(Sampler.SeedFor(5, new DateOnly(2026, 11, 16)), Sampler.SeedFor(5, new DateOnly(2026, 11, 16)));
    }
}
