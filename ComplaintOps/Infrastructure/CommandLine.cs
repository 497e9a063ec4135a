using System.Globalization;
using ComplaintOps.Data;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Identity;
using Microsoft.AspNetCore.Identity;

namespace ComplaintOps.Infrastructure;

/// <summary>
/// Operator commands run instead of the web server:
/// <c>seed --count N [--seed S] [--per-day R]</c> fills the database (e.g. for benchmarks; --per-day: a constant daily rate, count / R days of history);
/// <c>create-admin --user NAME</c> creates the first administrator, reading the password from
/// COMPLAINTOPS_ADMIN_PASSWORD or standard input (never from the command line, where ps would show it).
/// </summary>
public static class CommandLine
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) return false;
        switch (args[0])
        {
            case "seed":
                await app.Services.PrepareDatabaseAsync();
                var count = int.Parse(Option(args, "--count") ?? "200000", CultureInfo.InvariantCulture);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
                    await seeder.EnsureDemoUsersAsync();
                    var seed = int.Parse(Option(args, "--seed") ?? Environment.TickCount.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                    double? perDay = Option(args, "--per-day") is { } rate ? double.Parse(rate, CultureInfo.InvariantCulture) : null;
                    await seeder.AddComplaintsAsync(count, app.Services.GetRequiredService<WorkingCalendarService>().Clock, seed, perDay: perDay);
                }
                Console.WriteLine($"Added {count} complaints.");
                return true;
            case "create-admin":
                await app.Services.PrepareDatabaseAsync();
                await CreateAdminAsync(app.Services, Option(args, "--user") ?? throw new ArgumentException("create-admin needs --user NAME"));
                return true;
            default:
                Console.Error.WriteLine($"Unknown command '{args[0]}'. Commands: seed --count N [--seed S] [--per-day R]; create-admin --user NAME.");
                Environment.ExitCode = 2;
                return true;
        }
    }

    private static async Task CreateAdminAsync(IServiceProvider services, string userName)
    {
        var password = Environment.GetEnvironmentVariable("COMPLAINTOPS_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password: ");
            password = Console.ReadLine() ?? "";
        }
        var result = await CreateAdministratorAsync(services, userName, password);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            Environment.ExitCode = 1;
            return;
        }
        Console.WriteLine($"Administrator '{userName}' created.");
    }

    /// <summary>Creates an administrator; the password must pass the Identity password rules.</summary>
    internal static async Task<IdentityResult> CreateAdministratorAsync(IServiceProvider services, string userName, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = userName, DisplayName = userName, WorkAlias = "管理员", EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        return result.Succeeded ? await users.AddToRoleAsync(user, Roles.Administrator) : result;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
