using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;

namespace ComplaintOps.Tests.Domain.Triage;

/// <summary>R10/B2 multi-province batch detection: the decision table, without a database.</summary>
public sealed class BatchDetectionTests
{
    private static readonly BatchRules Rules = new(TimeSpan.FromHours(48), MinComplaints: 3, MinProvinces: 2, SimilarityThreshold: 0.3);
    private static readonly DateTime Now = DomainSamples.Utc("2026-11-28T02:00:00Z");
    private const string Text = "会员自动续费扣款 未经同意自动续费扣了会员费，要求退款";
    private const string Other = "快递包裹丢失 物流显示已签收但本人没有收到包裹";

    private static BatchFacts F(int id, string province, string phone, double hoursAgo = 1, string text = Text,
        string productLine = "视频会员", ProblemType type = ProblemType.Operations, int? incident = null, bool open = true, int? duplicateOf = null) =>
        new(id, productLine, type, province, phone, text, Now.AddHours(-hoursAgo), incident, incident is not null && open, duplicateOf);

    private static BatchFacts New(string province = "广东", string phone = "13900000009", string text = Text) => F(100, province, phone, 0, text);

    [Fact]
    public void R10_B2_similar_complaints_from_two_provinces_reaching_N_form_an_incident()
    {
        var decision = BatchDetection.Decide(New("广东"), [F(1, "浙江", "13900000001", 5), F(2, "浙江", "13900000002", 3)], Rules);

        Assert.Equal(BatchOutcome.FormIncident, decision.Outcome);
        Assert.Equal([100, 1, 2], decision.Members);
        Assert.Null(decision.IncidentId);
    }

    [Fact]
    public void R10_B2_all_from_one_province_is_not_a_batch()
    {
        var decision = BatchDetection.Decide(New("浙江"), [F(1, "浙江", "13900000001"), F(2, "浙江", "13900000002"), F(3, "浙江", "13900000003")], Rules);
        Assert.Equal(BatchOutcome.None, decision.Outcome);
        Assert.Empty(decision.Members);
    }

    [Fact]
    public void R10_B2_below_N_complaints_is_not_a_batch()
    {
        var decision = BatchDetection.Decide(New("广东"), [F(1, "浙江", "13900000001")], Rules);
        Assert.Equal(BatchOutcome.None, decision.Outcome);
    }

    [Fact]
    public void R10_B2_the_same_complainant_three_times_is_not_three_complaints()
    {
        var decision = BatchDetection.Decide(New("广东", "13900000001"), [F(1, "浙江", "13900000001", 5), F(2, "浙江", "139 0000 0001", 3)], Rules);
        Assert.Equal(BatchOutcome.None, decision.Outcome);
        Assert.Equal(1, decision.DuplicateOfId);
    }

    [Fact]
    public void R10_B2_complaints_outside_the_window_do_not_count()
    {
        var decision = BatchDetection.Decide(New("广东"), [F(1, "浙江", "13900000001", 49), F(2, "江苏", "13900000002", 3)], Rules);
        Assert.Equal(BatchOutcome.None, decision.Outcome);
    }

    [Fact]
    public void R10_B2_dissimilar_text_does_not_count()
    {
        var decision = BatchDetection.Decide(New("广东"), [F(1, "浙江", "13900000001", text: Other), F(2, "江苏", "13900000002", text: Other)], Rules);
        Assert.Equal(BatchOutcome.None, decision.Outcome);
    }

    [Fact]
    public void R10_B2_other_product_lines_and_problem_types_do_not_count()
    {
        var decision = BatchDetection.Decide(New("广东"),
            [F(1, "浙江", "13900000001", productLine: "云盘"), F(2, "江苏", "13900000002", type: ProblemType.ConsumerRights)], Rules);
        Assert.Equal(BatchOutcome.None, decision.Outcome);
    }

    [Fact]
    public void R10_B2_a_similar_complaint_joins_the_open_incident_with_any_similar_ones_not_yet_linked()
    {
        var decision = BatchDetection.Decide(New("四川"),
            [F(1, "浙江", "13900000001", incident: 7), F(2, "江苏", "13900000002", incident: 7), F(3, "广东", "13900000003", incident: 7), F(4, "湖南", "13900000004")], Rules);

        Assert.Equal(BatchOutcome.JoinIncident, decision.Outcome);
        Assert.Equal(7, decision.IncidentId);
        Assert.Equal([100, 4], decision.Members);
    }

