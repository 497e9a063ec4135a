using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Triage;

/// <summary>What a form knows besides the text; everything is optional.</summary>
/// <param name="Demands">The demands alone, for the compensation rule (the text is used when this is null).</param>
/// <param name="Phone">The complainant's full phone number, for the repeat-complainant rule.</param>
public sealed record TriageContext(
    Channel Channel = Channel.Phone,
    SpecialGroup SpecialGroup = SpecialGroup.None,
    string? Demands = null,
    string? Phone = null);

/// <summary>
/// A suggestion for the intake form: the sub-type the keyword rules point to (null when none matched),
/// its type, the keywords that matched, and the grade the risk rules propose with their reasons.
/// </summary>
public sealed record TriageSuggestion(
    ProblemSubType? SubType,
    IReadOnlyList<string> MatchedKeywords,
    int Score,
    RiskGrade Grade)
{
    public ProblemType? Type => SubType is { } s ? ProblemTaxonomy.TypeOf(s) : null;
}

/// <summary>Classification (R9) and risk grading (R8, R10) with the rules administrators keep in the database.</summary>
public sealed class TriageService(IDbContextFactory<ComplaintOpsDb> dbFactory, IOptions<TriageOptions> options, BusinessTime time, TriageRuleCache rules)
{
    /// <summary>
    /// Suggests a sub-type and a grade for <paramref name="text"/> (title, description and demands together).
    /// Pass <paramref name="context"/> for the channel, special-group, compensation and repeat-complainant rules.
    /// </summary>
    public async Task<TriageSuggestion> SuggestAsync(string text, TriageContext? context = null, CancellationToken ct = default)
    {
        context ??= new TriageContext();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var classification = KeywordClassifier.Suggest(text, await ClassificationRulesAsync(db, ct));
        var earlier = await EarlierComplaintsAsync(db, context.Phone, ct);
        var grade = RiskGrader.Grade(new GradingInput(context.Channel, context.SpecialGroup, text ?? "", context.Demands ?? text ?? "", earlier), await PolicyAsync(db, ct));
        return new TriageSuggestion(classification?.SubType, classification?.MatchedKeywords ?? [], classification?.Score ?? 0, grade);
    }

    /// <summary>The sub-type the keyword rules point to for <paramref name="text"/> (R9), or null; no grading, no query once the rules are cached.</summary>
    public async Task<ProblemSubType?> ClassifyAsync(string text, CancellationToken ct = default)
    {
        var cached = rules.Cached;
        if (cached is null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            cached = await rules.GetAsync(db, ct);
        }
        return KeywordClassifier.Suggest(text, cached.Classification)?.SubType;
    }

    /// <summary>
    /// The grade a new complaint gets at receipt (intake grades a whole group this way, inside its transaction), from
    /// <paramref name="earlier"/> complaints from the same phone in the repeat window (<see cref="EarlierComplaintsByPhoneAsync"/>)
    /// and the cached rules. The rules' grade replaces what the caller set — unless the caller passed high-risk triggers:
    /// then the caller's grade stands and the rules can only add to it (more triggers, a higher level), never lower it.
    /// </summary>
    public RiskGrade Grade(NewComplaint data, int earlier, TriageRuleCache.Rules cached)
    {
        var text = string.Join("\n", data.Title, data.Description, data.Demands);
        var grade = RiskGrader.Grade(new GradingInput(data.Channel, data.SpecialGroup, text, data.Demands, earlier), Policy(cached));
        if (data.HighRiskTriggers == HighRiskTriggers.None) return grade;
        var level = (RiskLevel)Math.Max(Math.Max((int)grade.Level, (int)data.RiskLevel), (int)RiskLevel.High);
        return grade with { Severity = ComplaintSeverity.HighRisk, Level = level, Triggers = grade.Triggers | data.HighRiskTriggers };
    }

    /// <summary>The rules, read once and cached (see <see cref="TriageRuleCache"/>).</summary>
    public Task<TriageRuleCache.Rules> RulesAsync(ComplaintOpsDb db, CancellationToken ct = default) => rules.GetAsync(db, ct);

    /// <summary>
    /// Complaints per exact phone in the repeat window, for several phones in one query (a group of intakes): an indexed
    /// equality on the last four digits, then the full number. Phones with none are absent.
    /// </summary>
    public async Task<Dictionary<string, int>> EarlierComplaintsByPhoneAsync(ComplaintOpsDb db, IEnumerable<string?> phones, CancellationToken ct = default)
    {
        var wanted = phones.Select(p => p?.Trim()).OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0 || options.Value.RepeatComplaintCount <= 0) return new(StringComparer.Ordinal);
        var last4s = wanted.Select(p => p.Length >= 4 ? p[^4..] : p).Distinct(StringComparer.Ordinal).ToArray();
        var since = time.UtcNow.AddDays(-options.Value.RepeatWindowDays);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var (phone, count) in CountsByPhone(db, last4s, [.. wanted], since).WithCancellation(ct)) counts[phone] = count;
        return counts;
    }

    // Compiled once: intake's writer runs it for every write, and EF's per-call preparation of the expression tree (which,
    // uncompiled, also built new SQL for every list length) cost more than the query (docs/benchmarks.md, rounds 6 and 7).
    // The lists stay parameters; the SQL for each shape is made once and cached.
    private static readonly Func<ComplaintOpsDb, string[], string[], DateTime, IAsyncEnumerable<PhoneCount>> CountsByPhone =
        EF.CompileAsyncQuery((ComplaintOpsDb db, string[] last4s, string[] phones, DateTime since) => db.Complaints
            .Where(c => last4s.Contains(c.Complainant.PhoneLast4) && phones.Contains(c.Complainant.Phone) && c.ReceivedAtUtc >= since)
            .GroupBy(c => c.Complainant.Phone)
            .Select(g => new PhoneCount(g.Key, g.Count())));

    private sealed record PhoneCount(string Phone, int Count);

    /// <summary>Complaints from this exact phone in the repeat window (the intake form's suggestion).</summary>
    public async Task<int> EarlierComplaintsAsync(ComplaintOpsDb db, string? phone, CancellationToken ct = default) =>
        (await EarlierComplaintsByPhoneAsync(db, [phone], ct)).Values.SingleOrDefault();

    private async Task<GradingPolicy> PolicyAsync(ComplaintOpsDb db, CancellationToken ct) => Policy(await rules.GetAsync(db, ct));

    private GradingPolicy Policy(TriageRuleCache.Rules cached)
    {
        var o = options.Value;
        return new GradingPolicy(cached.Risk, o.CompensationThresholdYuan * 100, o.RepeatComplaintCount, o.RepeatWindowDays);
    }

    private async Task<IReadOnlyList<KeywordRule>> ClassificationRulesAsync(ComplaintOpsDb db, CancellationToken ct) =>
        (await rules.GetAsync(db, ct)).Classification;
}
