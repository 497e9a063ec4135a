using System.Globalization;
using ComplaintOps.Domain.Calendar;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;
using ComplaintOps.Tests.Support;

namespace ComplaintOps.Tests.Domain;

/// <summary>Shared building blocks for the domain tests: sample complaints, the shipped calendar, Shanghai times.</summary>
internal static class DomainSamples
{
    public static readonly Actor Agent = new("agent-1", "Agent One");
    public static readonly Actor OtherAgent = new("agent-2", "Agent Two");
    public static readonly Actor Supervisor = new("super-1", "Supervisor One");

    private static readonly Lazy<WorkingDayCalendar> ShippedCalendar =
        new(() => new WorkingDayCalendar(CalendarFile.Parse(File.ReadAllText(RepoPaths.CalendarFile))));

    /// <summary>The real <c>data/calendars/cn.json</c>.</summary>
    public static WorkingDayCalendar Calendar => ShippedCalendar.Value;

    public static SlaClock Clock(SlaPolicy? policy = null) => new(Calendar, policy ?? new SlaPolicy(), TestClock.ShanghaiZone);

    /// <summary>"2026-09-28 10:00" in Shanghai wall-clock time → the UTC instant.</summary>
    public static DateTime Shanghai(string wallClock)
    {
        var local = DateTime.ParseExact(wallClock, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return TestClock.Shanghai(local.Year, local.Month, local.Day, local.Hour, local.Minute);
    }

    /// <summary>"2026-10-23T16:00:00Z" → a UTC DateTime.</summary>
    public static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static NewComplaint NewComplaint(Channel channel = Channel.Web) => new()
    {
        Channel = channel,
        Complainant = new Complainant { Name = "张三", Phone = "13812341234", Province = "上海", City = "上海" },
        Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "Example Shop" },
        ProductLine = "Marketplace",
        ProblemSubType = ProblemSubType.ReturnOrRefund,
        Title = "Refund not received",
        Description = "Returned the parcel two weeks ago, no refund yet.",
        Demands = "Refund the order.",
    };

    public static Complaint Received(Channel channel = Channel.Web, DateTime? atUtc = null) =>
        Complaint.Receive(NewComplaint(channel), "TS-0001", Agent, Agent, atUtc ?? Shanghai("2026-11-27 09:00"));

    /// <summary>The moves (each with a reason) that take a fresh complaint to <paramref name="status"/>.</summary>
    public static IReadOnlyList<ComplaintStatus> PathTo(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => [],
        ComplaintStatus.Accepted => [ComplaintStatus.Accepted],
        ComplaintStatus.Investigating => [ComplaintStatus.Accepted, ComplaintStatus.Investigating],
        ComplaintStatus.Resolving => [ComplaintStatus.Accepted, ComplaintStatus.Investigating, ComplaintStatus.Resolving],
        ComplaintStatus.AwaitingFeedback => [.. PathTo(ComplaintStatus.Resolving), ComplaintStatus.AwaitingFeedback],
        ComplaintStatus.Closed => [.. PathTo(ComplaintStatus.AwaitingFeedback), ComplaintStatus.Closed],
        ComplaintStatus.Referred => [.. PathTo(ComplaintStatus.AwaitingFeedback), ComplaintStatus.Referred],
        ComplaintStatus.NotEstablished => [ComplaintStatus.Accepted, ComplaintStatus.Investigating, ComplaintStatus.NotEstablished],
        ComplaintStatus.OutOfScope => [ComplaintStatus.OutOfScope],
        ComplaintStatus.Archived => [ComplaintStatus.OutOfScope, ComplaintStatus.Archived],
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>A complaint received at 2026-11-27 09:00 Shanghai and moved, a minute apart, to <paramref name="status"/>.</summary>
    public static Complaint In(ComplaintStatus status, Channel channel = Channel.Web)
    {
        var complaint = Received(channel);
        var at = complaint.ReceivedAtUtc;
        foreach (var step in PathTo(status))
        {
            at = at.AddMinutes(1);
            complaint.MoveTo(step, Agent, at, "on the way");
            if (step == ComplaintStatus.Investigating)
                complaint.RecordInvestigation("商家延迟发货", "订单延误七天", "退款", Agent, at);
        }
        Assert.Equal(status, complaint.Status);
        return complaint;
    }
}
