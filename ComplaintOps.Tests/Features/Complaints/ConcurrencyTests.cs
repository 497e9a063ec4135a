using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Infrastructure;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Complaints;

/// <summary>Two handlers working on the same complaint: the second stale change is refused and nothing of it is written.</summary>
public sealed class ConcurrencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly Actor First = new("u-first", "李娜");
    private static readonly Actor Second = new("u-second", "王强");

    private ComplaintCommands Commands => app.Services.GetRequiredService<ComplaintCommands>();
    private ComplaintQueries Queries => app.Services.GetRequiredService<ComplaintQueries>();

    private async Task<Complaint> PickAsync(ComplaintStatus status, int skip)
    {
        await using var db = app.OpenDb();
        var id = await db.Complaints.Where(c => c.Status == status).OrderBy(c => c.Id).Select(c => c.Id).Skip(skip).FirstAsync();
        return (await Queries.DetailAsync(id))!;
    }

    [Fact]
    public async Task R28_second_note_on_a_stale_version_is_refused_until_reloaded()
    {
        var seen = await PickAsync(ComplaintStatus.Investigating, 0);
        var before = seen.Timeline.Count;

        var newVersion = await Commands.AddNoteAsync(seen.Id, seen.Version, "first handler's note", First);
        Assert.Equal(seen.Version + 1, newVersion);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Commands.AddNoteAsync(seen.Id, seen.Version, "second handler's note", Second));
        Assert.Equal(seen.TrackingNumber, conflict.TrackingNumber);

        var now = (await Queries.DetailAsync(seen.Id))!;
        Assert.Equal(newVersion, now.Version);
        Assert.Equal(before + 1, now.Timeline.Count);
        Assert.Contains(now.Timeline, e => e.Note == "first handler's note" && e.ActorId == First.Id);
        Assert.DoesNotContain(now.Timeline, e => e.Note == "second handler's note");

        var retried = await Commands.AddNoteAsync(now.Id, now.Version, "second handler's note", Second);
        Assert.Equal(newVersion + 1, retried);
        var after = (await Queries.DetailAsync(seen.Id))!;
        Assert.Equal(before + 2, after.Timeline.Count);
        Assert.Contains(after.Timeline, e => e.Note == "second handler's note" && e.ActorId == Second.Id);
    }

    [Fact]
    public async Task Second_move_on_a_stale_version_is_refused_and_the_first_move_stands()
    {
        var seen = await PickAsync(ComplaintStatus.Received, 0);
        var before = seen.Timeline.Count;

        await Commands.MoveAsync(seen.Id, seen.Version, ComplaintStatus.Accepted, null, First);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Commands.MoveAsync(seen.Id, seen.Version, ComplaintStatus.OutOfScope, "不属于本公司服务范围", Second));

        var now = (await Queries.DetailAsync(seen.Id))!;
        Assert.Equal(ComplaintStatus.Accepted, now.Status);
        Assert.Equal(First.Id, now.HandlerId); // the first to accept handles it
        Assert.Equal(seen.OwnerId, now.OwnerId); // R34: the owner from receipt stays until a hand-over
        Assert.Null(now.Resolution);
        Assert.Equal(before + 1, now.Timeline.Count);

        // After a reload the second handler's (now legal) move succeeds.
        await Commands.MoveAsync(now.Id, now.Version, ComplaintStatus.OutOfScope, "不属于本公司服务范围", Second);
        var after = (await Queries.DetailAsync(seen.Id))!;
        Assert.Equal(ComplaintStatus.OutOfScope, after.Status);
        Assert.Equal("不属于本公司服务范围", after.Resolution);
        Assert.Equal(seen.OwnerId, after.OwnerId);
    }

    [Fact]
    public async Task Two_db_contexts_changing_the_same_complaint_the_second_save_throws_and_writes_nothing()
    {
        var id = (await PickAsync(ComplaintStatus.Investigating, 1)).Id;
        var clock = app.Services.GetRequiredService<BusinessTime>();
        await using var a = app.OpenDb();
        await using var b = app.OpenDb();
        var inA = await a.Complaints.Include(c => c.Timeline).SingleAsync(c => c.Id == id);
        var inB = await b.Complaints.Include(c => c.Timeline).SingleAsync(c => c.Id == id);
        Assert.Equal(inA.Version, inB.Version);
        var before = inA.Timeline.Count;

        inA.AddNote(First, clock.UtcNow, "saved by context A");
        await a.SaveChangesAsync();

        inB.AddNote(Second, clock.UtcNow, "lost by context B");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());

        await using var check = app.OpenDb();
        var stored = await check.Complaints.AsNoTracking().Include(c => c.Timeline).SingleAsync(c => c.Id == id);
        Assert.Equal(inA.Version, stored.Version);
        Assert.Equal(before + 1, stored.Timeline.Count);
        Assert.DoesNotContain(stored.Timeline, e => e.Note == "lost by context B");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task R7_out_of_scope_without_a_reason_is_refused_and_nothing_is_saved(string? reason)
    {
        var seen = await PickAsync(ComplaintStatus.Received, reason is null ? 1 : 2);

        var e = await Assert.ThrowsAsync<DomainException>(() => Commands.MoveAsync(seen.Id, seen.Version, ComplaintStatus.OutOfScope, reason, First));
        Assert.Equal("ReasonRequired", e.Code);

        var now = (await Queries.DetailAsync(seen.Id))!;
        Assert.Equal(ComplaintStatus.Received, now.Status);
        Assert.Equal(seen.Version, now.Version);
        Assert.Equal(seen.Timeline.Count, now.Timeline.Count);
        Assert.Equal(seen.NextDueUtc, now.NextDueUtc);
    }

    [Fact]
    public async Task R20_not_established_without_a_reasoned_reply_is_refused()
    {
        var seen = await PickAsync(ComplaintStatus.Investigating, 2);
        var e = await Assert.ThrowsAsync<DomainException>(() => Commands.MoveAsync(seen.Id, seen.Version, ComplaintStatus.NotEstablished, "", First));
        Assert.Equal("ReasonRequired", e.Code);
        var now = (await Queries.DetailAsync(seen.Id))!;
        Assert.Equal(ComplaintStatus.Investigating, now.Status);
        Assert.Equal(seen.Version, now.Version);
    }
}
