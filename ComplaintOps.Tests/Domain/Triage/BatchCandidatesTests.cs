using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Triage;

namespace ComplaintOps.Tests.Domain.Triage;

/// <summary>B2: the window's complaints on one product line and problem type, arranged by incident and by phone.</summary>
public sealed class BatchCandidatesTests
{
    private static readonly DateTime Now = DomainSamples.Utc("2026-11-28T02:00:00Z");

    private static BatchFacts F(int id, string phone = "13900000001", int? incident = null, double hoursAgo = 1) =>
        new(id, "视频会员", ProblemType.Operations, "浙江", phone, "会员自动续费扣款", Now.AddHours(-hoursAgo), incident);

    [Fact]
    public void B2_lists_stay_in_arrival_order_whatever_the_order_they_come_in()
    {
        var candidates = new BatchCandidates("视频会员", ProblemType.Operations);
        foreach (var id in new[] { 5, 2, 9, 7 }) candidates.Add(F(id));
        candidates.Add(F(2)); // held already: not twice

        Assert.Equal([2, 5, 7, 9], candidates.Free.Select(f => f.ComplaintId));
        Assert.Equal([2, 5, 7, 9], candidates.SamePhone("13900000001").Select(f => f.ComplaintId));
        Assert.Equal(4, candidates.Count);
    }

    [Fact]
    public void B2_a_complaint_linked_to_an_incident_moves_from_the_free_list_to_the_incident()
    {
        var candidates = new BatchCandidates("视频会员", ProblemType.Operations);
        var free = F(3);
        candidates.Add(F(1, incident: 7));
        candidates.Add(free);

        Assert.True(candidates.Remove(free));
        candidates.Add(free with { BatchIncidentId = 7 });

        Assert.Empty(candidates.Free);
        Assert.Equal([1, 3], candidates.InIncidents.Select(f => f.ComplaintId));
        Assert.Equal([7], candidates.IncidentIds);
        Assert.Equal([1, 3], candidates.SamePhone("13900000001").Select(f => f.ComplaintId));
        Assert.Equal(2, candidates.Count);
    }

    [Fact]
    public void B2_an_incident_whose_last_member_leaves_is_no_longer_listed()
    {
        var candidates = new BatchCandidates("视频会员", ProblemType.Operations);
        var member = F(1, incident: 7);
        candidates.Add(member);
        candidates.Add(F(2, incident: 8));

        candidates.Remove(member);

        Assert.Equal([8], candidates.IncidentIds);
    }

    [Fact]
    public void B2_pruning_lets_go_of_what_left_the_window_everywhere()
    {
        var candidates = new BatchCandidates("视频会员", ProblemType.Operations);
        candidates.Add(F(1, hoursAgo: 50));
        candidates.Add(F(2, incident: 7, hoursAgo: 49));
        candidates.Add(F(3, phone: "13900000002", incident: 7, hoursAgo: 2));
        candidates.Add(F(4, phone: "", hoursAgo: 1));
        var removed = new List<int>();

        candidates.Prune(Now.AddHours(-48), f => removed.Add(f.ComplaintId));

        Assert.Equal([1, 2], removed.Order());
        Assert.Equal([4], candidates.Free.Select(f => f.ComplaintId));
        Assert.Equal([3], candidates.InIncidents.Select(f => f.ComplaintId));
        Assert.Equal([7], candidates.IncidentIds);
        Assert.Empty(candidates.SamePhone("13900000001"));
        Assert.Empty(candidates.SamePhone(""));
        Assert.Equal(2, candidates.Count);
    }

    [Fact]
    public void B2_a_complaint_on_another_product_line_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
            new BatchCandidates("云盘", ProblemType.Operations).Add(F(1)));
}
