using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake;
using ComplaintOps.Features.Satisfaction;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Satisfaction;

/// <summary>
/// R26 "scheduled call-backs survive a restart": three app hosts one after another on the same SQLite file (the app
/// restarting), with a fake clock that moves on while it is down.
/// </summary>
public sealed class CallbackRestartTests
{
    /// <summary>The real host on a given database file (the base class's own temp folder stays unused).</summary>
    private sealed class HostOn(string databasePath, DateTimeOffset now) : AppFactory
    {
        protected override int SeedComplaints => 20;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Clock.SetUtcNow(now);
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:DatabasePath", databasePath);
        }
    }

    [Fact]
    public async Task R26_a_low_score_before_a_restart_gets_one_call_back_after_it_and_its_deadline_is_still_watched()
    {
        var dir = RepoPaths.NewTempDirectory();
        var path = Path.Combine(dir, "restart.db");
        var t0 = TestClock.Now;
        try
        {
            int complaintId;
            // Host 1: the case closes and the user answers 1 star; the app stops before the call-back job runs.
            using (var first = new HostOn(path, t0))
            {
                _ = first.CreateClient();
                await using var db = first.OpenDb();
                var agentUser = await db.Users.SingleAsync(u => u.UserName == "agent");
                var c = await first.Services.GetRequiredService<IntakeService>().ReceiveAtConsoleAsync(new NewComplaint
                {
                    Channel = Channel.Phone,
                    Complainant = new Complainant { Name = "钱多多", Phone = "13800002222", Province = "江苏", City = "南京" },
                    Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "某某书店" },
                    ProductLine = "电商平台",
                    ProblemSubType = ProblemSubType.ShippingFeeDispute,
                    Title = "运费疑问",
                    Description = "询问运费。",
                    Demands = "解释",
                }, new Actor(agentUser.Id, agentUser.DisplayName), new ConsoleDecision(FirstContactOutcome.SolvedOnFirstContact, "已说明。"));
                complaintId = c.Id;
                await first.Services.GetRequiredService<SatisfactionService>().RecordByPhoneAsync(c.Id, 1, "不满意", new Actor(agentUser.Id, agentUser.DisplayName));
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            // Host 2, an hour later: the job creates the call-back once, however often it runs.
            long taskId;
            DateTime due;
            using (var second = new HostOn(path, t0.AddHours(1)))
            {
                _ = second.CreateClient();
                var scheduler = second.Services.GetRequiredService<CallbackScheduler>();
                Assert.Equal(1, (await scheduler.RunAsync()).Scheduled);
                Assert.Equal(0, (await scheduler.RunAsync()).Scheduled);
                await using var db = second.OpenDb();
                var task = await db.CallbackTasks.AsNoTracking().SingleAsync(t => t.ComplaintId == complaintId);
                (taskId, due) = (task.Id, task.DueUtc);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            // Host 3, after the deadline passed while the app was down: still one call-back, still open, and now overdue.
            using (var third = new HostOn(path, new DateTimeOffset(due.AddHours(1), TimeSpan.Zero)))
            {
                _ = third.CreateClient();
                var scheduler = third.Services.GetRequiredService<CallbackScheduler>();
                var result = await scheduler.RunAsync();
                Assert.Equal(0, result.Scheduled);
                Assert.Equal(1, result.Missed);
                await using var db = third.OpenDb();
                Assert.Equal(1, await db.CallbackTasks.CountAsync(t => t.ComplaintId == complaintId));
                Assert.True(Assert.Single(await scheduler.OpenAsync(null), r => r.Id == taskId).Overdue);
                Assert.Equal(1, await db.AlarmEvents.CountAsync(a => a.Key == CallbackScheduler.MissedKey(taskId)));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
