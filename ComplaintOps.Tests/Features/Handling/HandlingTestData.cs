using System.Security.Claims;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Identity;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Handling;

/// <summary>Complaints and users for the investigation and collaboration tests, on the real app host.</summary>
internal static class HandlingTestData
{
    public static readonly Actor Expert = new("expert-test", "赵敏");

    public static async Task<Actor> UserAsync(AppFactory app, string userName)
    {
        await using var db = app.OpenDb();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        return new Actor(user.Id, user.DisplayName);
    }

    public static ClaimsPrincipal Principal(Actor actor, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, actor.Id), new Claim(CurrentActor.DisplayNameClaim, actor.Name), new Claim(ClaimTypes.Role, role)], "test"));

    /// <summary>An accepted complaint stored through the domain; returns it as stored (with its id).</summary>
    public static async Task<Complaint> StoreAsync(
        AppFactory app, string trackingNumber, ProblemSubType subType = ProblemSubType.ReturnOrRefund,
        string phone = "13812341234", string respondent = "示例商家", string name = "张三丰")
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var complaint = Complaint.Receive(new NewComplaint
        {
            Channel = Channel.Web,
            Complainant = new Complainant { Name = name, Phone = phone, Province = "北京", City = "北京" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = respondent },
            ProductLine = "电商平台",
            ProblemSubType = subType,
            Title = "测试投诉 " + trackingNumber,
            Description = "用于调查与协同测试。",
            Demands = "退款",
        }, trackingNumber, Actor.System, TestComplaints.Owner, now.AddHours(-2));
        complaint.MoveTo(ComplaintStatus.Accepted, Expert, now.AddHours(-1));
        await TestComplaints.StoreAsync(app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.ComplaintOpsDb>>(),
            app.Services.GetRequiredService<WorkingCalendarService>(), complaint);
        return complaint;
    }

    public static async Task<Complaint> LoadAsync(AppFactory app, int id)
    {
        await using var db = app.OpenDb();
        return await db.Complaints.AsNoTracking().Include(c => c.Timeline).SingleAsync(c => c.Id == id);
    }
}
