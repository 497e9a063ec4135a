using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;
using ComplaintOps.Features.Audit;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Triage;

/// <summary>Adding, editing and disabling the classification and risk keyword rules (/admin/rules). Every change is audited.</summary>
public sealed class TriageRuleAdmin(IDbContextFactory<ComplaintOpsDb> dbFactory, AuditTrail audit, BusinessTime time, TriageRuleCache cache)
{
    public const int MaxKeywordLength = 50;

    public async Task<IReadOnlyList<ClassificationRule>> ClassificationRulesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ClassificationRules.AsNoTracking().OrderBy(r => r.SubType).ThenBy(r => r.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RiskRule>> RiskRulesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RiskRules.AsNoTracking().OrderByDescending(r => r.Level).ThenBy(r => r.Keyword).ToListAsync(ct);
    }

    /// <summary>Adds (<paramref name="id"/> null) or changes a classification rule; returns its id.</summary>
    public async Task<int> SaveClassificationRuleAsync(int? id, ProblemSubType subType, string? keywords, int weight, bool enabled, Actor by, CancellationToken ct = default)
    {
        var list = KeywordClassifier.SplitKeywords(keywords);
        if (list.Count == 0) throw new DomainException("RuleKeywordsRequired", "Enter at least one keyword.");
        if (list.Any(k => k.Length > MaxKeywordLength)) throw new DomainException("RuleKeywordTooLong", $"A keyword can be at most {MaxKeywordLength} characters.");
        if (weight is < 1 or > 10) throw new DomainException("RuleWeightRange", "The weight must be between 1 and 10.");
        if (!Enum.IsDefined(subType)) throw new DomainException("RuleSubTypeRequired", "Choose a problem sub-type.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = id is null ? db.ClassificationRules.Add(new ClassificationRule()).Entity
            : await db.ClassificationRules.FindAsync([id.Value], ct) ?? throw new DomainException("RuleNotFound", "That rule no longer exists.");
        rule.SubType = subType;
        rule.Keywords = string.Join(", ", list);
        rule.Weight = weight;
        rule.Enabled = enabled;
        Stamp(rule, by);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        await audit.RecordAsync(by, "EditClassificationRule", $"ClassificationRule:{rule.Id}", $"{subType}: {rule.Keywords} (weight {weight}, {(enabled ? "enabled" : "disabled")})", ct);
        return rule.Id;
    }

    /// <summary>Adds (<paramref name="id"/> null) or changes a risk keyword rule; returns its id.</summary>
    public async Task<int> SaveRiskRuleAsync(int? id, string? keyword, RiskLevel level, HighRiskTriggers trigger, bool enabled, Actor by, CancellationToken ct = default)
    {
        keyword = keyword?.Trim() ?? "";
        if (keyword.Length == 0) throw new DomainException("RuleKeywordsRequired", "Enter at least one keyword.");
        if (keyword.Length > MaxKeywordLength) throw new DomainException("RuleKeywordTooLong", $"A keyword can be at most {MaxKeywordLength} characters.");
        if (!Enum.IsDefined(level)) throw new DomainException("RuleLevelRequired", "Choose a risk level.");
        if (trigger != HighRiskTriggers.None && level < RiskLevel.High)
            throw new DomainException("RuleTriggerNeedsHighLevel", "A keyword that makes a complaint high-risk needs the level High or Critical.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lower = keyword.ToLowerInvariant();
        if (await db.RiskRules.AnyAsync(r => r.Id != (id ?? 0) && r.Keyword.ToLower() == lower, ct))
            throw new DomainException("RuleKeywordDuplicate", "There is already a risk rule for this keyword; edit that one.");
        var rule = id is null ? db.RiskRules.Add(new RiskRule()).Entity
            : await db.RiskRules.FindAsync([id.Value], ct) ?? throw new DomainException("RuleNotFound", "That rule no longer exists.");
        rule.Keyword = keyword;
        rule.Level = level;
        rule.Trigger = trigger;
        rule.Enabled = enabled;
        Stamp(rule, by);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        await audit.RecordAsync(by, "EditRiskRule", $"RiskRule:{rule.Id}", $"{keyword}: {level}, {trigger} ({(enabled ? "enabled" : "disabled")})", ct);
        return rule.Id;
    }

    private void Stamp(ClassificationRule rule, Actor by)
    {
        rule.UpdatedBy = by.Name;
        rule.UpdatedAtUtc = time.UtcNow;
    }

    private void Stamp(RiskRule rule, Actor by)
    {
        rule.UpdatedBy = by.Name;
        rule.UpdatedAtUtc = time.UtcNow;
    }
}
