using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Triage;

/// <summary>One administrator-edited classification rule: any of these keywords suggests this sub-type (R9).</summary>
public sealed record KeywordRule(ProblemSubType SubType, IReadOnlyList<string> Keywords, int Weight = 1);

/// <summary>The sub-type the text points to, the keywords that matched and the score that chose it.</summary>
public sealed record ClassificationSuggestion(ProblemSubType SubType, IReadOnlyList<string> MatchedKeywords, int Score);

/// <summary>
/// Suggests a problem sub-type from free text (R9). Each distinct keyword found in the text (case-insensitive)
/// adds its rule's weight to that rule's sub-type; the highest score wins, ties go to more matched keywords,
/// then to the lower sub-type. No match: no suggestion — the agent chooses.
/// </summary>
public static class KeywordClassifier
{
    public static ClassificationSuggestion? Suggest(string? text, IEnumerable<KeywordRule> rules)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var scores = new Dictionary<ProblemSubType, (int Score, List<string> Matched)>();
        foreach (var rule in rules)
        {
            foreach (var keyword in rule.Keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!text.Contains(keyword, StringComparison.OrdinalIgnoreCase)) continue;
                var entry = scores.TryGetValue(rule.SubType, out var e) ? e : (0, new List<string>());
                if (entry.Item2.Contains(keyword, StringComparer.OrdinalIgnoreCase)) continue;
                entry.Item2.Add(keyword);
                scores[rule.SubType] = (entry.Item1 + Math.Max(1, rule.Weight), entry.Item2);
            }
        }
        if (scores.Count == 0) return null;
        var best = scores
            .OrderByDescending(s => s.Value.Score)
            .ThenByDescending(s => s.Value.Matched.Count)
            .ThenBy(s => s.Key)
            .First();
        return new ClassificationSuggestion(best.Key, best.Value.Matched, best.Value.Score);
    }

    /// <summary>Splits an administrator's keyword list: commas (, ，), 、, semicolons or new lines.</summary>
    public static IReadOnlyList<string> SplitKeywords(string? keywords) =>
        (keywords ?? "").Split([',', '，', '、', ';', '；', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
}
