using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Archive;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Resolution;

/// <summary>
/// Resolution, feedback and closure (R17, R20, R22–R25, R27, R30). Like <see cref="ComplaintCommands"/>, each
/// command checks the version the user saw, lets the aggregate apply the rule and saves in one transaction;
/// texts for outside parties are composed here (signed with the sender's work alias, checked for leaks) and kept
/// in the outbox table — nothing is really sent by SMS or email in this build. Every closure archives the case.
/// </summary>
public sealed class ResolutionCommands(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    WorkingCalendarService calendar,
    ArchiveService archive,
    BusinessTime time,
    IOptions<ResolutionOptions> options)
{
    public Task<int> ProposeSolutionAsync(int id, int version, string solution, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, (_, c, now) => { c.ProposeSolution(solution, by, now); return Task.CompletedTask; }, by, ct);

    /// <summary>Adds a line to the ledger; within the fast limit it is approved at once (快赔), above it waits for approval.</summary>
    public Task<int> ProposeCompensationAsync(int id, int version, long amountCents, CompensationKind kind, string reason, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, (db, c, now) =>
        {
            if (c.Status is not (ComplaintStatus.Resolving or ComplaintStatus.AwaitingFeedback))
                throw new DomainException("NotResolving", "Compensation is proposed while the case is being resolved.");
            var month = time.ToBusiness(now);
            var entry = CompensationEntry.Propose(c, amountCents, kind, reason, options.Value.FastCompensationLimitCents, month.Year * 100 + month.Month, by, now);
            c.RecordCompensation(entry, by, now);
            db.CompensationEntries.Add(entry);
            return Task.CompletedTask;
        }, by, ct);

    /// <summary>A supervisor or manager approves (or rejects) an above-limit compensation.</summary>
    public Task DecideCompensationAsync(long entryId, bool approve, string? note, ApproverRole role, Actor by, CancellationToken ct = default) =>
        OnEntryAsync(entryId, (entry, now) =>
        {
            if (approve) entry.Approve(by, role, now, note);
            else entry.Reject(by, role, now, note);
        }, by, ct);

    public Task MarkCompensationPaidAsync(long entryId, Actor by, CancellationToken ct = default) =>
        OnEntryAsync(entryId, (entry, now) => entry.MarkPaid(now), by, ct);

    public Task<int> RecordMediationAsync(int id, int version, MediationLevel level, string mediator, string summary, string? overrideReason, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, (db, c, now) =>
        {
            var record = MediationRecord.Record(c, level, mediator, summary, overrideReason, by, now);
            c.RecordMediation(record, by, now);
            db.MediationRecords.Add(record);
            return Task.CompletedTask;
        }, by, ct);

    /// <summary>Progress feedback to the complainant over a channel, signed and logged; restarts the R17 clock.</summary>
    public Task<int> RecordProgressFeedbackAsync(int id, int version, OutboundChannel channel, string text, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, async (db, c, now) =>
        {
            if (Lifecycle.IsFinished(c.Status))
                throw new DomainException("CaseFinished", "The case is finished; there is no progress to report.");
            var message = await ComposeAsync(db, c, OutboundKind.ProgressFeedback, OutboundParty.Complainant, channel, text, by, now, ct);
            c.RecordProgressFeedback(by, now, message.Text, channel);
            db.OutboundMessages.Add(message);
        }, by, ct);

    /// <summary>The result to the complainant and the respondent (R24); the case then awaits their answers.</summary>
    public Task<int> SendResultAsync(int id, int version, OutboundChannel toComplainant, string complainantText, OutboundChannel toRespondent, string respondentText, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, async (db, c, now) =>
        {
            var a = await ComposeAsync(db, c, OutboundKind.Result, OutboundParty.Complainant, toComplainant, complainantText, by, now, ct);
            var b = await ComposeAsync(db, c, OutboundKind.Result, OutboundParty.Respondent, toRespondent, respondentText, by, now, ct);
            c.SendResult(a, b, by, now);
            db.OutboundMessages.AddRange(a, b);
        }, by, ct);

    public Task<int> RecordPartyResponseAsync(int id, int version, OutboundParty party, bool agrees, string? comment, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, (_, c, now) => { c.RecordPartyResponse(party, agrees, comment, by, now); return Task.CompletedTask; }, by, ct);

    public Task<int> RecordCarriedOutAsync(int id, int version, string note, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, (_, c, now) => { c.RecordSolutionCarriedOut(note, by, now); return Task.CompletedTask; }, by, ct);

    /// <summary>Both agreed, carried out → Closed, then archived (R25, R27).</summary>
    public Task<int> CloseAsync(int id, int version, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, (_, c, now) => { c.Close(by, now); return Task.CompletedTask; }, by, ct, archiveAfter: true);

    /// <summary>No agreement → Referred with the outside route, the complainant told; then archived (R25, R27).</summary>
    public Task<int> ReferAsync(int id, int version, OutsideRoute route, string note, OutboundChannel channel, string noticeText, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, async (db, c, now) =>
        {
            var notice = await ComposeAsync(db, c, OutboundKind.ReferralNotice, OutboundParty.Complainant, channel, noticeText, by, now, ct);
            c.Refer(route, note, notice, by, now);
            db.OutboundMessages.Add(notice);
        }, by, ct, archiveAfter: true);

    /// <summary>Not established → the reasoned reply goes to the complainant; then archived (R20, R27).</summary>
    public Task<int> DeclareNotEstablishedAsync(int id, int version, OutboundChannel channel, string reasonedReply, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, async (db, c, now) =>
        {
            var reply = await ComposeAsync(db, c, OutboundKind.NotEstablishedReply, OutboundParty.Complainant, channel, reasonedReply, by, now, ct);
            c.DeclareNotEstablished(reply, by, now);
            db.OutboundMessages.Add(reply);
        }, by, ct, archiveAfter: true);

    /// <summary>Out of scope with its reason (R7), then archived (R27).</summary>
    public Task<int> MarkOutOfScopeAsync(int id, int version, string? reason, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, (_, c, now) => { c.MoveTo(ComplaintStatus.OutOfScope, by, now, reason); return Task.CompletedTask; }, by, ct, archiveAfter: true);

    /// <summary>Solved on first contact with the answer on record (R11), then archived (R27).</summary>
    public Task<int> CloseOnFirstContactAsync(int id, int version, string? answer, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, (_, c, now) =>
        {
            // After acceptance a case closes only through the parties' agreement (Close).
            if (c.Status != ComplaintStatus.Received)
                throw new DomainException("BothMustAgree", "The complaint closes only when the complainant and the respondent both agree to the result.");
            c.MoveTo(ComplaintStatus.Closed, by, now, answer);
            return Task.CompletedTask;
        }, by, ct, archiveAfter: true);

    /// <summary>Archives a case that finished before archiving was automatic (e.g. imported or older cases).</summary>
    public Task<int> ArchiveAsync(int id, int version, Actor by, CancellationToken ct = default) =>
        RunAsync(id, version, (_, _, _) => Task.CompletedTask, by, ct, archiveAfter: true);

    private static async Task<OutboundMessage> ComposeAsync(
        ComplaintOpsDb db, Complaint c, OutboundKind kind, OutboundParty party, OutboundChannel channel, string text, Actor by, DateTime now, CancellationToken ct)
    {
        var (sender, staff) = await StaffDirectory.ForAsync(db, c, by, ct);
        return OutboundMessage.Compose(c.Id, kind, party, channel, text, sender, staff, now);
    }

    private async Task<int> RunAsync(int id, int expectedVersion, Func<ComplaintOpsDb, Complaint, DateTime, Task> change, Actor by, CancellationToken ct, bool archiveAfter = false)
    {
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var complaint = await db.Complaints.Include(c => c.Timeline).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new DomainException("NotFound", $"There is no complaint {id}.");
        if (complaint.Version != expectedVersion) throw new ConcurrencyConflictException(complaint.TrackingNumber);
        try
        {
            await change(db, complaint, now);
            complaint.ApplySchedule(calendar.Clock.Compute(complaint.SlaFacts));
            await db.SaveChangesAsync(ct);
            if (archiveAfter) await archive.ArchiveAsync(db, complaint, by, now, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(complaint.TrackingNumber);
        }
        await tx.CommitAsync(ct);
        return complaint.Version;
    }

    private async Task OnEntryAsync(long entryId, Action<CompensationEntry, DateTime> change, Actor by, CancellationToken ct)
    {
        var now = time.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entry = await db.CompensationEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct)
            ?? throw new DomainException("NotFound", $"There is no compensation {entryId}.");
        var complaint = await db.Complaints.Include(c => c.Timeline).FirstAsync(c => c.Id == entry.ComplaintId, ct);
        change(entry, now);
        complaint.RecordCompensation(entry, by, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(complaint.TrackingNumber);
        }
        await tx.CommitAsync(ct);
    }
}
