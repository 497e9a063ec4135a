using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Identity;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Intake;

/// <summary>R34 at the database and intake level: every complaint has an owner, whatever the way in.</summary>
public sealed class IntakeOwnershipTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static NewComplaint Web() => new()
    {
        Channel = Channel.Web,
        Complainant = new Complainant { Name = "赵六", Phone = "13700001111", Province = "广东", City = "深圳" },
        Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "示例商家" },
        ProductLine = "电商平台",
        ProblemSubType = ProblemSubType.Exchange,
        Title = "换货被拒",
        Description = "商品有质量问题，商家拒绝换货。",
        Demands = "换货",
    };

    [Fact]
    public async Task R34_public_intake_without_an_agent_gets_the_least_loaded_agent_as_owner()
    {
        _ = app.CreateClient();
        var intake = app.Services.GetRequiredService<IntakeService>();

        await using var db = app.OpenDb();
        var agents = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Roles.Agent
                            select new { u.Id, u.UserName }).ToListAsync();
        Assert.Equal(3, agents.Count);
        var open = await db.Complaints.Where(c => !new[] { ComplaintStatus.Closed, ComplaintStatus.Referred, ComplaintStatus.NotEstablished, ComplaintStatus.OutOfScope, ComplaintStatus.Archived }.Contains(c.Status))
            .GroupBy(c => c.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var expected = agents.OrderBy(a => open.GetValueOrDefault(a.Id)).ThenBy(a => a.UserName).First();

        var complaint = await intake.ReceiveAsync(Web(), Actor.System);

        Assert.Equal(ComplaintStatus.Received, complaint.Status);
        Assert.Equal(expected.Id, complaint.OwnerId);
        var saved = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaint.Id);
        Assert.Equal(expected.Id, saved.OwnerId);
        Assert.False(string.IsNullOrEmpty(saved.OwnerName));
    }

    [Fact]
    public async Task R34_inserting_a_complaint_with_a_null_owner_fails_in_the_database()
    {
        _ = app.CreateClient();
        await using var db = app.OpenDb();
        var complaint = TestComplaints.Make("TS-20261128-09999", app.Clock.GetUtcNow().UtcDateTime);
        db.Complaints.Add(complaint);
        // Bypass the domain, as a careless import or script would.
        db.Entry(complaint).Property(nameof(Complaint.OwnerId)).CurrentValue = null;

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("NOT NULL", error.InnerException!.Message, StringComparison.OrdinalIgnoreCase);
        await using var check = app.OpenDb();
        Assert.False(await check.Complaints.AnyAsync(c => c.TrackingNumber == "TS-20261128-09999"));
    }

    [Fact]
    public async Task R34_the_database_refuses_a_complaint_without_an_owner()
    {
        _ = app.CreateClient();
        await using var db = app.OpenDb();
        var id = await db.Complaints.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();

        var nullOwner = await Assert.ThrowsAsync<SqliteException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE Complaints SET OwnerId = NULL WHERE Id = {0}", id));
        Assert.Contains("NOT NULL", nullOwner.Message, StringComparison.OrdinalIgnoreCase);
        var emptyOwner = await Assert.ThrowsAsync<SqliteException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE Complaints SET OwnerId = '' WHERE Id = {0}", id));
        Assert.Contains("CHECK", emptyOwner.Message, StringComparison.OrdinalIgnoreCase);

        var copy = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM Complaints WHERE OwnerId IS NULL OR OwnerId = ''").SingleAsync();
        Assert.Equal(0, copy);
    }
}
