using ComplaintOps.Data;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintOps.Benchmarks;

/// <summary>
/// Makes sure the benchmark database exists and holds at least the wanted number of complaints,
/// using the app's own services (migrations, roles, calendar, demo users, <see cref="DemoSeeder"/>) as the seed command does.
/// </summary>
internal static class BenchDatabase
{
    public static async Task<int> EnsureAsync(string repoRoot, BenchOptions options)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = repoRoot,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = options.DatabasePath,
            // The 5,000 first-start demo complaints are not wanted: the count below is exact.
            ["Seeding:Demo"] = "false",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft"] = "Warning",
        });
        builder.Services
            .AddConsoleFoundation(builder.Configuration)
            .AddConsoleIdentity()
            .AddWorkingCalendar(builder.Configuration);
        using var host = builder.Build();

        await host.Services.PrepareDatabaseAsync();
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<ComplaintOpsDb>>();
        int existing;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            existing = await db.Complaints.CountAsync();
        }
        if (existing >= options.Count) return existing;

        Console.WriteLine($"Seeding {options.Count - existing:N0} complaints into {options.DatabasePath}{(options.PerDay is { } r ? $" at {r:F0} a day" : "")} (a few minutes, once)...");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await seeder.EnsureDemoUsersAsync();
            var clock = host.Services.GetRequiredService<WorkingCalendarService>().Clock;
            await seeder.AddComplaintsAsync(options.Count - existing, clock, options.Seed + existing, perDay: options.PerDay);
        }
        return options.Count;
    }
}
