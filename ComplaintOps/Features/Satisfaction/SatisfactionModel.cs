using System.Security.Cryptography;
using System.Text;
using ComplaintOps.Domain;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Satisfaction;

/// <summary>How a satisfaction answer came in.</summary>
public enum SatisfactionSource
{
    /// <summary>The user answered on the public survey page.</summary>
    Survey = 0,
    /// <summary>An agent recorded the score the user gave on the phone.</summary>
    Phone = 1,
}

/// <summary>How a call-back ended.</summary>
public enum CallbackOutcome
{
    /// <summary>The user is satisfied now.</summary>
    Resolved = 1,
    /// <summary>The case goes back to handling: a follow-up complaint linked to the archived one is received.</summary>
    Reopened = 2,
    /// <summary>Still dissatisfied: escalated to a supervisor (a critical alarm on the board).</summary>
    StillDissatisfied = 3,
}

/// <summary>
/// A survey invitation for one finished case (R26): the one-time token's SHA-256 (the token itself is only in the link
/// sent to the user), when it expires and when it was used. Its own table: the archived complaint cannot change.
/// </summary>
public sealed class SurveyInvitation
{
    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public DateTime? UsedAtUtc { get; private set; }

    private SurveyInvitation() { }

    /// <summary>A new invitation and the raw token for the link (never stored).</summary>
    public static (SurveyInvitation Invitation, string Token) Create(int complaintId, string trackingNumber, DateTime nowUtc, TimeSpan validFor)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new SurveyInvitation
        {
            ComplaintId = complaintId,
            TrackingNumber = trackingNumber,
            TokenHash = HashOf(token),
            CreatedAtUtc = UtcInstant.Require(nowUtc),
            ExpiresAtUtc = UtcInstant.Require(nowUtc) + validFor,
        }, token);
    }

    /// <summary>Tokens are 192 random bits: an unsalted SHA-256 is enough and lets the page look the hash up by index.</summary>
    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    public bool IsUsable(DateTime nowUtc) => UsedAtUtc is null && nowUtc < ExpiresAtUtc;

    /// <summary>The case was rated another way (phone): the link stops working, whether or not it had expired.</summary>
    public void MarkUsedOrExpire(DateTime nowUtc) => UsedAtUtc ??= UtcInstant.Require(nowUtc);

    public void MarkUsed(DateTime nowUtc)
    {
        if (UsedAtUtc is not null) throw new DomainException("SurveyUsed", "This survey has already been answered.");
        if (nowUtc >= ExpiresAtUtc) throw new DomainException("SurveyExpired", "This survey link has expired.");
        UsedAtUtc = UtcInstant.Require(nowUtc);
    }
}

/// <summary>
/// The one satisfaction answer of a case (unique per complaint), with what the figures are cut by copied from the
/// case when answered (handler, type, channel), so the rate needs no join to complaints.
/// </summary>
public sealed class SatisfactionAnswer
{
    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public int Score { get; private set; }
    public string? Comment { get; private set; }
    public SatisfactionSource Source { get; private set; }
    public string? RecordedById { get; private set; }
    public string? RecordedByName { get; private set; }
    public DateTime AnsweredAtUtc { get; private set; }
    /// <summary>The business-time day of the answer (the "by day" cut).</summary>
    public DateOnly AnsweredOn { get; private set; }
    public string? HandlerId { get; private set; }
    public string? HandlerName { get; private set; }
    public string OwnerId { get; private set; } = "";
    public ProblemType ProblemType { get; private set; }
    public Channel Channel { get; private set; }

    private SatisfactionAnswer() { }

    public const int MaxCommentLength = 1000;

    /// <summary>Satisfied means 4 or 5 stars: the rate is the share of those among all answers.</summary>
    public static bool IsSatisfied(int score) => score >= 4;

    public static SatisfactionAnswer Record(Complaint c, int score, string? comment, SatisfactionSource source, Actor? by, DateTime nowUtc, DateOnly businessDay)
    {
        if (score is < 1 or > 5) throw new DomainException("SatisfactionScore", "Choose 1 to 5 stars.");
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (text is { Length: > MaxCommentLength }) text = text[..MaxCommentLength];
        return new SatisfactionAnswer
        {
            ComplaintId = c.Id,
            TrackingNumber = c.TrackingNumber,
            Score = score,
            Comment = text,
            Source = source,
            RecordedById = by?.Id,
            RecordedByName = by?.Name,
            AnsweredAtUtc = UtcInstant.Require(nowUtc),
            AnsweredOn = businessDay,
            HandlerId = c.HandlerId,
            HandlerName = c.HandlerName,
            OwnerId = c.OwnerId,
            ProblemType = c.ProblemType,
            Channel = c.Channel,
        };
    }
}

/// <summary>
/// The call-back (回访) for one low score: exactly one per answer (unique index on <see cref="AnswerId"/>), assigned to an
/// expert or coach who did not handle the case, due within the configured working hours (or in the slot a special-group
/// user booked, R5). Closed with an outcome; a reopened case continues as a linked follow-up complaint.
/// </summary>
public sealed class CallbackTask
{
    public long Id { get; private set; }
    public long AnswerId { get; private set; }
    public int ComplaintId { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public int Score { get; private set; }
    public string AssignedToId { get; private set; } = "";
    public string AssignedToName { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime DueUtc { get; private set; }
    /// <summary>True when <see cref="DueUtc"/> is the start of the slot the user booked (R5).</summary>
    public bool InBookedSlot { get; private set; }
    public CallbackOutcome? Outcome { get; private set; }
    public string? OutcomeNote { get; private set; }
    public string? ClosedById { get; private set; }
    public string? ClosedByName { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    /// <summary>The follow-up complaint a reopened case continues as.</summary>
    public int? FollowUpComplaintId { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => Outcome is null;

    private CallbackTask() { }

    public static CallbackTask Schedule(SatisfactionAnswer answer, string assignedToId, string assignedToName, DateTime nowUtc, DateTime dueUtc, bool inBookedSlot) => new()
    {
        AnswerId = answer.Id,
        ComplaintId = answer.ComplaintId,
        TrackingNumber = answer.TrackingNumber,
        Score = answer.Score,
        AssignedToId = assignedToId,
        AssignedToName = assignedToName,
        CreatedAtUtc = UtcInstant.Require(nowUtc),
        DueUtc = UtcInstant.Require(dueUtc),
        InBookedSlot = inBookedSlot,
    };

    public void Close(CallbackOutcome outcome, string? note, Actor by, DateTime nowUtc, int? followUpComplaintId = null)
    {
        if (!IsOpen) throw new DomainException("CallbackClosed", "This call-back already has an outcome.");
        if (!Enum.IsDefined(outcome)) throw new DomainException("CallbackOutcome", "Choose an outcome.");
        if (outcome != CallbackOutcome.Resolved && string.IsNullOrWhiteSpace(note))
            throw new DomainException("CallbackNoteRequired", "Say what the user told you.");
        Outcome = outcome;
        OutcomeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 1000)];
        ClosedById = by.Id;
        ClosedByName = by.Name;
        ClosedAtUtc = UtcInstant.Require(nowUtc);
        FollowUpComplaintId = followUpComplaintId;
        Version++;
    }
}
