using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Infrastructure;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Complaints;

/// <summary>The queue's SQL filters against an independent LINQ-to-objects computation over the seeded data.</summary>
public sealed class QueueQueryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private ComplaintQueries Queries => app.Services.GetRequiredService<ComplaintQueries>();
    private DateTime Now => app.Services.GetRequiredService<BusinessTime>().UtcNow;

    private async Task<List<Complaint>> AllAsync()
    {
        await using var db = app.OpenDb();
        var all = await db.Complaints.AsNoTracking().ToListAsync();
        Assert.Equal(400, all.Count);
        return all;
    }

    /// <summary>Every row of every page for a filter.</summary>
    private async Task<(List<QueueRow> Rows, int Total)> ReadAllAsync(QueueFilter filter, QueueSort? sort = null, int pageSize = ComplaintQueries.MaxPageSize)
    {
        var rows = new List<QueueRow>();
        int total;
        var page = 0;
        while (true)
        {
            var result = await Queries.QueueAsync(filter, sort ?? new QueueSort(), page++, pageSize);
            total = result.TotalCount;
            rows.AddRange(result.Rows);
            if (result.Rows.Count < pageSize) break;
        }
        return (rows, total);
    }

    private async Task AssertMatchesAsync(QueueFilter filter, Func<Complaint, bool> expected)
    {
        var all = await AllAsync();
        var expectedIds = all.Where(expected).Select(c => c.Id).Order().ToList();
        Assert.NotEmpty(expectedIds); // a filter that matches nothing proves nothing
        Assert.True(expectedIds.Count < all.Count, "The filter should leave some complaints out.");
        var (rows, total) = await ReadAllAsync(filter);
        Assert.Equal(expectedIds.Count, total);
        Assert.Equal(expectedIds, rows.Select(r => r.Id).Order().ToList());
    }

    [Fact]
    public async Task Status_filter_returns_only_that_status()
    {
        foreach (var status in new[] { ComplaintStatus.Received, ComplaintStatus.Investigating, ComplaintStatus.Closed })
            await AssertMatchesAsync(new QueueFilter { Status = status }, c => c.Status == status);
    }

    [Fact]
    public async Task R10_severity_filter_returns_only_high_risk()
    {
        await AssertMatchesAsync(new QueueFilter { Severity = ComplaintSeverity.HighRisk }, c => c.Severity == ComplaintSeverity.HighRisk);
    }

    [Fact]
    public async Task R9_problem_type_filter_returns_only_that_type()
    {
        await AssertMatchesAsync(new QueueFilter { ProblemType = ProblemType.ConsumerRights }, c => c.ProblemType == ProblemType.ConsumerRights);
    }

    [Fact]
    public async Task R1_channel_filter_returns_only_that_channel()
    {
        await AssertMatchesAsync(new QueueFilter { Channel = Channel.Letter }, c => c.Channel == Channel.Letter);
    }

    [Fact]
    public async Task Province_filter_returns_only_that_province()
    {
        var province = (await AllAsync()).GroupBy(c => c.Complainant.Province).OrderByDescending(g => g.Count()).First().Key;
        await AssertMatchesAsync(new QueueFilter { Province = province }, c => c.Complainant.Province == province);
    }

    [Fact]
    public async Task Overdue_filter_returns_cases_whose_next_due_time_has_passed()
    {
        var now = Now;
        await AssertMatchesAsync(new QueueFilter { OverdueOnly = true }, c => c.NextDueUtc is { } due && due < now);
        var (rows, _) = await ReadAllAsync(new QueueFilter { OverdueOnly = true });
        Assert.All(rows, r => Assert.True(r.IsOverdue));
    }

    [Fact]
    public async Task Search_by_tracking_number_prefix_in_any_case()
    {
        var all = await AllAsync();
        // A whole business day's numbers, e.g. "TS-20261120".
        var prefix = all.GroupBy(c => c.TrackingNumber[..11]).OrderByDescending(g => g.Count()).First().Key;
        await AssertMatchesAsync(new QueueFilter { Search = prefix }, c => c.TrackingNumber.StartsWith(prefix, StringComparison.Ordinal));
        await AssertMatchesAsync(new QueueFilter { Search = " " + prefix.ToLowerInvariant() + " " }, c => c.TrackingNumber.StartsWith(prefix, StringComparison.Ordinal));

        var one = all[17].TrackingNumber;
        var (rows, total) = await ReadAllAsync(new QueueFilter { Search = one });
        Assert.Equal(1, total);
        Assert.Equal(all[17].Id, Assert.Single(rows).Id);
    }

    [Fact]
    public async Task R18_search_by_the_phone_last_four_digits()
    {
        var last4 = (await AllAsync())[42].Complainant.Phone[^4..];
        await AssertMatchesAsync(new QueueFilter { Search = last4 }, c => c.Complainant.Phone.EndsWith(last4, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_combine()
    {
        var now = Now;
        await AssertMatchesAsync(
            new QueueFilter { Channel = Channel.Phone, OverdueOnly = true },
            c => c.Channel == Channel.Phone && c.NextDueUtc is { } due && due < now);
    }

    [Fact]
    public async Task Paging_is_stable_and_pages_do_not_overlap()
    {
        foreach (var sort in new[] { new QueueSort(), new QueueSort(QueueSortColumn.Status), new QueueSort(QueueSortColumn.RiskLevel, true), new QueueSort(QueueSortColumn.Received, true) })
        {
            var (rows, total) = await ReadAllAsync(new QueueFilter(), sort, pageSize: 37);
            Assert.Equal(400, total);
            Assert.Equal(400, rows.Count);
            Assert.Equal(400, rows.Select(r => r.Id).Distinct().Count());
            var again = await ReadAllAsync(new QueueFilter(), sort, pageSize: 37);
            Assert.Equal(rows.Select(r => r.Id), again.Rows.Select(r => r.Id));
        }
    }

    [Fact]
    public async Task Sort_by_next_due_puts_the_most_urgent_first_and_cases_without_a_clock_last()
    {
        var (rows, _) = await ReadAllAsync(new QueueFilter(), new QueueSort(QueueSortColumn.NextDue));
        var withDue = rows.TakeWhile(r => r.NextDueUtc is not null).ToList();
        Assert.NotEmpty(withDue);
        Assert.True(withDue.Count < rows.Count, "The seed should include finished cases without a running clock.");
        Assert.All(rows.Skip(withDue.Count), r => Assert.Null(r.NextDueUtc));
        Assert.Equal(withDue.Select(r => r.NextDueUtc).Order(), withDue.Select(r => r.NextDueUtc));
    }

    [Fact]
    public async Task R29_rows_show_masked_names_and_phones_only()
    {
        var all = (await AllAsync()).ToDictionary(c => c.Id);
        var (rows, _) = await ReadAllAsync(new QueueFilter());
        Assert.All(rows, r =>
        {
            var real = all[r.Id].Complainant;
            // 138****1234
            Assert.Matches(@"^1\d{2}\*{4}\d{4}$", r.PhoneMasked);
            Assert.Equal(real.Phone[..3] + "****" + real.Phone[^4..], r.PhoneMasked);
            // 张* / 张**: the surname and nothing else of the name
            Assert.Equal(real.Name[0], r.ComplainantMasked[0]);
            Assert.Matches(@"^.\*+$", r.ComplainantMasked);
            Assert.DoesNotContain(real.Name[1..], r.ComplainantMasked, StringComparison.Ordinal);
            Assert.Equal(all[r.Id].NextDueUtc < Now, r.IsOverdue);
        });
    }
}
