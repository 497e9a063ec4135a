using System.Globalization;
using ComplaintOps.Domain.Handling;

namespace ComplaintOps.Domain.Complaints;

/// <summary>
/// Resolution and feedback (R22–R24): the solution proposed for the user's demand, the compensation and
/// mediation on record, the result sent to both parties and each party's answer.
/// </summary>
public sealed partial class Complaint
{
    public string? SolutionProposal { get; private set; }
    public DateTime? SolutionProposedAtUtc { get; private set; }
    public DateTime? ResultSentToComplainantAtUtc { get; private set; }
    public DateTime? ResultSentToRespondentAtUtc { get; private set; }
    /// <summary>The complainant's answer to the result sent last; null until they answer.</summary>
    public bool? ComplainantAgrees { get; private set; }
    public string? ComplainantComment { get; private set; }
    public bool? RespondentAgrees { get; private set; }
    public string? RespondentComment { get; private set; }
    public DateTime? SolutionCarriedOutAtUtc { get; private set; }
    public string? SolutionCarriedOutNote { get; private set; }

    public bool BothPartiesAgreed => ComplainantAgrees == true && RespondentAgrees == true;

    public bool AnyPartyDisagrees => ComplainantAgrees == false || RespondentAgrees == false;

    /// <summary>The solution for the user's demand (R22, §9.3.1); may be revised while resolving.</summary>
    public void ProposeSolution(string solution, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (Status != ComplaintStatus.Resolving)
            throw new DomainException("NotResolving", "A solution is proposed while the case is being resolved.");
        if (string.IsNullOrWhiteSpace(solution))
            throw new DomainException("SolutionRequired", "Write the solution proposed for the user's demand.");
        // A solution answers what the investigation found, after any verification (R12) and joint risk assessment (R13).
        EnsureReadyForResolution();
        var before = SolutionProposal;
        SolutionProposal = solution.Trim();
        SolutionProposedAtUtc = nowUtc;
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.SolutionProposed, "Solution", note: Truncate(SolutionProposal, 4000), before: before is null ? null : "revised"));
    }

    /// <summary>A compensation was proposed, approved, rejected or paid; the ledger holds the line, the timeline the fact.</summary>
    public void RecordCompensation(CompensationEntry entry, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.ComplaintId != Id)
            throw new DomainException("CompensationOtherCase", "That compensation belongs to another case.");
        var amount = (entry.AmountCents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.CompensationRecorded, "Compensation",
            entry.Kind.ToString(), entry.Status.ToString(), Truncate($"¥{amount} · {entry.Reason}{(entry.DecisionNote is null ? "" : " · " + entry.DecisionNote)}", 4000)));
    }

    /// <summary>A mediation session (R23); the record itself is kept beside the case.</summary>
    public void RecordMediation(MediationRecord record, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        ArgumentNullException.ThrowIfNull(record);
        if (Status is not (ComplaintStatus.Investigating or ComplaintStatus.Resolving or ComplaintStatus.AwaitingFeedback))
            throw new DomainException("MediationNotNow", "Mediation happens while the case is investigated or resolved.");
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.MediationRecorded, "Mediation", record.RequiredLevel.ToString(), record.Level.ToString(),
            Truncate($"{record.MediatorName}: {record.Summary}{(record.OverrideReason is null ? "" : " · " + record.OverrideReason)}", 4000)));
    }

    /// <summary>
    /// Sends the result to the complainant AND the respondent (R24, §9.4.1) and waits for their answers.
    /// Earlier answers are cleared: they answered an earlier result.
    /// </summary>
    public void SendResult(OutboundMessage toComplainant, OutboundMessage toRespondent, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        ArgumentNullException.ThrowIfNull(toComplainant);
        ArgumentNullException.ThrowIfNull(toRespondent);
        nowUtc = UtcInstant.Require(nowUtc);
        if (Status != ComplaintStatus.Resolving)
            throw new DomainException("NotResolving", "The result is sent when the case is being resolved.");
        if (string.IsNullOrWhiteSpace(SolutionProposal))
            throw new DomainException("SolutionRequired", "Propose the solution before sending the result.");
        if (toComplainant.Recipient != OutboundParty.Complainant || toRespondent.Recipient != OutboundParty.Respondent
            || toComplainant.Kind != OutboundKind.Result || toRespondent.Kind != OutboundKind.Result)
            throw new DomainException("ResultToBothParties", "The result goes to the complainant and to the respondent.");
        RecordOutbound(toComplainant, by);
        RecordOutbound(toRespondent, by);
        ResultSentToComplainantAtUtc = nowUtc;
        ResultSentToRespondentAtUtc = nowUtc;
        ComplainantAgrees = RespondentAgrees = null;
        ComplainantComment = RespondentComment = null;
        SolutionCarriedOutAtUtc = null;
        SolutionCarriedOutNote = null;
        // Telling the user the result is feedback too: the progress clock restarts (R17).
        LastProgressFeedbackAtUtc = nowUtc;
        MoveTo(ComplaintStatus.AwaitingFeedback, by, nowUtc);
    }

    /// <summary>One party's answer to the result: agree or disagree, with a comment (required to disagree) (R24).</summary>
    public void RecordPartyResponse(OutboundParty party, bool agrees, string? comment, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (Status != ComplaintStatus.AwaitingFeedback)
            throw new DomainException("NotAwaitingFeedback", "Answers are recorded after the result was sent to both parties.");
        if (!agrees && string.IsNullOrWhiteSpace(comment))
            throw new DomainException("DisagreeCommentRequired", "Write down why the party disagrees.");
        var text = string.IsNullOrWhiteSpace(comment) ? null : Truncate(comment.Trim(), 2000);
        if (party == OutboundParty.Complainant) { ComplainantAgrees = agrees; ComplainantComment = text; }
        else if (party == OutboundParty.Respondent) { RespondentAgrees = agrees; RespondentComment = text; }
        else throw new DomainException("OutboundChannel", "Choose whose answer this is.");
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.PartyResponded, "PartyResponse", party.ToString(), agrees ? "Agree" : "Disagree", text));
    }

    /// <summary>Both agreed and the solution was carried out (refund made, replacement shipped) (R25, §9.4.2).</summary>
    public void RecordSolutionCarriedOut(string note, Actor by, DateTime nowUtc)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (Status != ComplaintStatus.AwaitingFeedback || !BothPartiesAgreed)
            throw new DomainException("BothMustAgree", "The solution is carried out once both the complainant and the respondent agreed to it.");
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException("CarriedOutNoteRequired", "Say how the solution was carried out.");
        SolutionCarriedOutAtUtc = nowUtc;
        SolutionCarriedOutNote = Truncate(note.Trim(), 2000);
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.SolutionCarriedOut, "SolutionCarriedOut", note: SolutionCarriedOutNote));
    }

    /// <summary>An outbound text on the timeline: kind, recipient → channel, and the words as sent.</summary>
    private void RecordOutbound(OutboundMessage message, Actor by)
    {
        if (message.ComplaintId != Id)
            throw new DomainException("OutboundOtherCase", "That message belongs to another case.");
        _timeline.Add(TimelineEvent.Create(message.AtUtc, by, TimelineEventKind.OutboundSent, "Outbound." + message.Kind,
            message.Recipient.ToString(), message.Channel.ToString(), Truncate(message.Text, 4000)));
    }

    /// <summary>Archived cases are read-only (R27): every change method calls this first.</summary>
    private void EnsureNotArchived()
    {
        if (Status == ComplaintStatus.Archived)
            throw new DomainException("CaseArchived", $"{TrackingNumber} is archived and read-only; nothing on it can change.");
    }
}
