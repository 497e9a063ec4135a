using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;

namespace ComplaintOps.Tests.Domain.Triage;

/// <summary>
/// B2: the bucket counts that rule out unlike pairs before a merge must never rule out a similar pair — the bound is on the
/// common bigrams, so a verdict with the sketch is the verdict without it.
/// </summary>
public sealed class BigramSketchTests
{
    // A few hundred common characters: texts of realistic length whose bigrams collide in buckets now and then.
    private const string Pool = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题";

    [Fact]
    public void B2_the_bucket_bound_is_never_below_the_bigrams_two_texts_really_share()
    {
        var random = new Random(7);
        for (var n = 0; n < 2000; n++)
        {
            var (a, b) = Pair(random);
            var (sa, sb) = (BatchDetection.Signature(a), BatchDetection.Signature(b));
            var common = sa.Intersect(sb).Count();
            var bound = BigramSketch.CommonAtMost(BigramSketch.Of(sa)!, BigramSketch.Of(sb)!);
            Assert.True(bound >= common, $"bound {bound} < {common} common bigrams for «{a}» / «{b}»");
            Assert.True(bound <= Math.Min(sa.Length, sb.Length));
        }
    }

    [Fact]
    public void B2_a_text_shares_all_its_bigrams_with_itself_and_nothing_with_an_empty_text()
    {
        var signature = BatchDetection.Signature("会员自动续费扣款 未经同意自动续费扣了会员费");
        var sketch = BigramSketch.Of(signature)!;
        Assert.Equal(signature.Length, BigramSketch.CommonAtMost(sketch, sketch));
        Assert.Equal(0, BigramSketch.CommonAtMost(sketch, BigramSketch.Of([])!));
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    public void B2_with_the_sketch_the_similarity_verdict_is_the_exact_jaccard_verdict_on_realistic_texts(double threshold)
    {
        var rules = new BatchRules(TimeSpan.FromHours(48), 3, 2, threshold);
        var random = new Random(20261129);
        var (similar, ruledOut) = (0, 0);
        for (var n = 0; n < 3000; n++)
        {
            var (a, b) = Pair(random);
            var expected = BatchDetection.Similarity(a, b) >= threshold;
            var fa = new BatchFacts(1, "电商平台", ProblemType.Operations, "浙江", "1", a, DateTime.UnixEpoch);
            var fb = new BatchFacts(2, "电商平台", ProblemType.Operations, "江苏", "2", b, DateTime.UnixEpoch);
            Assert.Equal(expected, BatchDetection.IsSimilar(fa, fb, rules));
            if (expected) similar++;
            else if (BigramSketch.CommonAtMost(BigramSketch.Of(fa.TextSignature)!, BigramSketch.Of(fb.TextSignature)!) <
                     threshold * (fa.TextSignature.Length + fb.TextSignature.Length) / (1 + threshold)) ruledOut++;
        }
        // Both verdicts were exercised, and the sketch did rule pairs out on its own.
        Assert.InRange(similar, 1, 2999);
        Assert.True(ruledOut > 0);
    }

    [Fact]
    public void B2_a_text_too_large_for_byte_counts_has_no_sketch_and_is_still_compared_exactly()
    {
        // 300 distinct bigrams all in one bucket cannot be counted in a byte.
        var sameBucket = Enumerable.Range(0, 1 << 20).Where(code => BigramSketch.Bucket(code) == 0).Take(300).ToArray();
        Assert.Null(BigramSketch.Of(sameBucket));
    }

    /// <summary>Two texts that are alike to a random degree: a shared part of random length and a part of their own each.</summary>
    private static (string, string) Pair(Random random)
    {
        string Text(int length) => new(Enumerable.Range(0, length).Select(_ => Pool[random.Next(Pool.Length)]).ToArray());
        var shared = Text(random.Next(0, 120));
        return (shared + Text(random.Next(0, 80)), Text(random.Next(0, 20)) + shared + Text(random.Next(0, 80)));
    }
}
