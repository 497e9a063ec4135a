using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using static ComplaintOps.Tests.Domain.DomainSamples;
using static ComplaintOps.Tests.Domain.Handling.ResolutionSamples;

namespace ComplaintOps.Tests.Domain.Handling;

public sealed class AliasLeakTests
{
    public static TheoryData<OutboundKind, OutboundParty, string> Leaks()
    {
        var data = new TheoryData<OutboundKind, OutboundParty, string>();
        string[] leaks =
        [
            "如有疑问请联系李娜。",               // the sender's real name
            "请找 李 娜 处理",                    // spaced out
            "回电 139 1111 2222",                  // the sender's phone, spaced
            "回电139-1111-2222",                   // dashed
            "邮件 LI.NA@example.com",              // email, other case
            "同事王强会跟进",                      // a colleague on the case
            "拨打 13933334444",                    // the colleague's phone written without +86
        ];
        foreach (var kind in Enum.GetValues<OutboundKind>())
        {
            foreach (var party in Enum.GetValues<OutboundParty>())
            {
                foreach (var leak in leaks) data.Add(kind, party, leak);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Leaks))]
    public void R30_every_outbound_text_kind_refuses_a_real_name_phone_or_email(OutboundKind kind, OutboundParty party, string text)
    {
        var e = Assert.Throws<DomainException>(() =>
            OutboundMessage.Compose(1, kind, party, OutboundChannel.Sms, text, Handler, [Handler, Colleague], Shanghai("2026-11-28 10:00")));

        Assert.Equal("AliasLeak", e.Code);
    }

    [Theory]
    [InlineData(OutboundKind.ProgressFeedback)]
    [InlineData(OutboundKind.Result)]
    [InlineData(OutboundKind.NotEstablishedReply)]
    [InlineData(OutboundKind.ReferralNotice)]
    public void R30_a_clean_text_is_signed_with_the_work_alias_only(OutboundKind kind)
    {
        var m = OutboundMessage.Compose(7, kind, OutboundParty.Complainant, OutboundChannel.Internet, "  您的退款已于今日原路退回，订单号 202611280001。 ", Handler, [Handler, Colleague], Shanghai("2026-11-28 10:00"));

        Assert.Equal("您的退款已于今日原路退回，订单号 202611280001。\n—— 投诉处理专员 客服 0107", m.Text);
        Assert.Equal("客服 0107", m.SignedAlias);
        Assert.Empty(AliasLeakCheck.Find(m.Text, [Handler, Colleague]));
        Assert.DoesNotContain("李娜", m.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void R30_a_handler_without_a_work_alias_cannot_write_to_users()
    {
        var noAlias = Handler with { WorkAlias = " " };

        var e = Assert.Throws<DomainException>(() =>
            OutboundMessage.Compose(1, OutboundKind.Result, OutboundParty.Complainant, OutboundChannel.Sms, "结果", noAlias, [], Shanghai("2026-11-28 10:00")));

        Assert.Equal("WorkAliasMissing", e.Code);
    }

    [Fact]
    public void R30_a_single_character_name_or_short_number_does_not_block_ordinary_text()
    {
        var shortName = new HandlerIdentity("u", "客服 9", "李", "110", null);

        Assert.Empty(AliasLeakCheck.Find("李先生您好，请拨打 110 报警。", [shortName]));
    }
}
