using ComplaintOps.Data;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Features.Calendars;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Infrastructure;

/// <summary>Time, options and the database: what every feature stands on.</summary>
public static class Foundation
{
    private static readonly SqliteBusyTimeout BusyTimeout = new();
    private static readonly SqliteMemoryMap MemoryMap = new();

    public static IServiceCollection AddConsoleFoundation(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BusinessOptions>().Bind(config.GetSection(BusinessOptions.Section)).ValidateDataAnnotations()
            .Validate(o => TryZone(o.TimeZone), $"{BusinessOptions.Section}:TimeZone is not a known time zone (e.g. Asia/Shanghai).").ValidateOnStart();
        services.AddOptions<SlaOptions>().Bind(config.GetSection(SlaOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().Bind(config.GetSection(StorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedingOptions>().Bind(config.GetSection(SeedingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BusinessTime>();

        // Resolved when first used, so tests (and any later configuration source) can point it elsewhere.
        services.AddPooledDbContextFactory<ComplaintOpsDb>((sp, o) =>
            o.UseSqlite($"Data Source={sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDatabasePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)}")
                .AddInterceptors(BusyTimeout, MemoryMap).AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        services.AddSingleton<WriteGate>();
        services.AddTransient<DemoSeeder>();
        // Sign-in cookies survive restarts; the keys stay beside the database, outside git.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory, IHostEnvironment>((o, storage, logs, host) =>
        {
            var dir = new DirectoryInfo(Path.Combine(Path.GetDirectoryName(storage.Value.ResolveDatabasePath(host.ContentRootPath))!, "keys"));
            o.XmlRepository = new FileSystemXmlRepository(dir, logs);
        });
        return services;
    }

    /// <summary>Migrations, roles, the calendar, the triage rules (when their tables are empty), then demo data on an empty database.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await DatabaseSetup.MigrateAsync(services.GetRequiredService<IDbContextFactory<ComplaintOpsDb>>(), ct);
        await using var scope = services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.EnsureRolesAsync(ct);
        var calendar = services.GetRequiredService<WorkingCalendarService>();
        await calendar.InitializeAsync(ct);
        await Features.Triage.RuleSeeder.EnsureRulesAsync(services.GetRequiredService<IDbContextFactory<ComplaintOpsDb>>(), services.GetRequiredService<BusinessTime>().UtcNow, ct);
        await seeder.SeedDemoAsync(calendar.Clock, ct);
    }

    private static bool TryZone(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }
}
