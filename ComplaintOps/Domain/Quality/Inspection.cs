using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Quality;

public enum InspectionKind
{
    /// <summary>Drawn by a sampling plan from a week's closed cases (抽检).</summary>
    SpotCheck = 0,
    /// <summary>Started by an inspector on a case, open or closed (巡检).</summary>
    Patrol = 1,
    /// <summary>A second inspector's scorecard for a case already scored; compared, never shown to the handler.</summary>
    Calibration = 2,
}

public enum InspectionStatus
{
    Queued = 0,
    Scored = 1,
    Appealed = 2,
    AppealUpheld = 3,
    AppealAdjusted = 4,
}

public enum AppealDecision
{
    /// <summary>The score stands.</summary>
    Uphold = 1,
    /// <summary>The senior inspector sets a new total.</summary>
    Adjust = 2,
}

/// <summary>One dimension row of a scored inspection (stored with the weight in force when it was scored).</summary>
public sealed class InspectionScore
{
    public QualityDimension Dimension { get; private set; }
    public int Weight { get; private set; }
    public int? Score { get; private set; }
    public string? Comment { get; private set; }
    public bool AutoFilled { get; private set; }

    private InspectionScore() { }

    internal InspectionScore(DimensionScore s, int weight)
    {
        Dimension = s.Dimension;
        Weight = weight;
        Score = s.Score;
        Comment = string.IsNullOrWhiteSpace(s.Comment) ? null : s.Comment.Trim();
        AutoFilled = s.AutoFilled;
    }

    public DimensionScore ToDimensionScore() => new(Dimension, Score, Comment, AutoFilled);
}

