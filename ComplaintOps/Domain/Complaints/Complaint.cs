using ComplaintOps.Domain.Sla;

namespace ComplaintOps.Domain.Complaints;

/// <summary>What intake knows about a new complaint.</summary>
public sealed record NewComplaint
{
    public required Channel Channel { get; init; }
    public string? SourceName { get; init; }
    public string? SourceReference { get; init; }
    public SpecialGroup SpecialGroup { get; init; }
    public required Complainant Complainant { get; init; }
    public required Respondent Respondent { get; init; }
    public required string ProductLine { get; init; }
    public required ProblemSubType ProblemSubType { get; init; }
    public ComplaintSeverity Severity { get; init; }
    public HighRiskTriggers HighRiskTriggers { get; init; }
    public RiskLevel RiskLevel { get; init; } = RiskLevel.Low;
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Demands { get; init; }
    /// <summary>When it really arrived, if earlier than now (a letter's date of receipt); the clocks count from here.</summary>
    public DateTime? ReceivedAtUtc { get; init; }
}

/// <summary>
/// A complaint and its lifecycle. Every change goes through a method here, which checks the rule
/// and appends to the timeline; nothing is ever deleted.
/// </summary>
public sealed partial class Complaint
{
    private readonly List<TimelineEvent> _timeline = [];

