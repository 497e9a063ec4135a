using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Tests.Support;

/// <summary>Builds complaints through the domain's own methods and stores them with their due times.</summary>
public static class TestComplaints
{
    /// <summary>The first-contact owner of every test complaint (R34: none is ever without one).</summary>
    public static readonly Actor Owner = new("intake-desk", "受理台");

    public static Complaint Make(
        string trackingNumber,
        DateTime receivedUtc,
        Channel channel = Channel.Web,
        string name = "张三丰",
        string phone = "13812341234",
        string? idNumber = "110101199003071234",
        RiskLevel risk = RiskLevel.Low) =>
        Complaint.Receive(new NewComplaint
        {
            Channel = channel,
            Complainant = new Complainant { Name = name, Phone = phone, IdNumber = idNumber, Province = "北京", City = "北京" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "示例商家" },
            ProductLine = "电商",
            ProblemSubType = ProblemSubType.ReturnOrRefund,
            RiskLevel = risk,
            Title = "退款迟迟未到账",
            Description = "申请退款后十天仍未到账。",
            Demands = "尽快退款",
        }, trackingNumber, Actor.System, Owner, receivedUtc);

    /// <summary>Applies the SLA schedule and saves; returns the new id.</summary>
    public static async Task<int> StoreAsync(IDbContextFactory<ComplaintOpsDb> dbFactory, WorkingCalendarService calendar, Complaint complaint)
    {
        complaint.ApplySchedule(calendar.Clock.Compute(complaint.SlaFacts));
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync();
        return complaint.Id;
    }
}
