using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Triage.BatchDetection;

namespace ComplaintOps.Tests.Features.Triage;

/// <summary>R10/B2: an incident's counts grow with each joining complaint, without re-reading the members already counted.</summary>
public sealed class BatchIncidentCountsTests
{
    private static DateTime At(string utc) => DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    [Fact]
    public void R10_B2_joining_complaints_add_to_the_count_the_provinces_and_the_first_and_last_seen()
    {
        var incident = BatchIncident.Form("视频会员", ProblemType.Operations, "会员被自动续费扣款", At("2026-11-28T02:00:00Z"));

        incident.Add([("浙江", At("2026-11-28T01:00:00Z")), ("江苏", At("2026-11-27T23:00:00Z")), ("浙江", At("2026-11-28T02:00:00Z"))]);
        Assert.Equal(3, incident.ComplaintCount);
        Assert.Equal(2, incident.ProvinceCount);
        Assert.Equal(string.Join("、", new[] { "江苏", "浙江" }.Order(StringComparer.Ordinal)), incident.Provinces);
        Assert.Equal(At("2026-11-27T23:00:00Z"), incident.FirstSeenUtc);
        Assert.Equal(At("2026-11-28T02:00:00Z"), incident.LastSeenUtc);

        incident.Add([("广东", At("2026-11-28T03:00:00Z"))]);
        Assert.Equal(4, incident.ComplaintCount);
        Assert.Equal(3, incident.ProvinceCount);
        Assert.Contains("广东", incident.Provinces, StringComparison.Ordinal);
        Assert.Equal(At("2026-11-27T23:00:00Z"), incident.FirstSeenUtc);
        Assert.Equal(At("2026-11-28T03:00:00Z"), incident.LastSeenUtc);

        incident.Add([]);
        Assert.Equal(4, incident.ComplaintCount);
    }
}