/// <summary>
/// A quality inspection of one case (R31, §5.4.2.3): queued by a sampling plan or started by an inspector (also on open
/// cases), scored once on the weighted scorecard, then seen by the handler, who may appeal once; a senior inspector who did
/// not score it upholds or adjusts the score with a reason. Kept in its own table: archived complaints cannot change.
/// </summary>
public sealed class Inspection
{
    private readonly List<InspectionScore> _scores = [];

    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    /// <summary>Whether the case was still open when the inspection was started (巡检 of an open case).</summary>
    public bool CaseWasOpen { get; private set; }
    public string HandlerId { get; private set; } = "";
    public string HandlerName { get; private set; } = "";
    /// <summary>The handler's team (their handling role) when queued: the per-team figures group by it.</summary>
    public string HandlerTeam { get; private set; } = "";
    public InspectionKind Kind { get; private set; }
    public SampleReason Reasons { get; private set; }
    public long? PlanId { get; private set; }
    public DateOnly? WeekStart { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedById { get; private set; } = "";
    public string CreatedByName { get; private set; } = "";

    public InspectionStatus Status { get; private set; }
    /// <summary>Who scores it: set when an inspector starts or calibrates it, or when it is scored.</summary>
    public string? InspectorId { get; private set; }
    public string? InspectorName { get; private set; }
    public DateTime? ScoredAtUtc { get; private set; }
    public double? Total { get; private set; }
    public bool CriticalFail { get; private set; }
    public string? CriticalFailNote { get; private set; }
    public string? Comment { get; private set; }

    public string? AppealReason { get; private set; }
    public DateTime? AppealedAtUtc { get; private set; }
    public AppealDecision? Decision { get; private set; }
    public string? DecisionReason { get; private set; }
    public string? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    /// <summary>The score that counts: the total, or the senior inspector's adjusted total after an appeal.</summary>
    public double? FinalTotal { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<InspectionScore> Scores => _scores.AsReadOnly();

    public bool IsScored => Status != InspectionStatus.Queued;

    /// <summary>The handler can appeal: scored, not a calibration copy, never appealed before.</summary>
    public bool CanAppeal => Status == InspectionStatus.Scored && AppealedAtUtc is null && Kind != InspectionKind.Calibration;

    private Inspection() { }

    public const int MaxTextLength = 1000;

    public static Inspection Queue(int complaintId, string trackingNumber, bool caseOpen, Actor handler, string handlerTeam,
        InspectionKind kind, SampleReason reasons, long? planId, DateOnly? weekStart, Actor by, DateTime nowUtc, Actor? inspector = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(by);
        if (string.IsNullOrWhiteSpace(handler.Id))
            throw new DomainException("InspectionNoHandler", "The case has no handler to inspect.");
        if (inspector is not null && inspector.Id == handler.Id)
            throw new DomainException("InspectorIsHandler", "Nobody inspects their own case.");
        return new Inspection
        {
            ComplaintId = complaintId,
            TrackingNumber = trackingNumber,
            CaseWasOpen = caseOpen,
            HandlerId = handler.Id,
            HandlerName = handler.Name,
            HandlerTeam = handlerTeam,
            Kind = kind,
            Reasons = reasons,
            PlanId = planId,
            WeekStart = weekStart,
            CreatedAtUtc = UtcInstant.Require(nowUtc),
            CreatedById = by.Id,
            CreatedByName = by.Name,
            InspectorId = inspector?.Id,
            InspectorName = inspector?.Name,
            Status = InspectionStatus.Queued,
        };
    }

    /// <summary>Scores the inspection once. Auto-filled dimensions come from the case (the caller computes them, not the form).</summary>
    public void Score(Actor inspector, ScorecardWeights weights, IReadOnlyList<DimensionScore> scores, bool criticalFail, string? criticalFailNote, string? comment, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(inspector);
        ArgumentNullException.ThrowIfNull(weights);
        if (Status != InspectionStatus.Queued)
            throw new DomainException("InspectionAlreadyScored", "This inspection is already scored.");
        if (inspector.Id == HandlerId)
            throw new DomainException("InspectorIsHandler", "Nobody inspects their own case.");
        if (InspectorId is not null && InspectorId != inspector.Id)
            throw new DomainException("InspectionTakenByOther", "Another inspector is scoring this inspection.");
        if (criticalFail && string.IsNullOrWhiteSpace(criticalFailNote))
            throw new DomainException("QualityCriticalNoteRequired", "Say which critical item failed.");
        var total = Scorecard.Total(weights, scores, criticalFail);
        _scores.Clear();
        foreach (var d in Scorecard.Dimensions)
        {
            var s = scores.Single(x => x.Dimension == d);
            _scores.Add(new InspectionScore(s with { AutoFilled = Scorecard.IsAutoFilled(d) }, weights[d]));
        }
        InspectorId = inspector.Id;
        InspectorName = inspector.Name;
        ScoredAtUtc = UtcInstant.Require(nowUtc);
        Total = total;
        FinalTotal = total;
        CriticalFail = criticalFail;
        CriticalFailNote = criticalFail ? Clip(criticalFailNote) : null;
        Comment = Clip(comment);
        Status = InspectionStatus.Scored;
        Version++;
    }

    /// <summary>The handler appeals the score, once, with a reason.</summary>
    public void Appeal(Actor handler, string? reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (handler.Id != HandlerId)
            throw new DomainException("AppealNotYours", "Only the handler of the case appeals its score.");
        if (Kind == InspectionKind.Calibration)
            throw new DomainException("AppealCalibration", "A calibration scorecard is not the handler's score.");
        if (AppealedAtUtc is not null)
            throw new DomainException("AppealOnce", "A score is appealed once only.");
        if (Status != InspectionStatus.Scored)
            throw new DomainException("AppealNotScored", "Only a scored inspection can be appealed.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("AppealReasonRequired", "Say why you disagree with the score.");
        AppealReason = Clip(reason);
        AppealedAtUtc = UtcInstant.Require(nowUtc);
        Status = InspectionStatus.Appealed;
        Version++;
    }

    /// <summary>A senior inspector who did not score it upholds the score or sets a new total, with a reason.</summary>
    public void DecideAppeal(Actor senior, bool isSeniorInspector, AppealDecision decision, double? adjustedTotal, string? reason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(senior);
        if (Status != InspectionStatus.Appealed)
            throw new DomainException("AppealNotOpen", "There is no open appeal on this inspection.");
        if (!isSeniorInspector)
            throw new DomainException("AppealSeniorOnly", "Only a senior inspector decides an appeal.");
        if (senior.Id == InspectorId)
            throw new DomainException("AppealOwnInspection", "A senior inspector does not decide an appeal on a score they gave.");
        if (senior.Id == HandlerId)
            throw new DomainException("AppealNotYours", "Nobody decides their own appeal.");
        if (!Enum.IsDefined(decision))
            throw new DomainException("AppealDecisionRequired", "Uphold or adjust the score.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("AppealDecisionReasonRequired", "Give the reason for the decision.");
        if (decision == AppealDecision.Adjust)
        {
            if (adjustedTotal is not { } t || t < 0 || t > Scorecard.MaxScore)
                throw new DomainException("AppealAdjustedTotal", $"The adjusted score is between 0 and {Scorecard.MaxScore}.");
            FinalTotal = Math.Round(t, 1, MidpointRounding.AwayFromZero);
            Status = InspectionStatus.AppealAdjusted;
        }
        else
        {
            Status = InspectionStatus.AppealUpheld;
        }
        Decision = decision;
        DecisionReason = Clip(reason);
        DecidedById = senior.Id;
        DecidedByName = senior.Name;
        DecidedAtUtc = UtcInstant.Require(nowUtc);
        Version++;
    }

    private static string? Clip(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        return t.Length > MaxTextLength ? t[..MaxTextLength] : t;
    }
}
