using System.Diagnostics;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Data.Seeding;

/// <summary>Roles always; demo users and complaints only when demo seeding is on and the database is empty.</summary>
public sealed class DemoSeeder(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<SeedingOptions> options,
    BusinessTime time,
    ILogger<DemoSeeder> log)
{
    public async Task EnsureRolesAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), role);
        }
    }

    public async Task SeedDemoAsync(SlaClock clock, CancellationToken ct = default)
    {
        if (!options.Value.Demo) return;
        await EnsureDemoUsersAsync();
        await Features.Handling.HandlingDemoSeeder.SeedAsync(dbFactory, users, DemoUsers.Password, time.UtcNow, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Features.Handling.Routing.HandlerSkillSeeder.SeedAsync(db, ct);
        if (!await db.Complaints.AnyAsync(ct)) await AddComplaintsAsync(options.Value.Complaints, clock, options.Value.RandomSeed, ct);
        await Features.Quality.QualityDemoSeeder.SeedAsync(dbFactory, users, DemoUsers.Password, clock, time, ct);
    }

    public async Task EnsureDemoUsersAsync()
    {
        foreach (var demo in DemoUsers.All)
        {
            if (await users.FindByNameAsync(demo.UserName) is not null) continue;
            var user = new AppUser { UserName = demo.UserName, DisplayName = demo.DisplayName, WorkAlias = demo.WorkAlias, EmailConfirmed = true };
            Check(await users.CreateAsync(user, DemoUsers.Password), demo.UserName);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.UserName);
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> generated complaints in batches; used by first start and the seed command.
    /// With <paramref name="perDay"/> they arrive at that constant daily rate (count / perDay days of history) instead
    /// of over the last 90 days, so databases of different sizes differ in history, not in density.
    /// </summary>
    public async Task AddComplaintsAsync(int count, SlaClock clock, int seed, CancellationToken ct = default, double? perDay = null)
    {
        var watch = Stopwatch.StartNew();
        var handlers = await HandlerActorsAsync();
        var generator = new DemoComplaintGenerator(new Random(seed), time.UtcNow, clock, handlers, perDay is > 0 ? count / perDay.Value : null);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var sequences = await db.DailySequences.ToDictionaryAsync(s => s.Day, ct);
        string Number(DateTime receivedUtc)
        {
            var day = clock.BusinessDate(receivedUtc);
            var key = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            if (!sequences.TryGetValue(key, out var row))
            {
                sequences[key] = row = new DailySequence { Day = key };
                db.DailySequences.Add(row);
            }
            row.Last++;
            return TrackingNumbers.Format(day, row.Last);
        }

        const int batch = 2000;
        for (var done = 0; done < count; done += batch)
        {
            var size = Math.Min(batch, count - done);
            for (var i = 0; i < size; i++) db.Complaints.Add(generator.Next(Number));
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            // Keep the sequence rows tracked so later batches update them; drop the complaints.
            foreach (var entry in db.ChangeTracker.Entries<Complaint>().ToList()) entry.State = EntityState.Detached;
            foreach (var entry in db.ChangeTracker.Entries<TimelineEvent>().ToList()) entry.State = EntityState.Detached;
            if ((done / batch) % 10 == 9) log.LogInformation("Seeded {Count} complaints in {Seconds:F0}s", done + size, watch.Elapsed.TotalSeconds);
        }
        log.LogInformation("Seeded {Count} complaints in {Seconds:F1}s", count, watch.Elapsed.TotalSeconds);
    }

    private async Task<IReadOnlyList<Actor>> HandlerActorsAsync()
    {
        var handlers = new List<Actor>();
        foreach (var role in new[] { Roles.Agent, Roles.Expert, Roles.Coach })
        {
            handlers.AddRange((await users.GetUsersInRoleAsync(role)).Select(u => new Actor(u.Id, u.DisplayName)));
        }
        return handlers.Count > 0 ? handlers : [Actor.System];
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
