using System.Globalization;
using Bunit;
using ComplaintOps.Components.Shared;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Tests.Support;

namespace ComplaintOps.Tests.Components;

/// <summary>B4: status names in the user's language.</summary>
public sealed class StatusChipTests : ComponentTestBase
{
    private string ChipText(ComplaintStatus status, string culture)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var cut = Render<StatusChip>(p => p.Add(x => x.Status, status));
            Assert.Equal(status.ToString(), cut.Find("[data-status]").GetAttribute("data-status"));
            return cut.Find("[data-status]").TextContent.Trim();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, "Received", "已接收")]
    [InlineData(ComplaintStatus.Closed, "Closed", "已办结")]
    [InlineData(ComplaintStatus.OutOfScope, "Out of scope", "不予受理")]
    [InlineData(ComplaintStatus.AwaitingFeedback, "Awaiting feedback", "待双方确认")]
    public void B4_status_chip_reads_in_english_and_chinese(ComplaintStatus status, string english, string chinese)
    {
        Assert.Equal(english, ChipText(status, "en"));
        Assert.Equal(chinese, ChipText(status, "zh-CN"));
    }

    [Fact]
    public void B4_every_status_has_a_translation_in_both_languages()
    {
        foreach (var status in Enum.GetValues<ComplaintStatus>())
        {
            var en = ChipText(status, "en");
            var zh = ChipText(status, "zh-CN");
            Assert.DoesNotContain("ComplaintStatus.", en, StringComparison.Ordinal);
            Assert.DoesNotContain("ComplaintStatus.", zh, StringComparison.Ordinal);
            Assert.NotEqual(en, zh);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", zh);
        }
    }
}
