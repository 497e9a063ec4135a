using ComplaintOps.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintOps.Tests.Support;

/// <summary>
/// The real app host on a fresh SQLite file in a temp folder, with a fake clock and a small demo
/// data set. One per test class (IClassFixture); derive to change the seeding.
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = RepoPaths.NewTempDirectory();
    public string DatabasePath => Path.Combine(DataDirectory, "complaintops.db");
    public FakeTimeProvider Clock { get; } = TestClock.Create();

    protected virtual int SeedComplaints => 400;

    protected virtual bool SchedulingEnabled => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepoPaths.Root);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DatabasePath", DatabasePath);
        builder.UseSetting("Seeding:Demo", "true");
        // Quartz stays off in tests (jobs are run directly) unless a test class switches it on.
        builder.UseSetting("Scheduling:Enabled", SchedulingEnabled ? "true" : "false");
        builder.UseSetting("Seeding:Complaints", SeedComplaints.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Routing runs when a test calls RoutingDispatcher itself, so no test's complaint changes under it.
        builder.UseSetting("Routing:Background", "false");
        builder.UseSetting("Routing:AtIntake", "false");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public ComplaintOpsDb OpenDb() => Services.GetRequiredService<IDbContextFactory<ComplaintOpsDb>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
