using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Handling;

public enum CompensationKind
{
    Refund = 0,
    Cash = 1,
    Coupon = 2,
    Replacement = 3,
    Other = 4,
}

public enum CompensationStatus
{
    Proposed = 0,
    Approved = 1,
    Rejected = 2,
    Paid = 3,
}

/// <summary>Who may approve a compensation above the fast limit (R22): a supervisor or a manager, never the proposer.</summary>
public enum ApproverRole
{
    None = 0,
    Supervisor = 1,
    Manager = 2,
}

/// <summary>
/// One line of a case's compensation ledger (R22, §9.3.2). Amounts are long cents. A proposal up to the
/// fast-compensation limit (快赔) is approved at once; a larger one waits for a supervisor's or manager's
/// approval. Product line, respondent and business month are copied in at proposal so totals are one
/// grouped query over this table.
/// </summary>
public sealed class CompensationEntry
{
    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public long AmountCents { get; private set; }
    public CompensationKind Kind { get; private set; }
    public string Reason { get; private set; } = "";
    public CompensationStatus Status { get; private set; }
    /// <summary>True when the amount was within the fast limit and approved at proposal (快赔).</summary>
    public bool FastTrack { get; private set; }
    public string ProductLine { get; private set; } = "";
    public string RespondentName { get; private set; } = "";
    /// <summary>Business-time month of the proposal as yyyyMM, for the monthly totals.</summary>
    public int MonthKey { get; private set; }
    public string ProposedById { get; private set; } = "";
    public string ProposedByName { get; private set; } = "";
    public DateTime ProposedAtUtc { get; private set; }
    public string? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public ApproverRole DecidedAs { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecisionNote { get; private set; }
    public DateTime? PaidAtUtc { get; private set; }

    private CompensationEntry() { }

    /// <summary>Proposes a compensation; within <paramref name="fastLimitCents"/> it is approved at once.</summary>
    public static CompensationEntry Propose(
        Complaint complaint, long amountCents, CompensationKind kind, string reason, long fastLimitCents,
        int monthKey, Actor by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        nowUtc = UtcInstant.Require(nowUtc);
        if (amountCents <= 0)
            throw new DomainException("CompensationAmount", "A compensation needs an amount above zero.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("CompensationReason", "Say why the compensation is given.");
        if (!Enum.IsDefined(kind))
            throw new DomainException("CompensationKind", "Choose the kind of compensation.");
        var fast = amountCents <= fastLimitCents;
        var entry = new CompensationEntry
        {
            ComplaintId = complaint.Id,
            TrackingNumber = complaint.TrackingNumber,
            AmountCents = amountCents,
            Kind = kind,
            Reason = reason.Trim(),
            Status = fast ? CompensationStatus.Approved : CompensationStatus.Proposed,
            FastTrack = fast,
            ProductLine = complaint.ProductLine,
            RespondentName = complaint.Respondent.Name,
            MonthKey = monthKey,
            ProposedById = by.Id,
            ProposedByName = by.Name,
            ProposedAtUtc = nowUtc,
        };
        if (fast)
        {
            entry.DecidedAtUtc = nowUtc;
            entry.DecisionNote = "快赔 fast compensation";
        }
        return entry;
    }

    public bool AwaitsApproval => Status == CompensationStatus.Proposed;

    /// <summary>A supervisor or manager approves an above-limit proposal; the proposer cannot approve their own.</summary>
    public void Approve(Actor by, ApproverRole role, DateTime nowUtc, string? note = null) =>
        Decide(by, role, nowUtc, note, CompensationStatus.Approved);

    public void Reject(Actor by, ApproverRole role, DateTime nowUtc, string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException("CompensationRejectReason", "Say why the compensation is rejected.");
        Decide(by, role, nowUtc, note, CompensationStatus.Rejected);
    }

    public void MarkPaid(DateTime nowUtc)
    {
        if (Status != CompensationStatus.Approved)
            throw new DomainException("CompensationNotApproved", "Only an approved compensation can be paid.");
        Status = CompensationStatus.Paid;
        PaidAtUtc = UtcInstant.Require(nowUtc);
    }

    private void Decide(Actor by, ApproverRole role, DateTime nowUtc, string? note, CompensationStatus to)
    {
        if (Status != CompensationStatus.Proposed)
            throw new DomainException("CompensationDecided", "This compensation has already been decided.");
        if (role is not (ApproverRole.Supervisor or ApproverRole.Manager))
            throw new DomainException("CompensationApprover", "Only a supervisor or a manager can decide a compensation above the fast limit.");
        if (by.Id == ProposedById)
            throw new DomainException("CompensationOwnApproval", "The person who proposed a compensation cannot approve it.");
        Status = to;
        DecidedById = by.Id;
        DecidedByName = by.Name;
        DecidedAs = role;
        DecidedAtUtc = UtcInstant.Require(nowUtc);
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
