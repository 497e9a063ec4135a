using ComplaintOps.Data;
using ComplaintOps.Features.Triage.BatchDetection;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Tests.Features.Intake;

/// <summary>The ids intake's writer hands out itself: never one SQLite has handed out before, only under the write lock.</summary>
public sealed class TableIdsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_highest_id_counts_rows_deleted_since_so_a_number_is_never_given_twice()
    {
        _ = app.CreateClient();
        int formed;
        await using (var db = app.OpenDb())
        {
            var incident = BatchIncident.Form("编号测试", ComplaintOps.Domain.Complaints.ProblemType.Product, "编号测试", DateTime.UtcNow);
            db.BatchIncidents.Add(incident);
            await db.SaveChangesAsync();
            formed = incident.Id;
            // Deleted again: AUTOINCREMENT remembers the number in sqlite_sequence, and so must the writer.
            await db.BatchIncidents.Where(i => i.Id == formed).ExecuteDeleteAsync();
        }

        await using var check = app.OpenDb();
        await using var tx = await check.Database.BeginTransactionAsync();
        Assert.True(await TableIds.HighestAsync<BatchIncident>(check) >= formed);
        Assert.Equal(await check.Complaints.MaxAsync(c => c.Id), await TableIds.HighestAsync<ComplaintOps.Domain.Complaints.Complaint>(check));
    }

    [Fact]
    public async Task Ids_are_handed_out_inside_a_write_transaction_only()
    {
        _ = app.CreateClient();
        await using var db = app.OpenDb();
        await Assert.ThrowsAsync<InvalidOperationException>(() => TableIds.HighestAsync<BatchIncident>(db));
    }
}
