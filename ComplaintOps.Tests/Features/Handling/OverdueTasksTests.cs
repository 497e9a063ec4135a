using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Handling.Collaboration;
using ComplaintOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static ComplaintOps.Tests.Features.Handling.HandlingTestData;

namespace ComplaintOps.Tests.Features.Handling;

/// <summary>R21 overdue marking: a host of its own, because these tests move the clock.</summary>
public sealed class OverdueTasksTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task R21_open_tasks_past_due_are_marked_and_counted_per_department_answered_ones_are_not()
    {
        _ = app.CreateClient();
        var service = app.Services.GetRequiredService<CollaborationService>();
        var queries = app.Services.GetRequiredService<CollaborationQueries>();
        var liaison = await UserAsync(app, "liaison");
        var complaint = await StoreAsync(app, "INV-OVERDUE-01");
        // Saturday 10:00 + 1 working day: due at the end of Monday 30 November.
        var late = await service.OpenAsync(complaint.Id, Department.Legal, CollaborationPurpose.Investigation, "Q1", 1, Expert);
        var answered = await service.OpenAsync(complaint.Id, Department.Legal, CollaborationPurpose.Investigation, "Q2", 1, Expert);
        var later = await service.OpenAsync(complaint.Id, Department.Compliance, CollaborationPurpose.Investigation, "Q3", 5, Expert);
        await service.AnswerAsync(answered, "A2", liaison);

        Assert.Empty((await queries.InboxAsync(null, TaskInboxFilter.Overdue, 0, 100)).Rows);
        Assert.All(await queries.CountsByDepartmentAsync(), c => Assert.Equal(0, c.Overdue));

        app.Clock.SetUtcNow(TestClock.Shanghai(2026, 12, 1, 9, 0));

        var overdue = await queries.InboxAsync(null, TaskInboxFilter.Overdue, 0, 100);
        var row = Assert.Single(overdue.Rows);
        Assert.Equal(late, row.Id);
        Assert.True(row.Overdue);
        var open = await queries.InboxAsync([Department.Legal, Department.Compliance], TaskInboxFilter.Open, 0, 100);
        Assert.True(open.Rows.Single(r => r.Id == late).Overdue);
        Assert.False(open.Rows.Single(r => r.Id == later).Overdue);
        Assert.False((await queries.InboxAsync(null, TaskInboxFilter.Answered, 0, 100)).Rows.Single(r => r.Id == answered).Overdue);

        var counts = (await queries.CountsByDepartmentAsync()).ToDictionary(c => c.Department);
        Assert.Equal((1, 1), (counts[Department.Legal].Open, counts[Department.Legal].Overdue));
        Assert.Equal((1, 0), (counts[Department.Compliance].Open, counts[Department.Compliance].Overdue));
        Assert.Equal(0, counts[Department.Business].Overdue);
    }

    [Fact]
    public async Task R21_the_inbox_pages_in_sql()
    {
        _ = app.CreateClient();
        var service = app.Services.GetRequiredService<CollaborationService>();
        var queries = app.Services.GetRequiredService<CollaborationQueries>();
        var complaint = await StoreAsync(app, "INV-PAGING-01");
        for (var i = 0; i < 25; i++)
            await service.OpenAsync(complaint.Id, Department.Technical, CollaborationPurpose.Investigation, $"Q{i}", 3, Expert);

        var first = await queries.InboxAsync([Department.Technical], TaskInboxFilter.Open, 0, 20);
        var second = await queries.InboxAsync([Department.Technical], TaskInboxFilter.Open, 1, 20);
        Assert.Equal(25, first.Total);
        Assert.Equal(20, first.Rows.Count);
        Assert.Equal(5, second.Rows.Count);
        Assert.Empty(first.Rows.Select(r => r.Id).Intersect(second.Rows.Select(r => r.Id)));
    }
}
