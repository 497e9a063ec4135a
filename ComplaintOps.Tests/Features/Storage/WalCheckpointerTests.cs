using ComplaintOps.Data;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Storage;

/// <summary>
/// The write-ahead log is copied back into the database by a background thread, not inside the commits of the app's own
/// connections (the intake writer's groups paid for it): those connections have SQLite's automatic checkpoint off, and
/// what they write still reaches the database file.
/// </summary>
public sealed class WalCheckpointerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_apps_connections_leave_checkpoints_to_the_background_thread_which_copies_their_writes_into_the_file()
    {
        _ = app.CreateClient();
        var checkpointer = app.Services.GetRequiredService<WalCheckpointer>();
        await WaitUntil(() => checkpointer.Running);
        await using var db = app.OpenDb();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(0L, await Scalar(db, "PRAGMA wal_autocheckpoint;"));
        Assert.Equal(67108864L, await Scalar(db, "PRAGMA journal_size_limit;"));

        var before = checkpointer.Checkpoints;
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS CheckpointProbe (Id INTEGER PRIMARY KEY, Text TEXT)");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO CheckpointProbe (Text) VALUES ('written through the WAL')");

        // The background thread copies the new pages within its interval (250 ms): nothing of the WAL is left to copy.
        await WaitUntil(() => checkpointer.Checkpoints > before);
        await using var reader = await Command(db, "PRAGMA wal_checkpoint(PASSIVE);").ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(reader.GetInt64(1), reader.GetInt64(2));
    }

    private static System.Data.Common.DbCommand Command(ComplaintOpsDb db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static async Task<long> Scalar(ComplaintOpsDb db, string sql) => Convert.ToInt64(await Command(db, sql).ExecuteScalarAsync());

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition());
    }
}