    public int Id { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public Channel Channel { get; private set; }
    public string? SourceName { get; private set; }
    public string? SourceReference { get; private set; }
    public SpecialGroup SpecialGroup { get; private set; }
    public Complainant Complainant { get; private set; } = null!;
    public Respondent Respondent { get; private set; } = null!;
    public string ProductLine { get; private set; } = "";
    public ProblemType ProblemType { get; private set; }
    public ProblemSubType ProblemSubType { get; private set; }
    public ComplaintSeverity Severity { get; private set; }
    public HighRiskTriggers HighRiskTriggers { get; private set; }
    public RiskLevel RiskLevel { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Demands { get; private set; } = "";

    /// <summary>First-contact owner (首问负责制, R34): set at receipt, changed only by an accepted hand-over.</summary>
    public string OwnerId { get; private set; } = "";
    public string OwnerName { get; private set; } = "";
    public string? HandlerId { get; private set; }
    public string? HandlerName { get; private set; }
    public Tier Tier { get; private set; } = Tier.Agent;

    public ComplaintStatus Status { get; private set; }
    /// <summary>Why it ended the way it did: the first-contact answer, out-of-scope reason, reasoned reply or outside route.</summary>
    public string? Resolution { get; private set; }

    public DateTime ReceivedAtUtc { get; private set; }
    public DateTime? AcceptedAtUtc { get; private set; }
    public DateTime? FirstReplyAtUtc { get; private set; }
    public DateTime? LastProgressFeedbackAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }
    public DateTime? ArchivedAtUtc { get; private set; }

    // Due times are stored so the queue and the watchdog can filter and sort them in SQL.
    public DateTime RiskResponseDueUtc { get; private set; }
    public DateTime? FirstReplyDueUtc { get; private set; }
    public DateTime? LetterReplyDueUtc { get; private set; }
    public DateTime? ProgressFeedbackDueUtc { get; private set; }
    public DateTime? NextDueUtc { get; private set; }

    /// <summary>App-managed optimistic concurrency token (SQLite has no rowversion).</summary>
    public int Version { get; private set; }

    public IReadOnlyList<TimelineEvent> Timeline => _timeline.AsReadOnly();

    private Complaint() { }

    /// <summary>Receives a complaint; <paramref name="owner"/> is its first-contact owner from the start (R34).</summary>
    public static Complaint Receive(NewComplaint data, string trackingNumber, Actor by, Actor owner, DateTime nowUtc)
    {
        RequireOwner(owner);
        var receivedAt = ReceivedAt(data, nowUtc);
        if (data.Channel.IsExternal() && (string.IsNullOrWhiteSpace(data.SourceName) || string.IsNullOrWhiteSpace(data.SourceReference)))
            throw new DomainException("ExternalSourceRequired", "A complaint from a regulator, public-opinion platform or media needs its source name and reference number.");
        if (data.Severity == ComplaintSeverity.HighRisk && data.HighRiskTriggers == HighRiskTriggers.None)
            throw new DomainException("HighRiskTriggerRequired", "A high-risk complaint needs at least one trigger reason.");

        var complaint = new Complaint
        {
            TrackingNumber = trackingNumber,
            Channel = data.Channel,
            SourceName = data.SourceName,
            SourceReference = data.SourceReference,
            SpecialGroup = data.SpecialGroup,
            Complainant = data.Complainant,
            Respondent = data.Respondent,
            ProductLine = data.ProductLine,
            ProblemType = ProblemTaxonomy.TypeOf(data.ProblemSubType),
            ProblemSubType = data.ProblemSubType,
            Severity = data.Severity,
            HighRiskTriggers = data.HighRiskTriggers,
            RiskLevel = data.RiskLevel,
            Title = data.Title,
            Description = data.Description,
            Demands = data.Demands,
            Status = ComplaintStatus.Received,
            ReceivedAtUtc = receivedAt,
            OwnerId = owner.Id,
            OwnerName = owner.Name,
        };
        complaint._timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.Received, after: ComplaintStatus.Received.ToString()));
        return complaint;
    }

    /// <summary>Moves the case along the lifecycle; illegal moves and missing reasons are refused.</summary>
    public void MoveTo(ComplaintStatus to, Actor by, DateTime nowUtc, string? reason = null)
    {
        nowUtc = UtcInstant.Require(nowUtc);
        if (!Lifecycle.CanMove(Status, to))
            throw new DomainException("IllegalTransition", $"A complaint that is {Status} cannot become {to}.");
        if (Lifecycle.RequiresReason(Status, to) && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("ReasonRequired", $"Moving a complaint to {to} needs a written reason on record.");
        EnsureHighRiskPlansBeforeLeaving(to);

        var from = Status;
        Status = to;
        switch (to)
        {
            case ComplaintStatus.Accepted:
                AcceptedAtUtc = nowUtc;
                HandlerId ??= by.Id;
                HandlerName ??= by.Name;
                break;
            case ComplaintStatus.Archived:
                ArchivedAtUtc = nowUtc;
                break;
            case var s when Lifecycle.IsFinished(s):
                FinishedAtUtc = nowUtc;
                Resolution = string.IsNullOrWhiteSpace(reason) ? Resolution : reason.Trim();
                break;
        }
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.StatusChanged, "Status", from.ToString(), to.ToString(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
    }

    /// <summary>The first reply to the user (R15, R16).</summary>
    public void RecordFirstReply(Actor by, DateTime nowUtc, string message)
    {
        EnsureNotArchived();
        if (string.IsNullOrWhiteSpace(message))
            throw new DomainException("ReplyRequired", "A reply needs the words that were said to the user.");
        if (FirstReplyAtUtc is not null)
            throw new DomainException("AlreadyReplied", "The first reply is already on record; log progress feedback instead.");
        FirstReplyAtUtc = UtcInstant.Require(nowUtc);
        // The first reply tells the user where things stand, so it also restarts the progress clock (R17).
        LastProgressFeedbackAtUtc = FirstReplyAtUtc;
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.FeedbackGiven, "FirstReply", note: message.Trim()));
    }

    /// <summary>Progress feedback to the user over <paramref name="channel"/>; restarts the 2-working-day clock (R17).</summary>
    public void RecordProgressFeedback(Actor by, DateTime nowUtc, string message, Handling.OutboundChannel? channel = null)
    {
        if (string.IsNullOrWhiteSpace(message))
            throw new DomainException("FeedbackRequired", "Progress feedback needs the words that were said to the user.");
        if (Lifecycle.IsFinished(Status))
            throw new DomainException("CaseFinished", "The case is finished; there is no progress to report.");
        LastProgressFeedbackAtUtc = UtcInstant.Require(nowUtc);
        FirstReplyAtUtc ??= LastProgressFeedbackAtUtc;
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.FeedbackGiven, "ProgressFeedback", after: channel?.ToString(), note: message.Trim()));
    }

    public void AddNote(Actor by, DateTime nowUtc, string note)
    {
        EnsureNotArchived();
        if (string.IsNullOrWhiteSpace(note))
            throw new DomainException("NoteRequired", "A note cannot be empty.");
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.Note, note: note.Trim()));
    }

    /// <summary>Assigns the current handler. The first-contact owner stays unless formally handed over (R34).</summary>
    public void AssignHandler(Actor by, DateTime nowUtc, string handlerId, string handlerName, Tier tier)
    {
        EnsureNotArchived();
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.Assigned, "Handler", HandlerName, handlerName));
        if (tier != Tier)
            _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.FieldChanged, "Tier", Tier.ToString(), tier.ToString()));
        HandlerId = handlerId;
        HandlerName = handlerName;
        Tier = tier;
    }

    public SlaFacts SlaFacts => new(Channel, RiskLevel, Status, ReceivedAtUtc, AcceptedAtUtc, FirstReplyAtUtc, LastProgressFeedbackAtUtc, FinishedAtUtc);

    /// <summary>Stores the due times the SLA clock computed, so lists can sort and filter by them.</summary>
    public void ApplySchedule(SlaSchedule schedule)
    {
        RiskResponseDueUtc = schedule[SlaClockKind.RiskResponse]?.DueUtc ?? ReceivedAtUtc;
        FirstReplyDueUtc = schedule[SlaClockKind.FirstReply]?.DueUtc;
        LetterReplyDueUtc = schedule[SlaClockKind.LetterReply]?.DueUtc;
        ProgressFeedbackDueUtc = schedule[SlaClockKind.ProgressFeedback]?.DueUtc;
        NextDueUtc = schedule.NextDueUtc;
    }

    /// <summary>Called by the store on each save so a stale copy cannot overwrite a newer one.</summary>
    public void BumpVersion() => Version++;

    /// <summary>
    /// Numbers a new, unsaved complaint. Intake's single writer hands out ids itself inside its write transaction, so a
    /// group's complaints can be linked to each other (batch incidents, repeats) before they are inserted.
    /// </summary>
    public void AssignId(int id)
    {
        if (Id != 0) throw new InvalidOperationException($"Complaint {TrackingNumber} already has id {Id}.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        Id = id;
    }
}
