using ComplaintOps.Data;
using ComplaintOps.Domain.Triage;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Triage;

/// <summary>
/// The enabled classification and risk keyword rules, read once and kept until /admin/rules changes them
/// (<see cref="TriageRuleAdmin"/> calls <see cref="Invalidate"/>), instead of two rule reads on every intake.
/// </summary>
public sealed class TriageRuleCache
{
    public sealed record Rules(IReadOnlyList<KeywordRule> Classification, IReadOnlyList<RiskKeyword> Risk);

    private Rules? _rules;
    private long _version;

    /// <summary>The rules if they are cached, without a context (the API's classification on every request).</summary>
    public Rules? Cached => Volatile.Read(ref _rules);

    public async Task<Rules> GetAsync(ComplaintOpsDb db, CancellationToken ct = default)
    {
        if (Volatile.Read(ref _rules) is { } cached) return cached;
        var version = Interlocked.Read(ref _version);
        var classification = (await db.ClassificationRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(r => r.ToDomain()).ToArray();
        var risk = (await db.RiskRules.AsNoTracking().Where(r => r.Enabled).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(r => r.ToDomain()).ToArray();
        var rules = new Rules(classification, risk);
        // A change made while this was reading must not be hidden by what was read before it.
        if (Interlocked.Read(ref _version) == version) Interlocked.CompareExchange(ref _rules, rules, null);
        return rules;
    }

    /// <summary>Forgets the rules; the next intake reads them again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        Volatile.Write(ref _rules, null);
    }
}
