using ComplaintOps.Data.Seeding;
using ComplaintOps.Domain.Complaints;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Intake.Api;

/// <summary>
/// The demo key of the app channel, created only while demo seeding is on (like the demo users; the
/// README's curl example uses it). With Seeding:Demo off there is no key with a known secret.
/// </summary>
public sealed class DemoApiKey(ApiKeyStore keys, IOptions<SeedingOptions> seeding) : IHostedLifecycleService
{
    public const string Secret = "cok_demo_app_2026";
    public const string SourceName = "ComplaintOps App (demo)";

    // Runs before the server starts, after Program.cs has migrated the database.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!seeding.Value.Demo || await keys.AnyWithHashAsync(Secret, cancellationToken)) return;
        await keys.AddAsync(Channel.App, SourceName, Secret, Actor.System, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
