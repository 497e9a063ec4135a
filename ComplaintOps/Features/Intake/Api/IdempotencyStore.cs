using System.Security.Cryptography;
using ComplaintOps.Data;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Intake.Api;

/// <summary>
/// Remembers answered requests per (API key, Idempotency-Key) in the database, so a retry, even after a
/// restart, never creates a second complaint. The answer is written by the intake writer in the same transaction
/// as the complaint (<see cref="IdempotencyIntent"/>): a crash leaves either both or neither. Two concurrent
/// requests with the same key are decided by the single writer (the unique index still guards the table).
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time, IOptions<IntakeApiOptions> options)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;

    public static string HashBody(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Printable ASCII, 1–100 characters (a UUID fits).</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= MaxKeyLength && key.All(ch => ch is > ' ' and <= '~');

    /// <summary>
    /// A reservation (status 0) older than <see cref="IntakeApiOptions.AbandonedReservationSeconds"/>: its request died
    /// between reserving and answering (earlier versions reserved in a transaction of their own), so no complaint was
    /// committed with it and the key may be used again.
    /// </summary>
    public static bool IsAbandoned(IdempotencyRecord record, DateTime nowUtc, IntakeApiOptions options) =>
        record.StatusCode == 0 && record.CreatedAtUtc < nowUtc.AddSeconds(-options.AbandonedReservationSeconds);

    /// <summary>Deletes answers older than <see cref="IntakeApiOptions.IdempotencyRetentionDays"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var before = time.UtcNow.AddDays(-options.Value.IdempotencyRetentionDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.Where(r => r.CreatedAtUtc < before).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Runs <see cref="IdempotencyStore.PurgeAsync"/> at start and every <see cref="IntakeApiOptions.IdempotencyPurgeIntervalMinutes"/>.</summary>
public sealed class IdempotencyCleanup(IdempotencyStore store, IOptions<IntakeApiOptions> options, ILogger<IdempotencyCleanup> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IdempotencyPurgeIntervalMinutes));
        do
        {
            try
            {
                var purged = await store.PurgeAsync(stoppingToken);
                if (purged > 0) log.LogInformation("Purged {Count} idempotency records", purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Purging idempotency records failed; trying again later");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
