using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplaintOps.Data;

/// <summary>
/// The highest id a table has handed out (AUTOINCREMENT keeps it in sqlite_sequence, even for deleted rows), for a writer
/// that numbers new rows itself. Only meaningful inside a write transaction (BEGIN IMMEDIATE holds SQLite's write lock,
/// so nobody else can insert until the commit).
/// </summary>
public static class TableIds
{
    public static async Task<int> HighestAsync<TEntity>(ComplaintOpsDb db, CancellationToken ct = default) where TEntity : class
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("Ids are handed out inside a write transaction only.");
        var table = db.Model.FindEntityType(typeof(TEntity))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped.");
        // A plain command on the transaction's connection, not an EF query: intake's single writer asks this two or three
        // times per write, and EF's query preparation (composing the raw SQL, caching, materializing) cost more than the
        // two index lookups. The table name comes from the model, never from input; SQLite cannot take it as a parameter.
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"SELECT MAX(IFNULL((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), IFNULL((SELECT MAX(\"Id\") FROM \"{table}\"), 0))";
        var highest = (long)(await command.ExecuteScalarAsync(ct) ?? 0L);
        return checked((int)highest);
    }
}
