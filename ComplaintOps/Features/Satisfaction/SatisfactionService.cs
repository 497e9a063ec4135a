using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Satisfaction;

/// <summary>What the public survey page may show: the tracking number and nothing personal.</summary>
public sealed record SurveyView(string TrackingNumber, SurveyState State);

public enum SurveyState
{
    Open = 0,
    Answered = 1,
    Expired = 2,
    NotFound = 3,
}

/// <summary>
/// R26: survey invitations on closure, answers from the public page or the phone (one per case), and the live board
/// signal. Low scores become call-backs in <see cref="CallbackScheduler"/> (a Quartz job), not here, so a score
/// recorded while the scheduler is down still gets its call-back.
/// </summary>
public sealed class SatisfactionService(
    IDbContextFactory<ComplaintOpsDb> dbFactory, BusinessTime time, WorkingCalendarService calendar,
    BoardChangeFeed feed, IOptions<SatisfactionOptions> options, ILogger<SatisfactionService> log)
{
    /// <summary>Cases finished with an answer to the user are surveyed; out-of-scope intakes were never handled.</summary>
    public static bool IsSurveyed(ComplaintStatus? archivedFrom) =>
        archivedFrom is ComplaintStatus.Closed or ComplaintStatus.Referred or ComplaintStatus.NotEstablished;

    /// <summary>
    /// Called once by <see cref="Archive.ArchiveService"/> inside its unit of work, after the snapshot: adds the invitation
    /// (token hashed) and an outbox text with the link, signed with the handler's work alias and leak-checked (R30). No SMS is
    /// really sent. Returns the raw token (null when the case is not surveyed or already invited).
    /// </summary>
    public async Task<string?> InviteAsync(ComplaintOpsDb db, Complaint complaint, DateTime nowUtc, CancellationToken ct = default)
    {
        if (!IsSurveyed(complaint.ArchivedFrom ?? complaint.Status)) return null;
        if (await db.Set<SurveyInvitation>().AnyAsync(i => i.ComplaintId == complaint.Id, ct)) return null;
        var (invitation, token) = SurveyInvitation.Create(complaint.Id, complaint.TrackingNumber, nowUtc, options.Value.SurveyValidFor);
        db.Add(invitation);
        var senderId = complaint.HandlerId ?? complaint.OwnerId;
        var ids = new[] { senderId, complaint.OwnerId, complaint.HandlerId ?? "" }.Where(i => i.Length > 0).Distinct().ToArray();
        var staff = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new HandlerIdentity(u.Id, u.WorkAlias, u.DisplayName, u.PhoneNumber, u.Email)).ToListAsync(ct);
        var sender = staff.FirstOrDefault(s => s.UserId == senderId && !string.IsNullOrWhiteSpace(s.WorkAlias));
        if (sender is null)
        {
            log.LogWarning("Survey for {Tracking}: the handler has no work alias; the invitation is stored without an outbox text.", complaint.TrackingNumber);
            return token;
        }
        try
        {
            var body = $"您的投诉（编号 {complaint.TrackingNumber}）已办结。请为我们的服务打分：{SurveyLink(token)} （{(int)options.Value.SurveyValidFor.TotalDays} 天内有效，仅可使用一次）";
            db.OutboundMessages.Add(OutboundMessage.Compose(complaint.Id, OutboundKind.SurveyInvitation, OutboundParty.Complainant, OutboundChannel.Sms,
                body, sender, staff, nowUtc));
        }
        catch (DomainException ex)
        {
            log.LogWarning("Survey for {Tracking}: no outbox text ({Code}).", complaint.TrackingNumber, ex.Code);
        }
        return token;
    }

    public string SurveyLink(string token) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/public/survey/{Uri.EscapeDataString(token)}";

    /// <summary>What the public page shows for a token: only the tracking number and whether it can still be answered.</summary>
    public async Task<SurveyView> ViewAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return new SurveyView("", SurveyState.NotFound);
        var hash = SurveyInvitation.HashOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inv = await db.Set<SurveyInvitation>().AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        if (inv is null) return new SurveyView("", SurveyState.NotFound);
        var answered = inv.UsedAtUtc is not null || await db.Set<SatisfactionAnswer>().AnyAsync(a => a.ComplaintId == inv.ComplaintId, ct);
        var state = answered ? SurveyState.Answered : time.UtcNow >= inv.ExpiresAtUtc ? SurveyState.Expired : SurveyState.Open;
        return new SurveyView(inv.TrackingNumber, state);
    }

    /// <summary>The user's answer from the public page: the token is used once; expired, unknown or used tokens are refused.</summary>
    public async Task<SatisfactionAnswer> AnswerSurveyAsync(string token, int score, string? comment, CancellationToken ct = default)
    {
        var now = time.UtcNow;
        var hash = SurveyInvitation.HashOf(token ?? "");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var inv = await db.Set<SurveyInvitation>().SingleOrDefaultAsync(i => i.TokenHash == hash, ct)
            ?? throw new DomainException("SurveyNotFound", "This survey link is not valid.");
        inv.MarkUsed(now);
        return await SaveAnswerAsync(db, inv.ComplaintId, score, comment, SatisfactionSource.Survey, null, now, ct);
    }

    public async Task<SatisfactionAnswer?> AnswerForAsync(int complaintId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<SatisfactionAnswer>().AsNoTracking().SingleOrDefaultAsync(a => a.ComplaintId == complaintId, ct);
    }

    /// <summary>An agent records the score the user gave on the phone (one answer per case; the survey link then stops working).</summary>
    public async Task<SatisfactionAnswer> RecordByPhoneAsync(int complaintId, int score, string? comment, Actor by, CancellationToken ct = default)
    {
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaintStatus = await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId).Select(c => (ComplaintStatus?)c.Status).SingleOrDefaultAsync(ct)
            ?? throw new DomainException("ComplaintNotFound", "No such complaint.");
        if (complaintStatus != ComplaintStatus.Archived)
            throw new DomainException("SatisfactionNotFinished", "Satisfaction is asked once the case is finished.");
        var inv = await db.Set<SurveyInvitation>().SingleOrDefaultAsync(i => i.ComplaintId == complaintId, ct);
        if (inv is { UsedAtUtc: null }) inv.MarkUsedOrExpire(now);
        return await SaveAnswerAsync(db, complaintId, score, comment, SatisfactionSource.Phone, by, now, ct);
    }

    private async Task<SatisfactionAnswer> SaveAnswerAsync(ComplaintOpsDb db, int complaintId, int score, string? comment, SatisfactionSource source, Actor? by, DateTime now, CancellationToken ct)
    {
        if (await db.Set<SatisfactionAnswer>().AnyAsync(a => a.ComplaintId == complaintId, ct))
            throw new DomainException("SurveyUsed", "This case has already been rated.");
        var complaint = await db.Complaints.AsNoTracking().SingleAsync(c => c.Id == complaintId, ct);
        var answer = SatisfactionAnswer.Record(complaint, score, comment, source, by, now, calendar.Clock.BusinessDate(now));
        db.Add(answer);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on the complaint settled a race: the first answer stands.
            throw new DomainException("SurveyUsed", "This case has already been rated.");
        }
        feed.Publish(new BoardChange(BoardChangeKind.SatisfactionRecorded, now, TrackingNumber: answer.TrackingNumber));
        return answer;
    }
}
