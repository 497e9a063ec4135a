using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using static ComplaintOps.Tests.Domain.DomainSamples;

namespace ComplaintOps.Tests.Domain.Handling;

/// <summary>Handler identities and cases in the resolution states, built through the domain's own methods.</summary>
internal static class ResolutionSamples
{
    public static readonly HandlerIdentity Handler = new(Agent.Id, "客服 0107", "李娜", "13911112222", "li.na@example.com");
    public static readonly HandlerIdentity Colleague = new(OtherAgent.Id, "客服 0112", "王强", "+86 139-3333-4444", "wang.qiang@example.com");

    public static OutboundMessage Message(Complaint c, OutboundKind kind, OutboundParty to, string body = "已核实并处理。") =>
        OutboundMessage.Compose(c.Id, kind, to, OutboundChannel.Sms, body, Handler, [Handler, Colleague], c.Timeline[^1].AtUtc.AddMinutes(1));

    /// <summary>A case in Resolving with a solution, the result sent to both: AwaitingFeedback.</summary>
    public static Complaint AwaitingAnswers()
    {
        var c = In(ComplaintStatus.Resolving);
        var at = c.Timeline[^1].AtUtc.AddMinutes(1);
        c.ProposeSolution("商家全额退款并补偿 20 元优惠券。", Agent, at);
        c.SendResult(Message(c, OutboundKind.Result, OutboundParty.Complainant), Message(c, OutboundKind.Result, OutboundParty.Respondent), Agent, at.AddMinutes(1));
        return c;
    }

    public static DateTime Next(Complaint c) => c.Timeline[^1].AtUtc.AddMinutes(1);
}
