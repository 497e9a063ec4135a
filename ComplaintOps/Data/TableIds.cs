using Microsoft.EntityFrameworkCore;

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
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Ids are handed out inside a write transaction only.");
        var table = db.Model.FindEntityType(typeof(TEntity))?.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped.");
        // The table name comes from the model, never from input; SQLite cannot take it as a parameter.
#pragma warning disable EF1002
        var highest = await db.Database.SqlQueryRaw<long>(
            $"SELECT MAX(IFNULL((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), IFNULL((SELECT MAX(\"Id\") FROM \"{table}\"), 0)) AS \"Value\"")
            .SingleAsync(ct);
#pragma warning restore EF1002
        return checked((int)highest);
    }
}
