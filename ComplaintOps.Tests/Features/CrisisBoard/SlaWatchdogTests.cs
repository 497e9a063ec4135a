using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ComplaintOps.Infrastructure;

namespace ComplaintOps.Tests.Features.CrisisBoard;

/// <summary>R15–R17, R8, R31: the SLA watchdog with a fake clock on the real SQLite store.</summary>
public sealed class SlaWatchdogTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int _seq;

    private T Get<T>() where T : notnull
    {
        _ = app.CreateClient();
        return app.Services.GetRequiredService<T>();
    }

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private async Task<int> StoreAsync(Channel channel, DateTime receivedUtc, bool accept = false)
    {
        var complaint = TestComplaints.Make($"WD{Interlocked.Increment(ref _seq):D6}-{channel}", receivedUtc, channel);
        if (accept) complaint.MoveTo(ComplaintStatus.Accepted, new Actor("agent", "李娜"), receivedUtc);
        return await TestComplaints.StoreAsync(Get<IDbContextFactory<ComplaintOpsDb>>(), Get<WorkingCalendarService>(), complaint);
    }

    private async Task<List<AlarmEvent>> AlarmsAsync(int complaintId, AlarmKind? kind = null)
    {
        await using var db = app.OpenDb();
        return await db.AlarmEvents.AsNoTracking().Where(a => a.ComplaintId == complaintId && (kind == null || a.Kind == kind)).ToListAsync();
    }

    private static bool For(AlarmEvent a, SlaClockKind clock) => a.Key!.Contains($":{clock}:", StringComparison.Ordinal);

    [Fact]
    public async Task R15_first_reply_warns_at_80_percent_and_breaches_after_24_hours_once_each()
    {
        var watchdog = Get<SlaWatchdog>();
        var id = await StoreAsync(Channel.Web, Now);

        app.Clock.Advance(TimeSpan.FromHours(19)); // 79 % of 24 h
        await watchdog.RunAsync();
        Assert.DoesNotContain(await AlarmsAsync(id), a => For(a, SlaClockKind.FirstReply));

        app.Clock.Advance(TimeSpan.FromMinutes(15)); // 80.2 %
        await watchdog.RunAsync();
        await watchdog.RunAsync();
        var warning = Assert.Single(await AlarmsAsync(id, AlarmKind.SlaWarning), a => For(a, SlaClockKind.FirstReply));
        Assert.Equal(AlarmSeverity.Warning, warning.Severity);
        Assert.DoesNotContain(await AlarmsAsync(id, AlarmKind.SlaBreach), a => For(a, SlaClockKind.FirstReply));

        app.Clock.Advance(TimeSpan.FromHours(5)); // 24 h 15 min
        for (var i = 0; i < 3; i++) await watchdog.RunAsync();
        var breach = Assert.Single(await AlarmsAsync(id, AlarmKind.SlaBreach), a => For(a, SlaClockKind.FirstReply));
        Assert.Equal(AlarmSeverity.Critical, breach.Severity);
        Assert.Single(await AlarmsAsync(id, AlarmKind.SlaWarning), a => For(a, SlaClockKind.FirstReply));
    }

    [Fact]
    public async Task R31_complaints_whose_clocks_cannot_have_reached_a_warning_are_not_assessed_and_still_warn_when_they_do()
    {
        // Every minute the watchdog sees the complaints due within its look-ahead; only those whose warning point or due
        // time can have come are read whole and have their clocks computed (a storm of fresh complaints costs it little).
        var watchdog = Get<SlaWatchdog>();
        var before = await watchdog.RunAsync();
        var id = await StoreAsync(Channel.Web, Now);

        var fresh = await watchdog.RunAsync();
        Assert.Equal(before.Candidates + 1, fresh.Candidates);
        Assert.Equal(before.Assessed, fresh.Assessed);

        app.Clock.Advance(TimeSpan.FromHours(19.5)); // 81 % of the first reply's 24 h
        var warned = await watchdog.RunAsync();
        Assert.True(warned.Assessed > before.Assessed, $"assessed {warned.Assessed}, before {before.Assessed}");
        Assert.Single(await AlarmsAsync(id, AlarmKind.SlaWarning), a => For(a, SlaClockKind.FirstReply));
    }

    [Fact]
    public async Task R15_a_reply_in_time_stops_the_clock()
    {
        var watchdog = Get<SlaWatchdog>();
        var id = await StoreAsync(Channel.Email, Now);
        await using (var db = app.OpenDb())
        {
            var c = await db.Complaints.SingleAsync(x => x.Id == id);
            c.RecordFirstReply(new Actor("agent", "李娜"), Now.AddHours(1), "已收到，正在处理");
            c.ApplySchedule(Get<WorkingCalendarService>().Clock.Compute(c.SlaFacts));
            await db.SaveChangesAsync();
        }
        app.Clock.Advance(TimeSpan.FromHours(30));
        await watchdog.RunAsync();
        Assert.DoesNotContain(await AlarmsAsync(id), a => For(a, SlaClockKind.FirstReply));
    }

    [Fact]
    public async Task R16_letter_clock_counts_working_days_across_National_Day()
    {
        var watchdog = Get<SlaWatchdog>();
        var received = TestClock.Shanghai(2026, 9, 30, 9);
        var id = await StoreAsync(Channel.Letter, received);
        await watchdog.RunAsync();

        var expectedDue = Get<WorkingCalendarService>().Clock.EndOfWorkingDays(received, 15);
        // 15 working days from 30 Sep skip the 1–7 Oct holiday: well past the naive 21 calendar days.
        Assert.True(expectedDue > received.AddDays(25), $"due {expectedDue:o}");
        var breach = Assert.Single(await AlarmsAsync(id, AlarmKind.SlaBreach), a => For(a, SlaClockKind.LetterReply));
        Assert.Equal(SlaWatchdog.Key(id, SlaClockKind.LetterReply, SlaStage.Breach, expectedDue), breach.Key);
        // Catching up long after: the breach only, not a stale warning as well.
        Assert.DoesNotContain(await AlarmsAsync(id, AlarmKind.SlaWarning), a => For(a, SlaClockKind.LetterReply));

        // The stage at the edges of that holiday-aware window.
        var window = expectedDue - received;
        Assert.Null(SlaWatchdog.Stage(received, expectedDue, received + window * 0.79, 0.8));
        Assert.Equal(SlaStage.Warning, SlaWatchdog.Stage(received, expectedDue, received + window * 0.81, 0.8));
        Assert.Equal(SlaStage.Warning, SlaWatchdog.Stage(received, expectedDue, expectedDue, 0.8));
        Assert.Equal(SlaStage.Breach, SlaWatchdog.Stage(received, expectedDue, expectedDue.AddMinutes(1), 0.8));
    }

    [Fact]
    public async Task R17_progress_feedback_breaches_after_two_working_days_without_feedback()
    {
        var watchdog = Get<SlaWatchdog>();
        var id = await StoreAsync(Channel.Phone, Now, accept: true);
        var due = Get<WorkingCalendarService>().Clock.EndOfWorkingDays(Now, 2);
        app.Clock.SetUtcNow(due.AddMinutes(1));
        await watchdog.RunAsync();
        Assert.Single(await AlarmsAsync(id, AlarmKind.SlaBreach), a => For(a, SlaClockKind.ProgressFeedback));
    }

    [Fact]
    public async Task R31_catch_up_after_downtime_raises_what_fell_due_once_without_duplicates()
    {
        var watchdog = Get<SlaWatchdog>();
        var ids = new[] { await StoreAsync(Channel.Web, Now), await StoreAsync(Channel.App, Now), await StoreAsync(Channel.Email, Now) };
        app.Clock.Advance(TimeSpan.FromDays(3)); // the app was down: no runs meanwhile
        var first = await watchdog.RunAsync();
        Assert.True(first.Raised >= 3);
        foreach (var id in ids)
            Assert.Single(await AlarmsAsync(id, AlarmKind.SlaBreach), a => For(a, SlaClockKind.FirstReply));

        await using var db = app.OpenDb();
        var before = await db.AlarmEvents.CountAsync();
        var again = await watchdog.RunAsync();
        Assert.Equal(0, again.Raised);
        Assert.Equal(before, await db.AlarmEvents.CountAsync());
    }

    [Fact]
    public async Task R31_a_watchdog_reading_two_complaints_a_page_still_sees_every_due_complaint_including_those_due_at_the_same_moment()
    {
        var board = Get<IOptions<CrisisBoardOptions>>().Value;
        SlaWatchdog Watchdog(int pageSize) => new(Get<IDbContextFactory<ComplaintOpsDb>>(), Get<WorkingCalendarService>(), Get<BusinessTime>(),
            Get<AlarmService>(), Options.Create(new CrisisBoardOptions
            {
                Lookahead = board.Lookahead, WarningFraction = board.WarningFraction, WatchdogPageSize = pageSize, WatchdogPagePause = TimeSpan.Zero,
            }));
        // Five due at the very same moment (a page of two cuts through them) and three at moments of their own.
        var received = Now;
        var ids = new List<int>();
        for (var i = 0; i < 5; i++) ids.Add(await StoreAsync(Channel.Web, received));
        for (var i = 1; i <= 3; i++) ids.Add(await StoreAsync(Channel.Web, received.AddMinutes(i)));
        app.Clock.Advance(TimeSpan.FromDays(3));

        var paged = await Watchdog(2).RunAsync();
        var whole = await Watchdog(100_000).RunAsync();

        Assert.Equal(whole.Candidates, paged.Candidates);
        Assert.Equal(0, whole.Raised); // the paged run raised everything already
        foreach (var id in ids)
            Assert.Single(await AlarmsAsync(id, AlarmKind.SlaBreach), a => For(a, SlaClockKind.FirstReply));
    }

    [Fact]
    public async Task R31_alarms_of_a_finished_complaint_are_resolved_by_the_next_run()
    {
        var watchdog = Get<SlaWatchdog>();
        var id = await StoreAsync(Channel.Web, Now);
        app.Clock.Advance(TimeSpan.FromHours(25));
        await watchdog.RunAsync();
        Assert.All(await AlarmsAsync(id), a => Assert.Null(a.ResolvedAtUtc));
        Assert.NotEmpty(await AlarmsAsync(id));

        await using (var db = app.OpenDb())
        {
            var c = await db.Complaints.SingleAsync(x => x.Id == id);
            c.MoveTo(ComplaintStatus.Closed, new Actor("agent", "李娜"), Now, "已当场解答");
            await db.SaveChangesAsync();
        }
        await watchdog.RunAsync();
        Assert.All(await AlarmsAsync(id), a => Assert.NotNull(a.ResolvedAtUtc));
    }
}
