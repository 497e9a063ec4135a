using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Handling.Routing;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Handling.Routing;

/// <summary>Complaints for routing tests, received through the one intake path (no agent: they wait for routing).</summary>
internal static class RoutingTestData
{
    public static readonly Actor Web = new("public-web", "网上投诉");

    public static NewComplaint Complaint(
        string productLine, ProblemSubType subType, string phone, SpecialGroup special = SpecialGroup.None,
        ComplaintSeverity severity = ComplaintSeverity.General, HighRiskTriggers triggers = HighRiskTriggers.None,
        RiskLevel level = RiskLevel.Low, Channel channel = Channel.Web, DateTime? receivedAtUtc = null) => new()
    {
        Channel = channel,
        SpecialGroup = special,
        Complainant = new Complainant { Name = "用户" + phone[^4..], Phone = phone, Province = "浙江", City = "杭州" },
        Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "示例商家" },
        ProductLine = productLine,
        ProblemSubType = subType,
        Severity = severity,
        HighRiskTriggers = triggers,
        RiskLevel = level,
        Title = "服务问题咨询",
        Description = "使用过程中遇到问题，希望尽快处理。",
        Demands = "请尽快处理",
        ReceivedAtUtc = receivedAtUtc,
    };

    public static IntakeService Intake(AppFactory app)
    {
        _ = app.CreateClient();
        return app.Services.GetRequiredService<IntakeService>();
    }

    public static RoutingDispatcher Dispatcher(AppFactory app)
    {
        _ = app.CreateClient();
        return app.Services.GetRequiredService<RoutingDispatcher>();
    }

    /// <summary>Demo user name → id.</summary>
    public static async Task<Dictionary<string, string>> UserIdsAsync(AppFactory app)
    {
        await using var db = app.OpenDb();
        return await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id);
    }

    public static async Task<Complaint> LoadAsync(AppFactory app, int id)
    {
        await using var db = app.OpenDb();
        return await db.Complaints.Include(c => c.Timeline).AsNoTracking().SingleAsync(c => c.Id == id);
    }
}
