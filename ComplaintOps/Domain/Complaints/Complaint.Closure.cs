using ComplaintOps.Domain.Handling;

namespace ComplaintOps.Domain.Complaints;

/// <summary>Where a user is pointed when the parties do not agree (R25, §9.4.3).</summary>
public enum OutsideRoute
{
    /// <summary>消费者协会 and other social organisations.</summary>
    ConsumerAssociation = 1,
    /// <summary>Administrative departments: market regulation, 12315.</summary>
    Regulator = 2,
    /// <summary>人民法院: the legal route.</summary>
    Court = 3,
}

/// <summary>
/// The ways a handled case ends (R20, R25) and its archive (R27). Each closure checks its own rule, then
/// moves the case along the lifecycle; the console archives the case straight after.
/// </summary>
public sealed partial class Complaint
{
    public OutsideRoute? ReferralRoute { get; private set; }
    public string? ReferralNote { get; private set; }
    /// <summary>How the case ended before it was archived (Closed, Referred, NotEstablished, OutOfScope).</summary>
    public ComplaintStatus? ArchivedFrom { get; private set; }
    /// <summary>SHA-256 of the archive snapshot, also on the timeline, so a changed snapshot is found.</summary>
    public string? ArchiveSha256 { get; private set; }

    /// <summary>Both parties agreed and the solution was carried out → Closed (R25, §9.4.2).</summary>
    public void Close(Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        if (Status != ComplaintStatus.AwaitingFeedback)
            throw new DomainException("IllegalTransition", $"A complaint that is {Status} cannot be closed this way.");
        if (!BothPartiesAgreed)
            throw new DomainException("BothMustAgree", "The complaint closes only when the complainant and the respondent both agree to the result.");
        if (SolutionCarriedOutAtUtc is null)
            throw new DomainException("NotCarriedOut", "Record that the solution was carried out before closing.");
        MoveTo(ComplaintStatus.Closed, by, nowUtc, $"双方同意处理结果，方案已执行 / both parties agreed, carried out: {SolutionCarriedOutNote}");
    }

    /// <summary>
    /// No agreement → Referred: the user is told which outside route to take (R25, §9.4.3). Needs a recorded
    /// disagreement, the route and a note, and the notice sent to the complainant.
    /// </summary>
    public void Refer(OutsideRoute route, string note, OutboundMessage notice, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        ArgumentNullException.ThrowIfNull(notice);
        if (Status != ComplaintStatus.AwaitingFeedback)
            throw new DomainException("IllegalTransition", $"A complaint that is {Status} cannot be referred.");
        if (!AnyPartyDisagrees)
            throw new DomainException("NoDisagreement", "Refer a case only when a party's disagreement is on record.");
        if (!Enum.IsDefined(route))
            throw new DomainException("ReferralRouteRequired", "Choose the outside route the user is pointed to.");
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException("ReferralNoteRequired", "Write what the user was told about the outside route.");
        if (notice.Recipient != OutboundParty.Complainant || notice.Kind != OutboundKind.ReferralNotice)
            throw new DomainException("ReferralNoticeRequired", "The complainant is told about the outside route.");
        RecordOutbound(notice, by);
        ReferralRoute = route;
        ReferralNote = Truncate(note.Trim(), 2000);
        MoveTo(ComplaintStatus.Referred, by, nowUtc, $"{route}: {ReferralNote}");
    }

    /// <summary>
    /// Not established → the user gets a reasoned reply (R20, §9.2.3). The reply, as sent, is the resolution.
    /// </summary>
    public void DeclareNotEstablished(OutboundMessage reply, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        ArgumentNullException.ThrowIfNull(reply);
        if (Status != ComplaintStatus.Investigating)
            throw new DomainException("IllegalTransition", $"A complaint that is {Status} cannot be found not established.");
        if (reply.Recipient != OutboundParty.Complainant || reply.Kind != OutboundKind.NotEstablishedReply)
            throw new DomainException("ReasonedReplyRequired", "A complaint found not established needs a reasoned reply to the complainant.");
        // The reasoned reply rests on the investigation's findings (R20).
        EnsureInvestigationRecorded();
        RecordOutbound(reply, by);
        MoveTo(ComplaintStatus.NotEstablished, by, nowUtc, reply.Text);
    }

    /// <summary>
    /// Archives a finished case (R27, §9.6.5) under the hash of its snapshot; from then on it is read-only.
    /// </summary>
    public void Archive(string snapshotSha256, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        if (!Lifecycle.IsFinished(Status))
            throw new DomainException("NotFinished", "Only a finished case (closed, referred, not established, out of scope) is archived.");
        if (string.IsNullOrWhiteSpace(snapshotSha256) || snapshotSha256.Length != 64)
            throw new DomainException("SnapshotRequired", "A case is archived with the hash of its snapshot.");
        var from = Status;
        MoveTo(ComplaintStatus.Archived, by, nowUtc, $"SHA-256 {snapshotSha256}");
        ArchivedFrom = from;
        ArchiveSha256 = snapshotSha256;
    }
}
