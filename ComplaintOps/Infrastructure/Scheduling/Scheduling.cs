using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Quartz;

namespace ComplaintOps.Infrastructure.Scheduling;

/// <summary>
/// A recurring job the app schedules at start: its key, type and interval (read from options when the
/// scheduler starts, so configuration and tests can change it). Register with <see cref="Scheduling.AddRecurringJob{TJob}"/>.
/// </summary>
public sealed record RecurringJob(JobKey Key, Type JobType, Func<IServiceProvider, TimeSpan> Interval, string Description);

/// <summary>
/// A job the app schedules on a calendar (Quartz cron, seconds first) in a time zone: its key, type and schedule (read from
/// options when the scheduler starts). Register with <see cref="Scheduling.AddCronJob{TJob}"/>.
/// </summary>
public sealed record CronJob(JobKey Key, Type JobType, Func<IServiceProvider, (string Cron, TimeZoneInfo Zone)> Schedule, string Description);

/// <summary>
/// Quartz 4.7.3 inside the app, shared by every feature with timed work (SLA watchdog, call-backs, monthly reports).
/// Jobs and triggers live in Quartz's ADO store on the app's SQLite file, so they survive restarts; Quartz creates
/// its tables there when missing (<see cref="IPersistentStoreBuilder.ProvisionSchema"/>, the schema of
/// quartznet/quartznet database/tables/tables_sqlite.sql that ships inside Quartz 4.7.3). Timers driven by data
/// (one per complaint) do not belong here: a job queries due times instead.
/// </summary>
public static class Scheduling
{
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SchedulingOptions>().Bind(config.GetSection(SchedulingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddQuartz(q =>
        {
            q.UsePersistentStore(s =>
            {
                // The path is known only once the content root and Storage options are (tests point them elsewhere).
                s.UseSqlite(d => d.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(
                    $"Data Source={sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveDatabasePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)};Default Timeout=30"));
                s.UseSystemTextJsonSerializer();
                s.ProvisionSchema();
                s.ConfigureStore(o =>
                {
                    o.TablePrefix = "QRTZ_";
                    // A trigger more than a minute late (the app was down) is a misfire: it fires once now, not once per missed slot.
                    o.MisfireThreshold = TimeSpan.FromMinutes(1);
                });
            });
        });
        services.AddHostedService<SchedulerHost>();
        return services;
    }

    /// <summary>Schedules <typeparamref name="TJob"/> every <paramref name="interval"/> (replacing the stored trigger if the interval changed).</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string name, Func<IServiceProvider, TimeSpan> interval, string description)
        where TJob : class, IJob
    {
        services.AddTransient<TJob>();
        services.AddSingleton(new RecurringJob(new JobKey(name, "app"), typeof(TJob), interval, description));
        return services;
    }

    /// <summary>Schedules <typeparamref name="TJob"/> by a cron expression in a time zone (replacing the stored trigger if either changed).</summary>
    public static IServiceCollection AddCronJob<TJob>(this IServiceCollection services, string name, Func<IServiceProvider, (string Cron, TimeZoneInfo Zone)> schedule, string description)
        where TJob : class, IJob
    {
        services.AddTransient<TJob>();
        services.AddSingleton(new CronJob(new JobKey(name, "app"), typeof(TJob), schedule, description));
        return services;
    }

    /// <summary>The trigger a cron job is scheduled with; a misfire (the app was down at the time) fires once when it is back.</summary>
    public static ICronTrigger CronTrigger(CronJob job, IServiceProvider services)
    {
        var (cron, zone) = job.Schedule(services);
        return (ICronTrigger)TriggerBuilder.Create()
            .WithIdentity(job.Key.Name + ".trigger", job.Key.Group)
            .ForJob(job.Key)
            .WithCronSchedule(cron, s => s.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
    }
}

/// <summary>Starts Quartz after the database is prepared (when enabled) and stops it with the app, letting running jobs finish.</summary>
internal sealed class SchedulerHost(
    IOptions<SchedulingOptions> options, ISchedulerFactory factory, IEnumerable<RecurringJob> jobs, IEnumerable<CronJob> cronJobs,
    IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<SchedulerHost> log) : IHostedService
{
    private IScheduler? _scheduler;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            log.LogInformation("Scheduling is disabled (Scheduling:Enabled=false); recurring jobs will not run.");
            return Task.CompletedTask;
        }
        // Program.cs migrates the database after the host is built: start once the app has started.
        lifetime.ApplicationStarted.Register(() => _ = StartSchedulerAsync());
        return Task.CompletedTask;
    }

    private async Task StartSchedulerAsync()
    {
        try
        {
            _scheduler = await factory.GetScheduler(lifetime.ApplicationStopping);
            foreach (var job in jobs)
            {
                var interval = job.Interval(services);
                var detail = JobBuilder.Create().OfType(job.JobType).WithIdentity(job.Key).WithDescription(job.Description).StoreDurably().Build();
                var trigger = TriggerBuilder.Create()
                    .WithIdentity(job.Key.Name + ".trigger", job.Key.Group)
                    .ForJob(job.Key)
                    .StartNow()
                    // After downtime: fire once now, then carry on (the job itself catches up from the data).
                    .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                    .Build();
                // The stored trigger survives restarts (and so fires its misfire after downtime); replace it only when the interval changed.
                if (await _scheduler.GetTrigger(trigger.Key, lifetime.ApplicationStopping) is ISimpleTrigger stored && stored.RepeatInterval == interval
                    && await _scheduler.Exists(job.Key, lifetime.ApplicationStopping))
                    continue;
                await _scheduler.ScheduleJob(detail, [trigger], new ScheduleJobOptions { Replace = true }, lifetime.ApplicationStopping);
            }
            foreach (var job in cronJobs)
            {
                var detail = JobBuilder.Create().OfType(job.JobType).WithIdentity(job.Key).WithDescription(job.Description).StoreDurably().Build();
                var trigger = Scheduling.CronTrigger(job, services);
                if (await _scheduler.GetTrigger(trigger.Key, lifetime.ApplicationStopping) is ICronTrigger stored
                    && stored.CronExpressionString == trigger.CronExpressionString && stored.TimeZone.Id == trigger.TimeZone.Id
                    && await _scheduler.Exists(job.Key, lifetime.ApplicationStopping))
                    continue;
                await _scheduler.ScheduleJob(detail, [trigger], new ScheduleJobOptions { Replace = true }, lifetime.ApplicationStopping);
            }
            await _scheduler.Start(lifetime.ApplicationStopping);
            log.LogInformation("Scheduler started with {Count} recurring and {Cron} calendar job(s).", jobs.Count(), cronJobs.Count());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "The scheduler did not start; recurring jobs (SLA watchdog) are not running.");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null && _scheduler.Status is not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown))
            await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }
}
