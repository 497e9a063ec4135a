using System.Security.Cryptography;
using System.Text;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Audit;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Intake.Api;

/// <summary>
/// Issues, finds and revokes API keys. Secrets are random, shown once, and stored only as SHA-256.
/// Live keys found by a request are remembered (by hash) until a key is revoked in this process — the only writer of
/// the key table — so an API call does not read the table each time; unknown secrets are never remembered.
/// </summary>
public sealed class ApiKeyStore(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time, AuditTrail audit)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ApiKey> _live = new(StringComparer.Ordinal);
    private long _revocations;

    public const string SecretPrefix = "cok_";
    public const string AuditCreated = "ApiKeyCreated";
    public const string AuditRevoked = "ApiKeyRevoked";

    public sealed record IssuedKey(ApiKey Key, string Secret);

    /// <summary>A new key for <paramref name="channel"/>; the returned secret is the only copy there will ever be.</summary>
    public async Task<IssuedKey> CreateAsync(Channel channel, string sourceName, Actor by, CancellationToken ct = default)
    {
        var secret = SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = await AddAsync(channel, sourceName, secret, by, ct);
        return new IssuedKey(key, secret);
    }

    /// <summary>Stores a key whose secret is known in advance (the documented demo key only).</summary>
    internal async Task<ApiKey> AddAsync(Channel channel, string sourceName, string secret, Actor by, CancellationToken ct = default)
    {
        if (!ApiKey.Channels.Contains(channel))
            throw new DomainException("ApiKeyChannel", "API keys are issued for the app, regulators, public-opinion platforms and media only.");
        sourceName = sourceName.Trim();
        if (sourceName.Length is 0 or > 100)
            throw new DomainException("ApiKeySourceName", "Name the source (at most 100 characters).");

        var key = new ApiKey
        {
            Channel = channel,
            SourceName = sourceName,
            SecretHash = Hash(secret),
            Prefix = secret[..Math.Min(secret.Length, SecretPrefix.Length + 6)],
            CreatedAtUtc = time.UtcNow,
            CreatedBy = by.Name,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync(ct);
        }
        await audit.RecordAsync(by, AuditCreated, $"api-key:{key.Id}", $"{channel} · {sourceName}", ct);
        return key;
    }

    public async Task RevokeAsync(int id, Actor by, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct)
            ?? throw new DomainException("ApiKeyNotFound", "That API key does not exist.");
        if (key.IsRevoked) return;
        key.RevokedAtUtc = time.UtcNow;
        key.RevokedBy = by.Name;
        await db.SaveChangesAsync(ct);
        Interlocked.Increment(ref _revocations);
        _live.Clear();
        await audit.RecordAsync(by, AuditRevoked, $"api-key:{key.Id}", $"{key.Channel} · {key.SourceName}", ct);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AsNoTracking().OrderBy(k => k.RevokedAtUtc != null).ThenByDescending(k => k.Id).ToListAsync(ct);
    }

    /// <summary>The live key with this secret, or null when unknown or revoked.</summary>
    public async Task<ApiKey?> FindActiveAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 200) return null;
        var hash = Hash(secret);
        if (_live.TryGetValue(hash, out var known)) return known;
        var revocations = Interlocked.Read(ref _revocations);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.SecretHash == hash && k.RevokedAtUtc == null, ct);
        if (key is null) return null;
        // A revocation may have finished meanwhile (the key may be the revoked one): then do not remember it.
        _live[hash] = key;
        if (Interlocked.Read(ref _revocations) != revocations) _live.TryRemove(hash, out _);
        return key;
    }

    public async Task<bool> AnyWithHashAsync(string secret, CancellationToken ct = default)
    {
        var hash = Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiKeys.AnyAsync(k => k.SecretHash == hash, ct);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
