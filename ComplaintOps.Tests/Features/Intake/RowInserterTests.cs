using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Intake.Api;
using ComplaintOps.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Intake;

/// <summary>
/// Intake inserts complaints and their timelines with prepared statements built from the EF model: what it stores must be
/// exactly what EF's SaveChanges stores — every column, with the same storage type and text format — or later queries
/// (ordering by dates stored as text, enums as numbers) would treat the two kinds of rows differently.
/// </summary>
public sealed class RowInserterTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_complaint_and_its_timeline_are_stored_column_for_column_as_EF_stores_them()
    {
        _ = app.CreateClient();
        var calendar = app.Services.GetRequiredService<WorkingCalendarService>();
        var at = new DateTime(2026, 11, 27, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567);
        var tag = Guid.NewGuid().ToString("N")[..8];
        Complaint Make(string suffix)
        {
            var c = TestComplaints.Make($"TS-RI-{tag}-{suffix}", at, Channel.Letter, risk: RiskLevel.High);
            c.AddNote(Actor.System, at, "逐列比较 <b>不</b> 转义");
            c.ApplySchedule(calendar.Clock.Compute(c.SlaFacts));
            return c;
        }

        var byEf = Make("ef");
        await using (var db = app.OpenDb())
        {
            db.Complaints.Add(byEf);
            await db.SaveChangesAsync();
        }
        var byInserter = Make("raw");
        await using (var db = app.OpenDb())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            byInserter.AssignId(await TableIds.HighestAsync<Complaint>(db) + 1);
            var complaints = new RowInserter<Complaint>(db.Model, generatedKey: false);
            var timeline = new RowInserter<TimelineEvent>(db.Model, generatedKey: true, nameof(TimelineEvent.ComplaintId));
            await using (var rows = complaints.Begin(db)) await rows.AddAsync(byInserter);
            await using (var rows = timeline.Begin(db))
                foreach (var e in byInserter.Timeline) await rows.AddAsync(e, byInserter.Id);
            await tx.CommitAsync();
        }

        var efRow = await RowAsync("Complaints", "Id", byEf.Id);
        var rawRow = await RowAsync("Complaints", "Id", byInserter.Id);
        Assert.Equal(efRow.Keys.Order(), rawRow.Keys.Order());
        foreach (var column in efRow.Keys.Where(k => k is not ("Id" or "TrackingNumber")))
            Assert.True(efRow[column] == rawRow[column], $"Complaints.{column}: EF stored {efRow[column]}, the inserter {rawRow[column]}");
        Assert.Equal($"'TS-RI-{tag}-raw'", rawRow["TrackingNumber"]);

        var efEvents = await RowsAsync("TimelineEvents", "ComplaintId", byEf.Id);
        var rawEvents = await RowsAsync("TimelineEvents", "ComplaintId", byInserter.Id);
        Assert.Equal(efEvents.Count, rawEvents.Count);
        Assert.True(efEvents.Count >= 2);
        for (var i = 0; i < efEvents.Count; i++)
            foreach (var column in efEvents[i].Keys.Where(k => k is not ("Id" or "ComplaintId")))
                Assert.True(efEvents[i][column] == rawEvents[i][column], $"TimelineEvents.{column}: EF stored {efEvents[i][column]}, the inserter {rawEvents[i][column]}");

        // And EF reads the inserted complaint back whole.
        await using var read = app.OpenDb();
        var back = await read.Complaints.AsNoTracking().Include(c => c.Timeline).SingleAsync(c => c.Id == byInserter.Id);
        Assert.Equal(byEf.Complainant.Phone, back.Complainant.Phone);
        Assert.Equal(byEf.ReceivedAtUtc, back.ReceivedAtUtc);
        Assert.Equal(byEf.Timeline.Count, back.Timeline.Count);
    }

    [Fact]
    public async Task An_alarm_numbered_by_intake_is_stored_column_for_column_as_EF_stores_it_and_EF_numbers_the_next_one_after_it()
    {
        _ = app.CreateClient();
        var at = new DateTime(2026, 11, 27, 3, 4, 5, DateTimeKind.Utc).AddTicks(7654321);
        var tag = Guid.NewGuid().ToString("N")[..8];
        AlarmEvent Make(string suffix) => AlarmEvent.Raise(AlarmKind.NewHighRisk, AlarmSeverity.Critical, at, $"TS-RI-{tag} · 高风险 <b>", key: $"ri:{tag}:{suffix}");

        var byEf = Make("ef");
        await using (var db = app.OpenDb())
        {
            db.AlarmEvents.Add(byEf);
            await db.SaveChangesAsync();
        }
        var byInserter = Make("raw");
        var afterIt = Make("next");
        await using (var db = app.OpenDb())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            byInserter.AssignId(await TableIds.HighestAsync<AlarmEvent>(db) + 1);
            await using (var rows = new RowInserter<AlarmEvent>(db.Model, generatedKey: false).Begin(db)) await rows.AddAsync(byInserter);
            db.AlarmEvents.Add(afterIt);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        var efRow = await RowAsync("AlarmEvents", "Id", byEf.Id);
        var rawRow = await RowAsync("AlarmEvents", "Id", byInserter.Id);
        Assert.Equal(efRow.Keys.Order(), rawRow.Keys.Order());
        foreach (var column in efRow.Keys.Where(k => k is not ("Id" or "Key")))
            Assert.True(efRow[column] == rawRow[column], $"AlarmEvents.{column}: EF stored {efRow[column]}, the inserter {rawRow[column]}");
        Assert.Equal(byInserter.Id + 1, afterIt.Id);
    }

    [Fact]
    public async Task An_api_answer_is_stored_column_for_column_as_EF_stores_it()
    {
        _ = app.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        int keyId;
        await using (var db = app.OpenDb()) keyId = (await db.ApiKeys.FirstAsync()).Id;
        IdempotencyRecord Make(string suffix) => new()
        {
            ApiKeyId = keyId, Key = $"ri-{tag}-{suffix}", RequestHash = "ab12", StatusCode = 201, ResponseBody = "{\"trackingNumber\":\"TS-1\"}",
            Location = null, CreatedAtUtc = new DateTime(2026, 11, 27, 3, 4, 5, DateTimeKind.Utc).AddTicks(1000),
        };

        var byEf = Make("ef");
        await using (var db = app.OpenDb())
        {
            db.IdempotencyRecords.Add(byEf);
            await db.SaveChangesAsync();
        }
        await using (var db = app.OpenDb())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await using (var rows = new RowInserter<IdempotencyRecord>(db.Model, generatedKey: true).Begin(db)) await rows.AddAsync(Make("raw"));
            await tx.CommitAsync();
        }

        long rawId;
        await using (var db = app.OpenDb()) rawId = (await db.IdempotencyRecords.SingleAsync(r => r.Key == $"ri-{tag}-raw")).Id;
        var efRow = await RowAsync("IdempotencyRecords", "Id", byEf.Id);
        var rawRow = await RowAsync("IdempotencyRecords", "Id", rawId);
        Assert.Equal(efRow.Keys.Order(), rawRow.Keys.Order());
        foreach (var column in efRow.Keys.Where(k => k is not ("Id" or "Key")))
            Assert.True(efRow[column] == rawRow[column], $"IdempotencyRecords.{column}: EF stored {efRow[column]}, the inserter {rawRow[column]}");
    }

    [Fact]
    public async Task A_statement_kept_from_one_transaction_writes_in_the_next_and_a_rollback_still_takes_its_row_back()
    {
        // The intake writer keeps its connection and the inserter's compiled statement from one write to the next.
        _ = app.CreateClient();
        var at = new DateTime(2026, 11, 27, 3, 4, 5, DateTimeKind.Utc);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var alarms = new RowInserter<AlarmEvent>(app.OpenDb().Model, generatedKey: false);
        async Task<AlarmEvent> InsertAsync(ComplaintOpsDb db, string suffix, bool commit)
        {
            var alarm = AlarmEvent.Raise(AlarmKind.NewHighRisk, AlarmSeverity.Critical, at, $"TS-RI-{tag}", key: $"ri:{tag}:{suffix}");
            await using var tx = await db.Database.BeginTransactionAsync();
            alarm.AssignId(await TableIds.HighestAsync<AlarmEvent>(db) + 1);
            await using (var rows = alarms.Begin(db)) await rows.AddAsync(alarm);
            if (commit) await tx.CommitAsync();
            return alarm;
        }

        await using (var db = app.OpenDb())
        {
            await db.Database.OpenConnectionAsync();
            await InsertAsync(db, "1", commit: true);
            await InsertAsync(db, "rolled-back", commit: false);
            await InsertAsync(db, "2", commit: true);
        }
        // Another context: another connection, so the statement is compiled again for it.
        await using (var db = app.OpenDb()) await InsertAsync(db, "3", commit: true);

        await using var check = app.OpenDb();
        var stored = await check.AlarmEvents.Where(a => a.Key!.StartsWith($"ri:{tag}:")).Select(a => a.Key).ToListAsync();
        Assert.Equal([$"ri:{tag}:1", $"ri:{tag}:2", $"ri:{tag}:3"], stored.Order());
    }

    /// <summary>Each column as SQLite's quote() shows it: the storage class and the exact text or number.</summary>
    private async Task<Dictionary<string, string>> RowAsync(string table, string key, long id) => (await RowsAsync(table, key, id)).Single();

    private async Task<List<Dictionary<string, string>>> RowsAsync(string table, string key, long id)
    {
        await using var db = app.OpenDb();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<string>();
        await using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        await using var select = connection.CreateCommand();
        select.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"quote(\"{c}\")"))} FROM \"{table}\" WHERE \"{key}\" = $id ORDER BY \"Id\"";
        select.Parameters.AddWithValue("$id", id);
        var rows = new List<Dictionary<string, string>>();
        await using var rowsReader = await select.ExecuteReaderAsync();
        while (await rowsReader.ReadAsync())
            rows.Add(columns.Select((c, i) => (c, rowsReader.GetString(i))).ToDictionary(x => x.c, x => x.Item2));
        return rows;
    }
}
