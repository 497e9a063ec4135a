using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Audit;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Audit;

public sealed class AuditTrailTests(AppFactory app) : IClassFixture<AppFactory>
{
    private AuditTrail Trail => app.Services.GetRequiredService<AuditTrail>();

    [Fact]
    public async Task R29_revealing_personal_data_needs_a_purpose_and_writes_nothing_without_one()
    {
        var before = await CountAsync();
        var error = await Assert.ThrowsAsync<DomainException>(() => Trail.RecordAsync(new Actor("u", "李娜"), AuditTrail.RevealPersonalData, "TS-1", "  "));
        Assert.Equal("PurposeRequired", error.Code);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task R28_B5_reveals_are_recorded_in_a_chain_that_detects_tampering()
    {
        var first = await Trail.RecordAsync(new Actor("u1", "李娜"), AuditTrail.RevealPersonalData, "TS-20261128-00001", "回电核实身份");
        await Trail.RecordAsync(new Actor("u2", "王强"), AuditTrail.RevealPersonalData, "TS-20261128-00002", "联系用户确认诉求");
        Assert.Null(await Trail.VerifyAsync());
        var recorded = await Trail.ForSubjectAsync("TS-20261128-00001");
        Assert.Contains(recorded, e => e.ActorName == "李娜" && e.Purpose == "回电核实身份");

        // Someone edits the stored purpose behind the app's back.
        await using (var db = app.OpenDb())
            await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET Purpose = 'nothing to see' WHERE Id = {0}", first.Id);
        Assert.Equal(first.Id, await Trail.VerifyAsync());
    }

    private async Task<int> CountAsync()
    {
        await using var db = app.OpenDb();
        return await db.AuditEntries.CountAsync();
    }
}
