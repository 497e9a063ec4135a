using System.Diagnostics;
using ComplaintOps.Data;
using ComplaintOps.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Tests.Storage;

/// <summary>
/// A write that finds SQLite's write lock taken (the scheduler's job store writes to the same file) waits for it, polling
/// every millisecond: SQLite's own handler backs off to 25–100 ms sleeps, which kept the intake writer asleep long after a
/// short transaction had ended.
/// </summary>
public sealed class SqliteBusyTimeoutTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_write_kept_waiting_by_another_connection_polls_finely_and_goes_ahead_once_the_lock_is_free()
    {
        _ = app.CreateClient();
        await using var other = new SqliteConnection($"Data Source={app.DatabasePath}");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync();
        }
        var releaseAfter = TimeSpan.FromMilliseconds(300);
        var release = Task.Run(async () =>
        {
            await Task.Delay(releaseAfter);
            await using var commit = other.CreateCommand();
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
        });

        var retriesBefore = SqliteBusyTimeout.Retries;
        var waited = Stopwatch.StartNew();
        await using (var db = app.OpenDb())
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            waited.Stop();
            await tx.CommitAsync();
        }
        await release;

        Assert.True(waited.Elapsed >= releaseAfter - TimeSpan.FromMilliseconds(50), $"the write went ahead after {waited.ElapsedMilliseconds} ms, while the lock was held");
        // Thread.Sleep(1) per try: at least one try per 10 ms even on a loaded machine (SQLite's own handler: 9 tries in 300 ms).
        Assert.True(SqliteBusyTimeout.Retries - retriesBefore >= 30, $"{SqliteBusyTimeout.Retries - retriesBefore} tries in {waited.ElapsedMilliseconds} ms");
    }
}
