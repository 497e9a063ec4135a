using System.Net;
using System.Text.Json;
using ComplaintOps.Data;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Tests.Features.Health;

public sealed class MigrationAndHealthTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Migrations_apply_on_an_empty_file_and_leave_nothing_pending()
    {
        var dir = RepoPaths.NewTempDirectory();
        var path = Path.Combine(dir, "empty.db");
        try
        {
            var options = new DbContextOptionsBuilder<ComplaintOpsDb>().UseSqlite($"Data Source={path}").Options;
            await using (var db = new ComplaintOpsDb(options))
            {
                Assert.NotEmpty(db.Database.GetMigrations());
                await db.Database.MigrateAsync();
            }
            await using (var db = new ComplaintOpsDb(options))
            {
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
                Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
                // The model matches the last migration: nobody changed an entity without adding a migration.
                Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures.");
                // The tables the app reads exist and are usable.
                Assert.Equal(0, await db.Complaints.CountAsync());
                Assert.Equal(0, await db.CalendarYears.CountAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Health_is_anonymous_and_says_only_healthy()
    {
        var client = SignIn.NewClient(app);
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var property = Assert.Single(body.RootElement.EnumerateObject());
        Assert.Equal("status", property.Name);
        Assert.Equal("Healthy", property.Value.GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"), "/health must not start a session.");
    }
}
