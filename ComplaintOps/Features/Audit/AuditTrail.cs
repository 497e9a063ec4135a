using ComplaintOps.Data;
using ComplaintOps.Domain.Audit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Audit;

/// <summary>The one way to write to the audit trail. Appends are serialised so the hash chain never forks.</summary>
public sealed class AuditTrail(IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time)
{
    public const string RevealPersonalData = nameof(RevealPersonalData);

    private readonly SemaphoreSlim _append = new(1, 1);

    public async Task<AuditEntry> RecordAsync(Actor actor, string action, string subject, string purpose, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(purpose))
            throw new DomainException("PurposeRequired", "Say why you need to see this personal data; the purpose is kept in the audit trail.");
        await _append.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditEntry.GenesisHash;
            var entry = AuditEntry.Append(previous, time.UtcNow, actor.Id, actor.Name, action, subject, purpose.Trim());
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            return entry;
        }
        finally
        {
            _append.Release();
        }
    }

    /// <summary>Walks the whole chain; null when intact, else the first entry that was altered.</summary>
    public async Task<long?> VerifyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return AuditEntry.FirstBrokenLink(await db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct));
    }

    public async Task<IReadOnlyList<AuditEntry>> ForSubjectAsync(string subject, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.Subject == subject).OrderByDescending(e => e.Id).Take(50).ToListAsync(ct);
    }
}
