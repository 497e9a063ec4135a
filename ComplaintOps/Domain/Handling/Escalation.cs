using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Handling;

/// <summary>Why a case went up a tier (R19). Each is acted on once per case; a risk rise again whenever the grade needs a higher tier.</summary>
[Flags]
public enum EscalationCause
{
    None = 0,
    /// <summary>The grade now needs a higher tier: an override, a new trigger, joining a multi-province batch.</summary>
    RiskRaised = 1,
    /// <summary>The complainant came back about the same matter (a later complaint repeats this one).</summary>
    RepeatContact = 2,
    /// <summary>A time limit of the case has passed (R8, R15–R17).</summary>
    OverdueClock = 4,
}

/// <summary>A case's facts as the re-escalation sweep reads them.</summary>
public sealed record EscalationFacts(
    RoutingFacts Routing,
    Tier Tier,
    ComplaintStatus Status,
    DateTime? NextDueUtc,
    bool IsRepeated,
    EscalationCause AlreadyEscalatedFor);

/// <summary>The tier a worsening case must move to, and why.</summary>
public sealed record EscalationNeed(EscalationCause Cause, Tier Target, string Reason);

/// <summary>
/// Re-escalation (R19, §5.4.3: "a case that worsens is re-escalated"). A risk rise takes the case to the tier its grade
/// needs; a repeat contact or an overdue clock takes it one tier up, once each — so the sweep can run every few seconds
/// and a case does not climb again for the same cause. A Coach case has nowhere higher to go.
/// </summary>
public static class Escalation
{
    public static EscalationNeed? Assess(EscalationFacts f, DateTime nowUtc)
    {
        if (Lifecycle.IsFinished(f.Status)) return null;
        var required = Handling.Routing.RequiredTier(f.Routing);
        if (f.Tier < required)
            return new(EscalationCause.RiskRaised, required, $"Risk rose: {Handling.Routing.TierWhy(f.Routing, required)} needs tier {required}");
        if (f.Tier == Tier.Coach) return null;
        var up = f.Tier + 1;
        if (f.NextDueUtc is { } due && due < UtcInstant.Require(nowUtc) && !f.AlreadyEscalatedFor.HasFlag(EscalationCause.OverdueClock))
            return new(EscalationCause.OverdueClock, up, $"A time limit passed at {due:yyyy-MM-dd HH:mm} UTC; moved up to tier {up}");
        if (f.IsRepeated && !f.AlreadyEscalatedFor.HasFlag(EscalationCause.RepeatContact))
            return new(EscalationCause.RepeatContact, up, $"The complainant contacted us again about the same matter; moved up to tier {up}");
        return null;
    }
}
