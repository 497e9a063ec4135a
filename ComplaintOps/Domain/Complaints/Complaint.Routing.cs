using ComplaintOps.Domain.Handling;

namespace ComplaintOps.Domain.Complaints;

/// <summary>
/// Routing, re-escalation and supervisor reassignment (R19, R5). These change the handler and tier only; the
/// first-contact owner stays (R34). Every change goes on the timeline with its reason.
/// </summary>
public sealed partial class Complaint
{
    /// <summary>When routing decided the tier and handler; null while the case waits for the dispatcher.</summary>
    public DateTime? RoutedAtUtc { get; private set; }

    /// <summary>The causes this case was already re-escalated for, so the sweep acts once per cause.</summary>
    public EscalationCause EscalatedFor { get; private set; }

    /// <summary>Applies a routing decision: a new handler and tier, or the current handler kept (perhaps at the tier the grade needs).</summary>
    public void Route(RoutingDecision decision, bool keepsHandler, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (decision.Handler is not { } handler)
            throw new DomainException("NoHandler", "There is no handler to route the complaint to.");
        if (Lifecycle.IsFinished(Status))
            throw new DomainException("CaseFinished", "The case is finished; it is not routed any more.");
        RoutedAtUtc = nowUtc;
        var tier = keepsHandler ? (Tier)Math.Max((int)Tier, (int)decision.RequiredTier) : handler.Tier;
        if (keepsHandler && handler.Id == HandlerId && tier == Tier) return;
        AssignHandler(by, nowUtc, handler.Id, handler.Name, tier);
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.Routed, "Tier", null, tier.ToString(), Cut(decision.Reason)));
    }

    /// <summary>Moves a worsening case to a higher tier and its new handler (R19); once per cause, except a further risk rise.</summary>
    public void Reescalate(EscalationNeed need, HandlerCandidate handler, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (Lifecycle.IsFinished(Status))
            throw new DomainException("CaseFinished", "The case is finished; it is not escalated any more.");
        if (need.Cause != EscalationCause.RiskRaised && EscalatedFor.HasFlag(need.Cause))
            throw new DomainException("AlreadyEscalated", $"The case was already escalated for {need.Cause}.");
        if (handler.Tier <= Tier)
            throw new DomainException("NotHigherTier", $"Re-escalation needs a handler above tier {Tier}.");
        var before = Tier;
        EscalatedFor |= need.Cause;
        RoutedAtUtc ??= nowUtc;
        AssignHandler(by, nowUtc, handler.Id, handler.Name, handler.Tier);
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.Reescalated, "Tier", before.ToString(), handler.Tier.ToString(),
            Cut($"{need.Cause}: {need.Reason}; now with {handler.Name} ({handler.Tier})")));
    }

    /// <summary>A supervisor gives the case to another handler, with a reason; the first-contact owner stays (R34).</summary>
    public void ReassignHandler(HandlerCandidate to, string? reason, bool bySupervisor, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (!bySupervisor)
            throw new DomainException("ReassignNotSupervisor", "Only a supervisor can reassign a complaint to another handler.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("ReassignReasonRequired", "Say why the complaint goes to another handler.");
        if (Lifecycle.IsFinished(Status))
            throw new DomainException("CaseFinished", "The case is finished; it cannot be reassigned.");
        if (to.Id == HandlerId)
            throw new DomainException("ReassignSameHandler", $"{to.Name} already handles this complaint.");
        var before = HandlerName;
        RoutedAtUtc ??= nowUtc;
        AssignHandler(by, nowUtc, to.Id, to.Name, to.Tier);
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.Reassigned, "Handler", before, to.Name, Cut(reason.Trim())));
    }

    private static string Cut(string text) => text.Length <= 4000 ? text : text[..3999] + "…";
}