    [Fact]
    public void R10_B2_a_closed_incident_is_not_joined_and_its_members_do_not_count_again()
    {
        var decision = BatchDetection.Decide(New("四川"),
            [F(1, "浙江", "13900000001", incident: 7, open: false), F(2, "江苏", "13900000002", incident: 7, open: false)], Rules);
        Assert.Equal(BatchOutcome.None, decision.Outcome);
    }

    [Theory]
    [InlineData(2, 2, 7)]
    [InlineData(3, 2, 9)]
    [InlineData(1, 2, 7)]
    public void R10_B2_of_two_open_incidents_the_one_with_more_similar_members_takes_it_and_on_a_tie_the_older(int inNine, int inSeven, int expected)
    {
        var candidates = Enumerable.Range(0, inNine).Select(i => F(10 + i, "浙江", $"1390000001{i}", incident: 9))
            .Concat(Enumerable.Range(0, inSeven).Select(i => F(20 + i, "江苏", $"1390000002{i}", incident: 7)));

        var decision = BatchDetection.Decide(New("四川"), candidates, Rules);

        Assert.Equal(BatchOutcome.JoinIncident, decision.Outcome);
        Assert.Equal(expected, decision.IncidentId);
    }

    [Theory]
    [InlineData(true, BatchOutcome.JoinIncident)]
    [InlineData(false, BatchOutcome.None)]
    public void R10_B2_whether_an_incident_is_open_can_come_from_the_caller_instead_of_each_candidate(bool open, BatchOutcome expected)
    {
        // The writer reads the incidents' state once per group and passes it, rather than copying hundreds of candidates.
        var candidates = new[] { F(1, "浙江", "13900000001", incident: 7, open: false), F(2, "江苏", "13900000002", incident: 7, open: false) };

        var decision = BatchDetection.Decide(New("四川"), candidates, Rules, id => id == 7 && open);

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(open ? 7 : null, decision.IncidentId);
    }

