using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Tests.Support;

namespace ComplaintOps.Tests.Features.Complaints;

public sealed class SlaClocksPanelTests : ComponentTestBase
{
    [Fact]
    public void B3_a_2027_letter_counted_without_an_official_calendar_is_flagged()
    {
        Clock.SetUtcNow(new DateTimeOffset(2027, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var c = TestComplaints.Make("TS-20270301-00001", TestClock.Shanghai(2027, 3, 1, 9), Channel.Letter);

        var cut = Render<SlaClocksPanel>(p => p.Add(x => x.Complaint, c));

        var warning = cut.Find("[data-testid=sla-unofficial]");
        Assert.Contains("2027", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("尚无官方节假日安排", warning.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-clock=LetterReply]"));
    }

    [Fact]
    public async Task B3_after_the_2027_arrangement_is_loaded_the_flag_is_gone()
    {
        Clock.SetUtcNow(new DateTimeOffset(2027, 3, 2, 2, 0, 0, TimeSpan.Zero));
        await Calendar.LoadAsync("""{"years":{"2027":{"holidays":[{"date":"2027-04-05","name":"清明"}],"adjustedWorkdays":[]}}}""", "admin");
        var c = TestComplaints.Make("TS-20270301-00002", TestClock.Shanghai(2027, 3, 1, 9), Channel.Letter);

        var cut = Render<SlaClocksPanel>(p => p.Add(x => x.Complaint, c));

        Assert.Empty(cut.FindAll("[data-testid=sla-unofficial]"));
    }

    [Fact]
    public void B3_a_2026_letter_is_counted_on_the_official_calendar_without_a_flag()
    {
        var c = TestComplaints.Make("TS-20261120-00001", TestClock.Shanghai(2026, 11, 20, 9), Channel.Letter);

        var cut = Render<SlaClocksPanel>(p => p.Add(x => x.Complaint, c));

        Assert.Empty(cut.FindAll("[data-testid=sla-unofficial]"));
        Assert.Equal("Running", cut.Find("[data-clock=LetterReply]").GetAttribute("data-state"));
    }
}
