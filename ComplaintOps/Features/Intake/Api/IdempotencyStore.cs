using System.Security.Cryptography;
using ComplaintOps.Data;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Intake.Api;

/// <summary>
/// Remembers answered requests per (API key, Idempotency-Key) in the database, so a retry, even after a
/// restart, never creates a second complaint. A key is reserved before the complaint is created: two
/// concurrent requests with the same key cannot both create one (the unique index decides).
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;

    public static string HashBody(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>Printable ASCII, 1–100 characters (a UUID fits).</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= MaxKeyLength && key.All(ch => ch is > ' ' and <= '~');

    public async Task<IdempotencyRecord?> FindAsync(int apiKeyId, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, ct);
    }

    /// <summary>Reserves the key; returns the record that already holds it when another request got there first.</summary>
    public async Task<(IdempotencyRecord Reserved, IdempotencyRecord? Existing)> ReserveAsync(int apiKeyId, string key, string requestHash, CancellationToken ct = default)
    {
        var record = new IdempotencyRecord { ApiKeyId = apiKeyId, Key = key, RequestHash = requestHash, CreatedAtUtc = time.UtcNow };
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.IdempotencyRecords.Add(record);
            await db.SaveChangesAsync(ct);
            return (record, null);
        }
        catch (DbUpdateException)
        {
            var existing = await FindAsync(apiKeyId, key, ct);
            if (existing is null) throw;
            return (record, existing);
        }
    }

    public async Task CompleteAsync(long id, int statusCode, string body, string? location, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, statusCode)
            .SetProperty(r => r.ResponseBody, body)
            .SetProperty(r => r.Location, location), ct);
    }

    /// <summary>Frees a reservation whose request failed, so the caller may retry with the same key.</summary>
    public async Task ReleaseAsync(long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await db.IdempotencyRecords.Where(r => r.Id == id && r.StatusCode == 0).ExecuteDeleteAsync();
    }
}
