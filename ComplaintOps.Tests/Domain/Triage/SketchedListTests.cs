using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;

namespace ComplaintOps.Tests.Domain.Triage;

/// <summary>
/// B2: the free list keeps each complaint's bucket counts in flat arrays beside it; after any mix of inserts and removals
/// the counts must still belong to the complaint beside them, or similar complaints would be ruled out.
/// </summary>
public sealed class SketchedListTests
{
    private const string Pool = "会员自动续费扣款未经同意了要求退订单物流快递包裹丢失显示已签收但本人没有收到客服态度差问题解决";
    private static readonly DateTime Now = DomainSamples.Utc("2026-11-28T02:00:00Z");

    [Fact]
    public void B2_after_random_inserts_and_removals_the_list_hands_on_exactly_what_its_own_sketches_allow()
    {
        var random = new Random(11);
        var list = new SketchedList();
        var reference = new SortedDictionary<int, BatchFacts>();
        for (var step = 0; step < 1500; step++)
        {
            switch (random.Next(10))
            {
                case < 6:
                    var facts = Facts(random.Next(1, 400), random);
                    Assert.Equal(reference.TryAdd(facts.ComplaintId, facts), list.Insert(facts));
                    break;
                case < 9:
                    var id = random.Next(1, 400);
                    Assert.Equal(reference.Remove(id), list.RemoveById(id));
                    break;
                default:
                    var odd = random.Next(2);
                    list.RemoveAll(f => f.ComplaintId % 7 == odd);
                    foreach (var gone in reference.Keys.Where(k => k % 7 == odd).ToList()) reference.Remove(gone);
                    break;
            }
            Assert.Equal(reference.Keys, list.Select(f => f.ComplaintId));

            var probe = Facts(random.Next(1, 450), random);
            var handedOn = new List<BatchFacts>();
            list.MaybeSimilar(probe, 0.3, handedOn);
            var expected = reference.Values.Where(f => f.ComplaintId < probe.ComplaintId && PassesBounds(probe, f, 0.3));
            Assert.Equal(expected.Select(f => f.ComplaintId), handedOn.Select(f => f.ComplaintId));
            // Nothing similar is ever ruled out.
            var rules = new BatchRules(TimeSpan.FromHours(48), 3, 2, 0.3);
            Assert.All(reference.Values.Where(f => f.ComplaintId < probe.ComplaintId && BatchDetection.IsSimilar(probe, f, rules)),
                f => Assert.Contains(f, handedOn));
        }
    }

    [Fact]
    public void B2_with_no_threshold_every_earlier_complaint_is_handed_on()
    {
        var list = new SketchedList();
        foreach (var id in new[] { 3, 1, 2, 9 }) list.Insert(Facts(id, new Random(id)));
        var handedOn = new List<BatchFacts>();

        list.MaybeSimilar(Facts(5, new Random(5)), 0, handedOn);

        Assert.Equal([1, 2, 3], handedOn.Select(f => f.ComplaintId));
    }

    private static bool PassesBounds(BatchFacts a, BatchFacts b, double t)
    {
        var (x, y) = (a.TextSignature.Length, b.TextSignature.Length);
        if (x == 0) return true;
        var needed = t * (x + y) / (1 + t) - 1e-9;
        return Math.Min(x, y) >= needed && BigramSketch.CommonAtMost(BigramSketch.Of(a.TextSignature), BigramSketch.Of(b.TextSignature)) >= needed;
    }

    private static BatchFacts Facts(int id, Random random)
    {
        // Texts from a small pool so many pairs are similar and many are not.
        var text = new string(Enumerable.Range(0, random.Next(4, 30)).Select(_ => Pool[random.Next(Pool.Length)]).ToArray());
        return new BatchFacts(id, "视频会员", ProblemType.Operations, "浙江", "139" + id, text, Now);
    }
}
