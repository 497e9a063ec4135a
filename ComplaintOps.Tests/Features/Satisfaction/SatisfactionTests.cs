using System.Net;
using System.Text.RegularExpressions;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Intake;
using ComplaintOps.Features.Intake.Public;
using ComplaintOps.Features.Satisfaction;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Tests.Features.Satisfaction;

/// <summary>R26 surveys and low-score call-backs on the real host and database.</summary>
public sealed partial class SatisfactionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly Lazy<HttpClient> _client = new(() => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
    private IServiceProvider Services { get { _ = _client.Value; return app.Services; } }
    private SatisfactionService Survey => Services.GetRequiredService<SatisfactionService>();
    private CallbackScheduler Callbacks => Services.GetRequiredService<CallbackScheduler>();

    [GeneratedRegex(@"/public/survey/([A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();

    private async Task<Actor> UserAsync(string userName)
    {
        await using var db = app.OpenDb();
        var u = await db.Users.SingleAsync(x => x.UserName == userName);
        return new Actor(u.Id, u.DisplayName);
    }

    /// <summary>A case closed on first contact by the agent (so archived at once); returns it and its survey token from the outbox.</summary>
    private async Task<(Complaint Complaint, string Token)> ClosedCaseAsync(string name = "赵雷", string phone = "13700001111")
    {
        var agent = await UserAsync("agent");
        var c = await Services.GetRequiredService<IntakeService>().ReceiveAtConsoleAsync(new NewComplaint
        {
            Channel = Channel.Phone,
            Complainant = new Complainant { Name = name, Phone = phone, Province = "江苏", City = "南京" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "某某书店" },
            ProductLine = "电商平台",
            ProblemSubType = ProblemSubType.ShippingFeeDispute,
            Title = "运费疑问",
            Description = "询问运费为何收取两次。" + Guid.NewGuid(),
            Demands = "解释",
        }, agent, new ConsoleDecision(FirstContactOutcome.SolvedOnFirstContact, "第二笔为退货运费险，已说明。"));
        await using var db = app.OpenDb();
        var text = await db.OutboundMessages.AsNoTracking().Where(m => m.ComplaintId == c.Id).Select(m => m.Text).ToListAsync();
        var token = text.Select(t => LinkPattern().Match(t)).Single(m => m.Success).Groups[1].Value;
        return (await db.Complaints.AsNoTracking().SingleAsync(x => x.Id == c.Id), token);
    }

    [Fact]
    public async Task R26_closing_a_case_invites_a_survey_stored_as_a_hash_with_a_signed_outbox_link()
    {
        var (c, token) = await ClosedCaseAsync();
        Assert.Equal(ComplaintStatus.Archived, c.Status);
        await using var db = app.OpenDb();
        var inv = await db.SurveyInvitations.AsNoTracking().SingleAsync(i => i.ComplaintId == c.Id);
        Assert.Equal(SurveyInvitation.HashOf(token), inv.TokenHash);
        Assert.DoesNotContain(token, inv.TokenHash, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(14), inv.ExpiresAtUtc - inv.CreatedAtUtc);
        var msg = await db.OutboundMessages.AsNoTracking().SingleAsync(m => m.ComplaintId == c.Id && m.Text.Contains("/public/survey/"));
        Assert.Contains(c.TrackingNumber, msg.Text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(msg.SignedAlias));
        Assert.Equal(ComplaintOps.Domain.Handling.OutboundKind.SurveyInvitation, msg.Kind);
    }

    [Fact]
    public async Task R26_the_survey_page_shows_the_tracking_number_and_nothing_personal()
    {
        var (c, token) = await ClosedCaseAsync("欧阳明月", "13655557777");
        var response = await _client.Value.GetAsync(new Uri($"/public/survey/{token}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(c.TrackingNumber, html, StringComparison.Ordinal);
        Assert.Contains("survey-form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("欧阳明月", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13655557777", html, StringComparison.Ordinal);
        Assert.DoesNotContain("7777", html, StringComparison.Ordinal);
        Assert.DoesNotContain("某某书店", html, StringComparison.Ordinal);
        Assert.DoesNotContain("运费", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R26_a_wrong_token_shows_not_found_and_cannot_answer()
    {
        var response = await _client.Value.GetAsync(new Uri("/public/survey/not-a-real-token", UriKind.Relative));
        // The page answers (the app's 404 handling would redirect) and says the link is not valid.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-state=\"NotFound\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var ex = await Assert.ThrowsAsync<DomainException>(() => Survey.AnswerSurveyAsync("not-a-real-token", 5, null));
        Assert.Equal("SurveyNotFound", ex.Code);
    }

    [Fact]
    public async Task R26_a_token_is_used_once_and_the_case_has_one_answer()
    {
        var (c, token) = await ClosedCaseAsync();
        var answer = await Survey.AnswerSurveyAsync(token, 5, "很好");
        Assert.Equal((c.Id, 5, SatisfactionSource.Survey), (answer.ComplaintId, answer.Score, answer.Source));
        Assert.Equal("SurveyUsed", (await Assert.ThrowsAsync<DomainException>(() => Survey.AnswerSurveyAsync(token, 1, null))).Code);
        Assert.Equal("SurveyUsed", (await Assert.ThrowsAsync<DomainException>(() => Survey.RecordByPhoneAsync(c.Id, 1, null, TestComplaints.Owner))).Code);
        Assert.Equal(SurveyState.Answered, (await Survey.ViewAsync(token)).State);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.SatisfactionAnswers.CountAsync(a => a.ComplaintId == c.Id));
    }

    [Fact]
    public async Task R26_a_phone_score_closes_the_survey_link()
    {
        var (c, token) = await ClosedCaseAsync();
        var agent = await UserAsync("agent");
        var answer = await Survey.RecordByPhoneAsync(c.Id, 4, "电话回访满意", agent);
        Assert.Equal((SatisfactionSource.Phone, agent.Id), (answer.Source, answer.RecordedById));
        Assert.Equal(SurveyState.Answered, (await Survey.ViewAsync(token)).State);
        Assert.Equal("SurveyUsed", (await Assert.ThrowsAsync<DomainException>(() => Survey.AnswerSurveyAsync(token, 1, null))).Code);
    }

    [Fact]
    public async Task R26_a_token_expires_after_the_configured_days()
    {
        var (_, token) = await ClosedCaseAsync();
        app.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        Assert.Equal(SurveyState.Expired, (await Survey.ViewAsync(token)).State);
        Assert.Equal("SurveyExpired", (await Assert.ThrowsAsync<DomainException>(() => Survey.AnswerSurveyAsync(token, 5, null))).Code);
        var html = await (await _client.Value.GetAsync(new Uri($"/public/survey/{token}", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("data-state=\"Expired\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("survey-form", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R26_rate_is_the_share_of_four_and_five_among_answers_today_and_by_channel()
    {
        var figures = Services.GetRequiredService<ISatisfactionFigures>();
        Assert.IsType<SatisfactionFigures>(figures);
        var before = (await figures.GetAsync(app.Clock.GetUtcNow().UtcDateTime)).Today;
        var agent = await UserAsync("agent");
        foreach (var score in new[] { 5, 4, 3, 1 })
            await Survey.RecordByPhoneAsync((await ClosedCaseAsync()).Complaint.Id, score, null, agent);
        var after = (await figures.GetAsync(app.Clock.GetUtcNow().UtcDateTime)).Today;
        Assert.Equal(before.Answers + 4, after.Answers);
        Assert.Equal(before.Satisfied + 2, after.Satisfied);
        Assert.Equal(new SatisfactionFigure(4, 2).Rate, 0.5);
        Assert.Null(SatisfactionFigure.None.Rate);

        var today = Services.GetRequiredService<WorkingCalendarService>().Clock.BusinessDate(app.Clock.GetUtcNow().UtcDateTime);
        var breakdown = await Services.GetRequiredService<SatisfactionFigures>().BreakdownAsync(today, today);
        var phone = breakdown.ByChannel.Single(x => x.Key == nameof(Channel.Phone)).Figure;
        Assert.Equal(after, new SatisfactionFigure(breakdown.ByDay.Single().Figure.Answers, breakdown.ByDay.Single().Figure.Satisfied));
        Assert.True(phone.Answers >= 4);
    }

    [Fact]
    public async Task R26_a_low_score_gets_exactly_one_call_back_for_a_senior_with_a_working_hour_due_time_and_an_alarm()
    {
        var (c, token) = await ClosedCaseAsync();
        var answer = await Survey.AnswerSurveyAsync(token, 1, "没解决");
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await Callbacks.RunAsync();
        await Callbacks.RunAsync();
        await using var db = app.OpenDb();
        var task = await db.CallbackTasks.AsNoTracking().SingleAsync(t => t.ComplaintId == c.Id);
        Assert.Equal(answer.Id, task.AnswerId);
        Assert.NotEqual(c.OwnerId, task.AssignedToId);
        Assert.NotEqual(c.HandlerId, task.AssignedToId);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == task.AssignedToId select r.Name).ToListAsync();
        Assert.True(roles.Contains("Expert") || roles.Contains("Coach"));
        var o = Services.GetRequiredService<IOptions<SatisfactionOptions>>().Value;
        var expectedDue = Services.GetRequiredService<WorkingCalendarService>().Clock.EndOfWorkingHours(now, TimeSpan.FromHours(o.CallbackWorkingHours), o.WorkdayStart, o.WorkdayEnd);
        Assert.Equal(expectedDue, task.DueUtc);
        Assert.False(task.InBookedSlot);
        var alarm = await db.AlarmEvents.AsNoTracking().SingleAsync(a => a.Key == CallbackScheduler.LowScoreKey(answer.Id));
        Assert.Equal(AlarmKind.LowSatisfaction, alarm.Kind);
        Assert.Contains(c.TrackingNumber, alarm.Summary, StringComparison.Ordinal);
        Assert.Contains(await Callbacks.OpenAsync(task.AssignedToId), r => r.Id == task.Id);
    }

    [Fact]
    public async Task R26_a_good_score_gets_no_call_back()
    {
        var (c, token) = await ClosedCaseAsync();
        await Survey.AnswerSurveyAsync(token, 3, null);
        await Callbacks.RunAsync();
        await using var db = app.OpenDb();
        Assert.False(await db.CallbackTasks.AnyAsync(t => t.ComplaintId == c.Id));
    }

    [Fact]
    public async Task R5_a_special_group_user_is_called_back_in_the_slot_they_booked()
    {
        var (c, _) = await ClosedCaseAsync();
        var slot = app.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        await using (var db = app.OpenDb())
        {
            db.CallbackBookings.Add(new CallbackBooking { ComplaintId = c.Id, SlotStartUtc = slot, CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        await Survey.RecordByPhoneAsync(c.Id, 2, "不满意", await UserAsync("agent"));
        await Callbacks.RunAsync();
        await using var read = app.OpenDb();
        var task = await read.CallbackTasks.AsNoTracking().SingleAsync(t => t.ComplaintId == c.Id);
        Assert.True(task.InBookedSlot);
        Assert.Equal(slot, task.DueUtc);
    }

    [Fact]
    public async Task R26_a_missed_call_back_deadline_raises_one_alarm()
    {
        var (c, token) = await ClosedCaseAsync();
        await Survey.AnswerSurveyAsync(token, 2, null);
        await Callbacks.RunAsync();
        long taskId;
        await using (var db = app.OpenDb())
            taskId = (await db.CallbackTasks.AsNoTracking().SingleAsync(t => t.ComplaintId == c.Id)).Id;
        await using (var db = app.OpenDb())
            Assert.False(await db.AlarmEvents.AnyAsync(a => a.Key == CallbackScheduler.MissedKey(taskId)));
        app.Clock.Advance(TimeSpan.FromDays(5));
        await Callbacks.RunAsync();
        await Callbacks.RunAsync();
        await using var read = app.OpenDb();
        var alarm = await read.AlarmEvents.AsNoTracking().SingleAsync(a => a.Key == CallbackScheduler.MissedKey(taskId));
        Assert.Equal(AlarmSeverity.Critical, alarm.Severity);
        Assert.True(Assert.Single(await Callbacks.OpenAsync(null), r => r.Id == taskId).Overdue);
    }

    private async Task<(Complaint Complaint, CallbackRow Task)> LowScoreTaskAsync()
    {
        var (c, token) = await ClosedCaseAsync();
        await Survey.AnswerSurveyAsync(token, 1, "仍然不满意");
        await Callbacks.RunAsync();
        return (c, (await Callbacks.OpenAsync(null)).Single(r => r.TrackingNumber == c.TrackingNumber));
    }

    [Fact]
    public async Task R26_call_back_resolved_closes_the_task()
    {
        var (_, row) = await LowScoreTaskAsync();
        var expert = await UserAsync("expert");
        var task = await Callbacks.CloseAsync(row.Id, CallbackOutcome.Resolved, null, expert);
        Assert.Equal(CallbackOutcome.Resolved, task.Outcome);
        Assert.DoesNotContain(await Callbacks.OpenAsync(null), r => r.Id == row.Id);
        Assert.Equal("CallbackClosed", (await Assert.ThrowsAsync<DomainException>(() => Callbacks.CloseAsync(row.Id, CallbackOutcome.Resolved, null, expert))).Code);
    }

    [Fact]
    public async Task R26_still_dissatisfied_escalates_to_the_supervisor_board()
    {
        var (_, row) = await LowScoreTaskAsync();
        Assert.Equal("CallbackNoteRequired", (await Assert.ThrowsAsync<DomainException>(() => Callbacks.CloseAsync(row.Id, CallbackOutcome.StillDissatisfied, " ", TestComplaints.Owner))).Code);
        await Callbacks.CloseAsync(row.Id, CallbackOutcome.StillDissatisfied, "要求赔偿", await UserAsync("coach"));
        await using var db = app.OpenDb();
        var alarm = await db.AlarmEvents.AsNoTracking().SingleAsync(a => a.Key == CallbackScheduler.EscalatedKey(row.Id));
        Assert.Equal((AlarmKind.LowSatisfaction, AlarmSeverity.Critical, EscalationLevel.Supervisor), (alarm.Kind, alarm.Severity, alarm.Level));
    }

    [Fact]
    public async Task R26_R34_reopened_continues_as_a_linked_follow_up_case_owned_by_the_original_owner()
    {
        var (c, row) = await LowScoreTaskAsync();
        var task = await Callbacks.CloseAsync(row.Id, CallbackOutcome.Reopened, "退款仍未到账", await UserAsync("expert"));
        Assert.NotNull(task.FollowUpComplaintId);
        await using var db = app.OpenDb();
        var follow = await db.Complaints.AsNoTracking().SingleAsync(x => x.Id == task.FollowUpComplaintId);
        Assert.Equal(c.TrackingNumber, follow.SourceReference);
        Assert.Equal(c.OwnerId, follow.OwnerId);
        Assert.False(Lifecycle.IsFinished(follow.Status));
        Assert.NotEqual(ComplaintStatus.Archived, follow.Status);
        // The original stays archived and untouched.
        Assert.Equal(ComplaintStatus.Archived, (await db.Complaints.AsNoTracking().SingleAsync(x => x.Id == c.Id)).Status);
    }

    [Fact]
    public async Task R26_a_low_score_recorded_while_the_scheduler_was_down_is_called_back_after_restart()
    {
        var (c, token) = await ClosedCaseAsync();
        await Survey.AnswerSurveyAsync(token, 1, null);
        // Down for a weekend: no job ran. A fresh scheduler (as after a restart) finds the score from the database alone.
        app.Clock.Advance(TimeSpan.FromDays(2));
        var restarted = ActivatorUtilities.CreateInstance<CallbackScheduler>(Services);
        var result = await restarted.RunAsync();
        Assert.True(result.Scheduled >= 1);
        await using var db = app.OpenDb();
        var task = await db.CallbackTasks.AsNoTracking().SingleAsync(t => t.ComplaintId == c.Id);
        Assert.True(task.DueUtc > app.Clock.GetUtcNow().UtcDateTime);
        await ActivatorUtilities.CreateInstance<CallbackScheduler>(Services).RunAsync();
        Assert.Equal(1, await db.CallbackTasks.CountAsync(t => t.ComplaintId == c.Id));
    }
}
