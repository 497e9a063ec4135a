using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Triage;

/// <summary>An administrator-edited risk keyword: finding it in the text raises the level, and may add a high-risk trigger (R8, R10).</summary>
public sealed record RiskKeyword(string Keyword, RiskLevel Level, HighRiskTriggers Trigger = HighRiskTriggers.None);

/// <summary>The rules the grader applies. Amounts are in cents (fen).</summary>
public sealed record GradingPolicy(
    IReadOnlyList<RiskKeyword> Keywords,
    long CompensationThresholdCents,
    int RepeatComplaintCount,
    int RepeatWindowDays);

/// <summary>What is known about a complaint when it is graded.</summary>
/// <param name="Text">Title, description and demands together (keywords are looked for here).</param>
/// <param name="Demands">The demands alone (compensation amounts are read from here).</param>
/// <param name="EarlierComplaintsBySamePhone">Complaints from the same phone number in the policy's repeat window, not counting this one.</param>
public sealed record GradingInput(
    Channel Channel,
    SpecialGroup SpecialGroup,
    string Text,
    string Demands,
    int EarlierComplaintsBySamePhone = 0);

public enum GradeReasonKind
{
    Channel = 0,
    Keyword = 1,
    SpecialGroup = 2,
    Compensation = 3,
    RepeatComplainant = 4,
}

/// <summary>One reason for the grade; <see cref="Detail"/> is the keyword, channel, group, amount or count.</summary>
public sealed record GradeReason(GradeReasonKind Kind, string Detail, RiskLevel Level, HighRiskTriggers Trigger = HighRiskTriggers.None)
{
    /// <summary>Plain words, as kept on the timeline: keywords as they are, the others with what they are.</summary>
    public override string ToString() => Kind switch
    {
        GradeReasonKind.Keyword => Detail,
        GradeReasonKind.Channel => $"channel {Detail}",
        GradeReasonKind.SpecialGroup => $"special group {Detail}",
        GradeReasonKind.Compensation => $"compensation demand {Detail}",
        GradeReasonKind.RepeatComplainant => $"repeat complainant ({Detail})",
        _ => Detail,
    };
}

/// <summary>Severity (R10), risk level (R8), the high-risk triggers and why.</summary>
public sealed record RiskGrade(ComplaintSeverity Severity, RiskLevel Level, HighRiskTriggers Triggers, IReadOnlyList<GradeReason> Reasons)
{
    public static readonly RiskGrade Default = new(ComplaintSeverity.General, RiskLevel.Low, HighRiskTriggers.None, []);

    /// <summary>"Graded: High risk, Critical — 央视, 曝光": the timeline note at receipt.</summary>
    public string Summary =>
        $"Graded: {(Severity == ComplaintSeverity.HighRisk ? "High risk" : "General")}, {Level}"
        + (Reasons.Count == 0 ? " — no risk rule matched" : " — " + string.Join(", ", Reasons));
}

/// <summary>
/// Grades a complaint by rules (R8, R10):
/// <list type="bullet">
/// <item>a regulator channel adds GovernmentAttention and a media channel NationalMediaExposure (level High); a public-opinion platform is Medium;</item>
/// <item>each risk keyword found in the text gives its level and trigger;</item>
/// <item>a compensation demand at or above the threshold, and a repeat complainant (at least N earlier complaints from the same phone in the window), are Medium;</item>
/// <item>the level is the highest of these; a special group then raises it one step;</item>
/// <item>any trigger makes the complaint high-risk, and a high-risk complaint is at least High.</item>
/// </list>
/// </summary>
public static partial class RiskGrader
{
    public static RiskGrade Grade(GradingInput input, GradingPolicy policy)
    {
        var reasons = new List<GradeReason>();
        switch (input.Channel)
        {
            case Channel.Regulator:
                reasons.Add(new(GradeReasonKind.Channel, input.Channel.ToString(), RiskLevel.High, HighRiskTriggers.GovernmentAttention));
                break;
            case Channel.Media:
                reasons.Add(new(GradeReasonKind.Channel, input.Channel.ToString(), RiskLevel.High, HighRiskTriggers.NationalMediaExposure));
                break;
            case Channel.PublicOpinion:
                reasons.Add(new(GradeReasonKind.Channel, input.Channel.ToString(), RiskLevel.Medium));
                break;
        }

        var text = input.Text ?? "";
        foreach (var rule in policy.Keywords
                     .Where(k => !string.IsNullOrWhiteSpace(k.Keyword))
                     .DistinctBy(k => k.Keyword.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var keyword = rule.Keyword.Trim();
            if (text.Contains(keyword, StringComparison.OrdinalIgnoreCase))
                reasons.Add(new(GradeReasonKind.Keyword, keyword, rule.Level, rule.Trigger));
        }

        var demanded = LargestAmountCents(input.Demands);
        if (demanded is { } cents && policy.CompensationThresholdCents > 0 && cents >= policy.CompensationThresholdCents)
            reasons.Add(new(GradeReasonKind.Compensation, $"{FormatYuan(cents)} ≥ {FormatYuan(policy.CompensationThresholdCents)}", RiskLevel.Medium));

        if (policy.RepeatComplaintCount > 0 && input.EarlierComplaintsBySamePhone >= policy.RepeatComplaintCount)
            reasons.Add(new(GradeReasonKind.RepeatComplainant, $"{input.EarlierComplaintsBySamePhone} earlier in {policy.RepeatWindowDays} days", RiskLevel.Medium));

        var level = reasons.Count == 0 ? RiskLevel.Low : reasons.Max(r => r.Level);
        if (input.SpecialGroup != SpecialGroup.None)
        {
            level = level == RiskLevel.Critical ? RiskLevel.Critical : level + 1;
            reasons.Add(new(GradeReasonKind.SpecialGroup, input.SpecialGroup.ToString(), level));
        }

        var triggers = reasons.Aggregate(HighRiskTriggers.None, (t, r) => t | r.Trigger);
        var severity = triggers == HighRiskTriggers.None ? ComplaintSeverity.General : ComplaintSeverity.HighRisk;
        if (severity == ComplaintSeverity.HighRisk && level < RiskLevel.High) level = RiskLevel.High;
        return new RiskGrade(severity, level, triggers, reasons);
    }

    /// <summary>
    /// The largest money amount in the text, in cents: "赔偿5000元", "2万元", "¥5,000", "￥800.50", "5000 yuan", "RMB 3000".
    /// Null when no amount with a currency sign or unit is found (bare numbers such as 12315 are not money).
    /// </summary>
    public static long? LargestAmountCents(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        long? largest = null;
        foreach (Match m in Amount().Matches(text))
        {
            var digits = (m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Value).Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var yuan)) continue;
            if (m.Groups["wa"].Success || m.Groups["wb"].Success) yuan *= 10_000m;
            if (yuan > 1_000_000_000_000m) continue;
            var cents = (long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero);
            if (largest is null || cents > largest) largest = cents;
        }
        return largest;
    }

    public static string FormatYuan(long cents) =>
        "¥" + (cents / 100m).ToString(cents % 100 == 0 ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);

    // Either a currency sign before the number, or a unit after it (with an optional 万).
    [GeneratedRegex(@"(?:[¥￥]|RMB|CNY)\s*(?<a>\d[\d,，]*(?:\.\d+)?)\s*(?<wa>万)?|(?<b>\d[\d,，]*(?:\.\d+)?)\s*(?<wb>万)?\s*(?:元|块|圆|yuan|rmb|cny)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Amount();
}
