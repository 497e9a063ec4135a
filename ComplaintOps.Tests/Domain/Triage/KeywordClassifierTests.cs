using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;
using ComplaintOps.Features.Triage;

namespace ComplaintOps.Tests.Domain.Triage;

/// <summary>R9: the shipped keyword rules suggest the sub-type from Chinese and English texts.</summary>
public sealed class KeywordClassifierTests
{
    private static readonly KeywordRule[] Shipped =
        RuleSeeder.ClassificationKeywords.Select(k => new KeywordRule(k.Key, KeywordClassifier.SplitKeywords(k.Value))).ToArray();

    [Theory]
    [InlineData("店铺没有营业执照就在卖药", ProblemSubType.Licence)]
    [InlineData("该商家没有食品经营许可证", ProblemSubType.Permit)]
    [InlineData("我的账号被封号了，无法登录", ProblemSubType.Account)]
    [InlineData("刚买的扫地机器人坏了，开机就死机", ProblemSubType.Malfunction)]
    [InlineData("客服态度恶劣，非常不耐烦", ProblemSubType.PoorExperience)]
    [InlineData("他们的产品抄袭了我的外观设计专利", ProblemSubType.PatentOrKnowledge)]
    [InlineData("这家店卖盗版电子书，侵犯版权", ProblemSubType.Copyright)]
    [InlineData("卖的是假冒商标的山寨货", ProblemSubType.Trademark)]
    [InlineData("退货后十天退款还没到账", ProblemSubType.ReturnOrRefund)]
    [InlineData("衣服尺码不对，要求换货", ProblemSubType.Exchange)]
    [InlineData("商家包邮却又收了运费", ProblemSubType.ShippingFeeDispute)]
    [InlineData("会员到期被自动续费了", ProblemSubType.Renewal)]
    [InlineData("没用过的年费能不能退费", ProblemSubType.FeeRefund)]
    [InlineData("I cannot log in, my account is locked out", ProblemSubType.Account)]
    [InlineData("The blender stopped working after two days, it is broken", ProblemSubType.Malfunction)]
    [InlineData("They sell counterfeit shoes with a fake brand logo", ProblemSubType.Trademark)]
    [InlineData("I RETURNED the parcel and want a REFUND", ProblemSubType.ReturnOrRefund)]
    [InlineData("I want an exchange for a replacement of the right size", ProblemSubType.Exchange)]
    [InlineData("The subscription auto-renew charged me without notice", ProblemSubType.Renewal)]
    [InlineData("Please give me a membership fee refund, I was overcharged", ProblemSubType.FeeRefund)]
    public void R9_text_suggests_the_sub_type(string text, ProblemSubType expected)
    {
        var suggestion = KeywordClassifier.Suggest(text, Shipped);

        Assert.NotNull(suggestion);
        Assert.Equal(expected, suggestion.SubType);
        Assert.NotEmpty(suggestion.MatchedKeywords);
        Assert.All(suggestion.MatchedKeywords, k => Assert.Contains(k, text, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("今天天气不错")]
    [InlineData("Hello, I have a question about opening hours")]
    [InlineData("")]
    [InlineData("   ")]
    public void R9_no_keyword_no_suggestion(string text) => Assert.Null(KeywordClassifier.Suggest(text, Shipped));

    [Fact]
    public void R9_every_sub_type_has_shipped_keywords() =>
        Assert.All(Enum.GetValues<ProblemSubType>(), s => Assert.NotEmpty(Shipped.Single(r => r.SubType == s).Keywords));

    [Fact]
    public void R9_more_matched_weight_wins_and_the_score_counts_each_keyword_once()
    {
        KeywordRule[] rules = [new(ProblemSubType.Exchange, ["换货"], 1), new(ProblemSubType.ReturnOrRefund, ["退款", "退货"], 1)];

        var suggestion = KeywordClassifier.Suggest("想换货，不行就退货退款，退款！", rules)!;

        Assert.Equal(ProblemSubType.ReturnOrRefund, suggestion.SubType);
        Assert.Equal(2, suggestion.Score);
        Assert.Equal(["退款", "退货"], suggestion.MatchedKeywords.Order());
    }

    [Fact]
    public void R9_a_heavier_rule_beats_more_keywords()
    {
        KeywordRule[] rules = [new(ProblemSubType.Exchange, ["换货"], 5), new(ProblemSubType.ReturnOrRefund, ["退款", "退货"], 1)];

        Assert.Equal(ProblemSubType.Exchange, KeywordClassifier.Suggest("换货或者退货退款", rules)!.SubType);
    }

    [Fact]
    public void R9_keyword_lists_split_on_commas_顿号_and_lines()
    {
        Assert.Equal(["a", "b", "c", "d", "e"], KeywordClassifier.SplitKeywords("a, b，c、d\n e, A"));
    }
}
