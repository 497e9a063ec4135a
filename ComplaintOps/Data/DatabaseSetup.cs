using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Data;

/// <summary>Applies migrations at start-up and turns on WAL so readers never wait for the writer.</summary>
public static class DatabaseSetup
{
    public static async Task MigrateAsync(IDbContextFactory<ComplaintOpsDb> dbFactory, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var path = db.Database.GetDbConnection().DataSource;
        if (!string.IsNullOrEmpty(path)) Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        // Fresh statistics so SQLite picks index plans for the queue's filters (cheap when nothing changed).
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", ct);
    }
}
