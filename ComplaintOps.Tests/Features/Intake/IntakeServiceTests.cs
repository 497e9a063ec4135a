using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Intake;

public sealed class IntakeServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static NewComplaint Letter() => new()
    {
        Channel = Channel.Letter,
        Complainant = new Complainant { Name = "王芳", Phone = "13912345678", Province = "浙江", City = "杭州" },
        Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "优品家电旗舰店" },
        // Not a seeded product line: similar seeded refund complaints from other provinces would form a batch incident (B2).
        ProductLine = "会员商城",
        ProblemSubType = ProblemSubType.ReturnOrRefund,
        Title = "退款未到账",
        Description = "商家同意退款后十天仍未到账。",
        Demands = "尽快退款",
    };

    [Fact]
    public async Task R16_R34_a_letter_taken_in_by_an_agent_is_numbered_accepted_owned_and_clocked()
    {
        _ = app.CreateClient();
        var intake = app.Services.GetRequiredService<IntakeService>();
        var agent = new Actor("agent-x", "李娜");

        var first = await intake.ReceiveAsync(Letter(), agent, agent);
        // Another complainant: the same phone again would be linked as a repeat, with a note on the first (B2).
        var second = await intake.ReceiveAsync(Letter() with { Complainant = new Complainant { Name = "赵磊", Phone = "13700001111", Province = "江苏", City = "南京" } }, agent, agent);

        // 2026-11-28 10:00 Shanghai (the fake clock): today's sequence continues after the seeded ones.
        Assert.StartsWith("TS-20261128-", first.TrackingNumber, StringComparison.Ordinal);
        Assert.NotEqual(first.TrackingNumber, second.TrackingNumber);
        await using var db = app.OpenDb();
        var saved = await db.Complaints.Include(c => c.Timeline).SingleAsync(c => c.Id == first.Id);
        Assert.Equal(ComplaintStatus.Accepted, saved.Status);
        Assert.Equal("agent-x", saved.OwnerId);
        // Received Saturday 2026-11-28: 15 working days counted from Monday 11-30 end on Friday 12-18.
        Assert.Equal(TestClock.Shanghai(2026, 12, 19), saved.LetterReplyDueUtc);
        // Received, graded by the rules (R8), accepted.
        Assert.Equal(3, saved.Timeline.Count);
    }
}
