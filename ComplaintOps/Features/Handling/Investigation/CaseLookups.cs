using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Privacy;
using ComplaintOps.Features.Audit;
using ComplaintOps.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Handling.Investigation;

/// <summary>How many earlier complaints there are; <see cref="Capped"/> when the count stopped at the cap ("1000+").</summary>
public sealed record HistoryCount(int Count, bool Capped);

public sealed record HistoryCounts(HistoryCount SameComplainant, HistoryCount SameRespondent);

/// <summary>One past complaint in a history list, personal data masked.</summary>
public sealed record HistoryRow(
    int Id, string TrackingNumber, DateTime ReceivedAtUtc, ComplaintStatus Status, ProblemType ProblemType, ProblemSubType ProblemSubType,
    string Title, string ComplainantMasked, string PhoneMasked, string RespondentName);

public sealed record CaseHistory(IReadOnlyList<HistoryRow> SameComplainant, IReadOnlyList<HistoryRow> SameRespondent);

public sealed record RevealedPerson(string Name, string Phone);

/// <summary>
/// The handler's look-ups for a case (R18): past complaints of the same complainant (same phone) and about the same
/// respondent. Counts come first and cost nothing personal; listing them needs a purpose and is audited, as is
/// revealing anyone in them (R28, R29). Every query is an index equality (phone, respondent name), limited server-side.
/// </summary>
public sealed class CaseLookups(IDbContextFactory<ComplaintOpsDb> dbFactory, AuditTrail audit, IOptions<CollaborationOptions> options)
{
    public async Task<HistoryCounts> CountsAsync(Complaint complaint, CancellationToken ct = default)
    {
        var cap = options.Value.HistoryCountCap;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var byPhone = await SameComplainant(db, complaint).Take(cap + 1).CountAsync(ct);
        var byRespondent = await SameRespondent(db, complaint).Take(cap + 1).CountAsync(ct);
        return new HistoryCounts(new HistoryCount(Math.Min(byPhone, cap), byPhone > cap), new HistoryCount(Math.Min(byRespondent, cap), byRespondent > cap));
    }

    /// <summary>Lists the newest past complaints of both kinds, masked; the look is audited with its purpose first.</summary>
    public async Task<CaseHistory> ListAsync(Complaint complaint, Actor by, string? purpose, CancellationToken ct = default)
    {
        await audit.RecordAsync(by, HandlingPolicies.ViewComplaintHistory, complaint.TrackingNumber, purpose ?? "", ct);
        var take = options.Value.HistoryListSize;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var mine = await Rows(SameComplainant(db, complaint), take, ct);
        var theirs = await Rows(SameRespondent(db, complaint), take, ct);
        return new CaseHistory(mine, theirs);
    }

    /// <summary>
    /// Reveals the complainant of a past complaint listed for <paramref name="current"/>: only for the reveal roles,
    /// only for a complaint that really is in this case's history, and audited with the purpose (R29).
    /// </summary>
    public async Task<RevealedPerson> RevealAsync(Complaint current, int pastComplaintId, System.Security.Claims.ClaimsPrincipal user, string? purpose, CancellationToken ct = default)
    {
        if (!Policies.RevealRoles.Any(user.IsInRole))
            throw new DomainException("RevealNotAllowed", "Your role may not reveal personal data.");
        if (string.IsNullOrWhiteSpace(purpose))
            throw new DomainException("PurposeRequired", "Say why you need to see this personal data; the purpose is kept in the audit trail.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Complaints.AsNoTracking()
            .Where(c => c.Id == pastComplaintId && c.Id != current.Id
                && ((c.Complainant.Phone == current.Complainant.Phone) || (c.Respondent.Name == current.Respondent.Name)))
            .Select(c => new { c.TrackingNumber, c.Complainant.Name, c.Complainant.Phone })
            .FirstOrDefaultAsync(ct)
            ?? throw new DomainException("NotInHistory", "That complaint is not in this case's history.");
        await audit.RecordAsync(CurrentActor.From(user), AuditTrail.RevealPersonalData, row.TrackingNumber, $"{purpose.Trim()} ({current.TrackingNumber})", ct);
        return new RevealedPerson(row.Name, row.Phone);
    }

    private static IQueryable<Complaint> SameComplainant(ComplaintOpsDb db, Complaint complaint)
    {
        var phone = complaint.Complainant.Phone;
        var id = complaint.Id;
        return db.Complaints.AsNoTracking().Where(c => c.Complainant.Phone == phone && c.Id != id);
    }

    private static IQueryable<Complaint> SameRespondent(ComplaintOpsDb db, Complaint complaint)
    {
        var name = complaint.Respondent.Name;
        var id = complaint.Id;
        return db.Complaints.AsNoTracking().Where(c => c.Respondent.Name == name && c.Id != id);
    }

    private static async Task<IReadOnlyList<HistoryRow>> Rows(IQueryable<Complaint> query, int take, CancellationToken ct)
    {
        // Newest registered first: by id, which the phone and respondent indexes already carry (no sort step).
        var rows = await query.OrderByDescending(c => c.Id).Take(take)
            .Select(c => new { c.Id, c.TrackingNumber, c.ReceivedAtUtc, c.Status, c.ProblemType, c.ProblemSubType, c.Title, c.Complainant.Name, c.Complainant.Phone, RespondentName = c.Respondent.Name })
            .ToListAsync(ct);
        return rows.Select(r => new HistoryRow(r.Id, r.TrackingNumber, r.ReceivedAtUtc, r.Status, r.ProblemType, r.ProblemSubType, r.Title,
            Mask.Name(r.Name), Mask.Phone(r.Phone), r.RespondentName)).ToList();
    }
}
