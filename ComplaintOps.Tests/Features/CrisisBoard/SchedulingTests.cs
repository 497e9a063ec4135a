using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ComplaintOps.Tests.Features.CrisisBoard;

/// <summary>R31: Quartz runs the watchdog from its ADO store on the app's SQLite file; the trigger survives a restart.</summary>
public sealed class SchedulingTests : IDisposable
{
    private readonly string _directory = RepoPaths.NewTempDirectory();

    private sealed class SchedulingAppFactory(string databasePath) : AppFactory
    {
        protected override bool SchedulingEnabled => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:DatabasePath", databasePath);
            // Quartz waits on the app's TimeProvider: a fake clock that never moves would never fire a trigger.
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(TimeProvider.System);
            });
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what) where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (true)
        {
            if (await probe() is { } value) return value;
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    private static async Task<long?> TriggerStartAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type='table' AND name='QRTZ_TRIGGERS'";
        if (await command.ExecuteScalarAsync() is null) return null;
        command.CommandText = "SELECT START_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME='sla-watchdog.trigger'";
        return await command.ExecuteScalarAsync() is long start ? start : null;
    }

    [Fact]
    public async Task R31_the_watchdog_runs_under_Quartz_and_its_trigger_survives_a_restart()
    {
        var path = Path.Combine(_directory, "complaintops.db");
        long firstStart;
        await using (var app = new SchedulingAppFactory(path))
        {
            _ = app.CreateClient();
            firstStart = await WaitForAsync(() => TriggerStartAsync(path), "the watchdog trigger in QRTZ_TRIGGERS");
            // The job fires; the seeded demo data has clocks past due.
            await WaitForAsync(async () =>
            {
                await using var db = app.OpenDb();
                return await db.AlarmEvents.AnyAsync(a => a.Kind == AlarmKind.SlaBreach || a.Kind == AlarmKind.SlaWarning) ? (bool?)true : null;
            }, "an SLA alarm raised by the scheduled watchdog");
        }
        SqliteConnection.ClearAllPools();

        await using (var app = new SchedulingAppFactory(path))
        {
            _ = app.CreateClient();
            await Task.Yield();
            // The same stored trigger, not a new one.
            Assert.Equal(firstStart, await WaitForAsync(() => TriggerStartAsync(path), "the trigger after restart"));
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