    [Fact]
    public void R10_B2_the_free_members_of_a_new_incident_are_listed_in_arrival_order_whatever_the_window_order()
    {
        var decision = BatchDetection.Decide(New("广东"), [F(9, "江苏", "13900000002", 2), F(5, "浙江", "13900000001", 8), F(7, "湖南", "13900000003", 2)], Rules);

        Assert.Equal(BatchOutcome.FormIncident, decision.Outcome);
        Assert.Equal([100, 5, 7, 9], decision.Members);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    public void R10_B2_the_early_exits_of_the_similarity_check_never_change_its_verdict(double threshold)
    {
        // Texts over a small alphabet, so pairs land on every side of the threshold, including exactly on it.
        var random = new Random(20261129);
        const string alphabet = "退款续费会员扣";
        // A smaller alphabet per pair gives more alike texts: 3 characters make 9 bigrams at most, 7 make 49.
        string Text(int letters) => new(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(letters)]).ToArray());
        var rules = Rules with { SimilarityThreshold = threshold };
        var similar = 0;
        for (var n = 0; n < 3000; n++)
        {
            var letters = random.Next(3, alphabet.Length + 1);
            var (a, b) = (Text(letters), Text(letters));
            var expected = BatchDetection.Similarity(a, b) >= threshold;
            Assert.Equal(expected, BatchDetection.IsSimilar(F(1, "浙江", "1", text: a), F(2, "江苏", "2", text: b), rules));
            if (expected) similar++;
        }
        // Both verdicts were exercised.
        Assert.InRange(similar, 1, 2999);
    }

    [Theory]
    [InlineData(7, 50, BatchOutcome.None)]
    [InlineData(7, 49, BatchOutcome.JoinIncident)]
    [InlineData(9, 50, BatchOutcome.None)]
    [InlineData(9, 49, BatchOutcome.JoinIncident)]
    public void R10_B2_only_the_latest_complaints_in_open_incidents_are_compared(int laterIncident, int unlikeLater, BatchOutcome expected)
    {
        // Incident 7: ten similar members long ago; then `unlikeLater` complaints about something else, in 7 or in another
        // incident. Compared with the latest 50 complaints in incidents, a storm of thousands costs 50 comparisons; what was
        // similar before them no longer draws new complaints.
        var rules = Rules with { IncidentMembersCompared = 50 };
        var members = Enumerable.Range(1, 10).Select(i => F(i, "浙江", $"139000001{i:00}", 40, incident: 7))
            .Concat(Enumerable.Range(11, unlikeLater).Select(i => F(i, "江苏", $"139000002{i:00}", 20, text: Other, incident: laterIncident)));

        var decision = BatchDetection.Decide(New("四川"), members, rules);

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(expected == BatchOutcome.JoinIncident ? 7 : null, decision.IncidentId);
    }

    [Fact]
    public void R10_B2_stopping_the_count_once_one_incident_cannot_be_caught_decides_as_a_full_count_does()
    {
        // 3,000 random windows: members of four incidents (one closed), similar or not, in random order; the decision must be
        // the one a full count of the latest N open members makes (the most similar members; a tie goes to the older incident).
        var random = new Random(20261129);
        for (var round = 0; round < 3000; round++)
        {
            var rules = Rules with { IncidentMembersCompared = random.Next(1, 25) };
            var members = Enumerable.Range(1, random.Next(0, 40)).Select(i =>
            {
                var incident = random.Next(6, 10);
                return F(i, i % 2 == 0 ? "浙江" : "江苏", $"1390000{i:0000}", 30 - i * 0.5, text: random.Next(3) == 0 ? Other : Text,
                    incident: incident, open: incident != 9);
            }).ToList();
            var complaint = New("四川");

            var counts = new Dictionary<int, int>();
            foreach (var member in members.OrderByDescending(m => m.ComplaintId).Where(m => m.IncidentIsOpen).Take(rules.IncidentMembersCompared))
                if (BatchDetection.IsSimilar(complaint, member, rules)) counts[member.BatchIncidentId!.Value] = counts.GetValueOrDefault(member.BatchIncidentId!.Value) + 1;
            int? expected = counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key;

            var decision = BatchDetection.Decide(complaint, members, rules);
            Assert.True(expected == decision.IncidentId, $"round {round}: a full count picks {expected?.ToString() ?? "none"}, the decision {decision.IncidentId?.ToString() ?? "none"}");
        }
    }

    [Fact]
    public void R10_B2_closed_incidents_do_not_use_up_the_comparisons()
    {
        var rules = Rules with { IncidentMembersCompared = 5 };
        var members = Enumerable.Range(1, 3).Select(i => F(i, "浙江", $"139000001{i:00}", 40, incident: 7))
            .Concat(Enumerable.Range(11, 20).Select(i => F(i, "江苏", $"139000002{i:00}", 20, incident: 9, open: false)));

        var decision = BatchDetection.Decide(New("四川"), members, rules);

        Assert.Equal(BatchOutcome.JoinIncident, decision.Outcome);
        Assert.Equal(7, decision.IncidentId);
    }

    [Fact]
    public void R10_B2_complaints_numbered_after_the_new_one_are_not_candidates()
    {
        // Within a group the writer numbers complaints in arrival order; a later one (even received a moment earlier) is not
        // what was there when this one arrived.
        var decision = BatchDetection.Decide(New("广东"), [F(101, "浙江", "13900000001", 1), F(102, "江苏", "13900000002", 1)], Rules);
        Assert.Equal(BatchOutcome.None, decision.Outcome);
    }

    [Fact]
    public void R10_B2_a_repeat_from_the_same_phone_points_at_the_earliest_original()
    {
        var decision = BatchDetection.Decide(New("浙江", "13900000001", text: Other),
            [F(1, "浙江", "13900000001", 30), F(2, "浙江", "13900000001", 10, duplicateOf: 1), F(3, "浙江", "13900000002", 20)], Rules);

        Assert.Equal(1, decision.DuplicateOfId);
        Assert.Equal(BatchOutcome.None, decision.Outcome);
    }

    [Fact]
    public void R10_B2_a_repeat_whose_original_is_outside_the_window_points_at_the_original_through_its_link()
    {
        var decision = BatchDetection.Decide(New("浙江", "13900000001"), [F(2, "浙江", "13900000001", 10, duplicateOf: 1)], Rules);
        Assert.Equal(1, decision.DuplicateOfId);
    }

    [Fact]
    public void R10_B2_no_repeat_for_another_phone_or_another_problem_type()
    {
        var decision = BatchDetection.Decide(New("浙江", "13900000001"),
            [F(1, "浙江", "13900000002"), F(2, "浙江", "13900000001", type: ProblemType.Product)], Rules);
        Assert.Null(decision.DuplicateOfId);
    }

    [Theory]
    [InlineData("会员自动续费扣款", "会员自动续费扣款", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("ab cd", "ABCD", 1.0)]
    [InlineData("", "abc", 0.0)]
    public void B2_similarity_is_the_bigram_jaccard_ignoring_case_spaces_and_punctuation(string a, string b, double expected) =>
        Assert.Equal(expected, BatchDetection.Similarity(a, b), 3);

    [Fact]
    public void B2_similarity_of_partly_overlapping_texts_is_shared_over_all_bigrams() =>
        // abcd → {ab, bc, cd}; abce → {ab, bc, ce}: 2 shared of 4.
        Assert.Equal(0.5, BatchDetection.Similarity("abcd", "abce"), 3);
}
