using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Tests.Support;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Complaints;

public sealed class ComplaintQueueViewTests : ComponentTestBase
{
    private async Task<IRenderedComponent<ComplaintQueue>> RenderQueueAsync()
    {
        // One overdue web complaint (24 h first reply long gone) and one received minutes ago.
        await StoreAsync(TestComplaints.Make("TS-20261125-00001", Now.AddDays(-3), Channel.Web, "张三丰", "13812341234"));
        await StoreAsync(TestComplaints.Make("TS-20261128-00002", Now.AddMinutes(-10), Channel.Phone, "欧阳娜", "13998765432", idNumber: null));
        Render<MudPopoverProvider>();
        var cut = Render<ComplaintQueue>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=masked-phone]").Count), TimeSpan.FromSeconds(10));
        return cut;
    }

    [Fact]
    public async Task R29_queue_shows_masked_names_and_phones_only()
    {
        var cut = await RenderQueueAsync();

        var phones = cut.FindAll("[data-testid=masked-phone]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("138****1234", phones);
        Assert.Contains("139****5432", phones);
        var names = cut.FindAll("[data-testid=masked-name]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Contains("张**", names);
        Assert.Contains("欧**", names);

        var markup = cut.Markup;
        Assert.DoesNotContain("13812341234", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("13998765432", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("欧阳娜", markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_marks_overdue_rows()
    {
        var cut = await RenderQueueAsync();

        var rows = cut.FindAll("tr").Where(r => r.QuerySelector("[data-testid=open-complaint]") is not null).ToList();
        var overdue = Assert.Single(rows, r => r.TextContent.Contains("TS-20261125-00001", StringComparison.Ordinal));
        var running = Assert.Single(rows, r => r.TextContent.Contains("TS-20261128-00002", StringComparison.Ordinal));

        var overdueDue = overdue.QuerySelector("[data-overdue]")!;
        Assert.Equal("true", overdueDue.GetAttribute("data-overdue"));
        Assert.Contains("overdue", overdueDue.ClassList);
        Assert.Contains("已超时", overdueDue.TextContent, StringComparison.Ordinal);

        var runningDue = running.QuerySelector("[data-overdue]")!;
        Assert.Equal("false", runningDue.GetAttribute("data-overdue"));
        Assert.DoesNotContain("已超时", runningDue.TextContent, StringComparison.Ordinal);

        // Sorted by next due time: the overdue case comes first.
        Assert.Same(overdue, rows[0]);
    }
}
