using System.Net;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Quality;
using ComplaintOps.Features.Satisfaction;
using ComplaintOps.Infrastructure;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Quality;

/// <summary>R31 quality inspection on the real host and database (400 demo complaints, fake clock at Sat 2026-11-28).</summary>
public sealed class QualityServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateOnly LastWeek = new(2026, 11, 16);
    private static readonly DateOnly TwoWeeksAgo = new(2026, 11, 9);

    private readonly Lazy<HttpClient> _client = new(() => app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
    private IServiceProvider Services { get { _ = _client.Value; return app.Services; } }
    private QualityService Quality => Services.GetRequiredService<QualityService>();

    private async Task<Actor> UserAsync(string userName)
    {
        await using var db = app.OpenDb();
        var u = await db.Users.SingleAsync(x => x.UserName == userName);
        return new Actor(u.Id, u.DisplayName);
    }

    private async Task<List<int>> PlanSampleAsync(long planId)
    {
        await using var db = app.OpenDb();
        return await db.Inspections.Where(i => i.PlanId == planId).Select(i => i.ComplaintId).OrderBy(x => x).ToListAsync();
    }

    private (DateTime From, DateTime To) Week(DateOnly monday)
    {
        var time = Services.GetRequiredService<BusinessTime>();
        return (time.StartOfDayUtc(monday), time.StartOfDayUtc(monday.AddDays(7)));
    }

    private static ScorecardInput Card(int score = 80, string? comment = null) => new(
    [
        new(QualityDimension.Knowledge, score, comment),
        new(QualityDimension.ProcessCompliance, score, comment),
        new(QualityDimension.ResponseScript, score, comment),
        new(QualityDimension.SystemOperation, score, comment),
        new(QualityDimension.ServiceNorms, score, comment),
        // The form cannot set the auto-filled dimensions: these are ignored.
        new(QualityDimension.Timeliness, 0),
        new(QualityDimension.UserEvaluation, 0),
    ], false, null, "测试评分");

    [Fact]
    public async Task R31_drawing_a_week_samples_every_handler_with_closed_cases_and_the_same_seed_draws_the_same_cases()
    {
        var inspector = await UserAsync("inspector");
        var a = await Quality.SavePlanAsync(null, new PlanInput("R31 stratified A", 10, false, false, 2, false, 99), inspector);
        var b = await Quality.SavePlanAsync(null, new PlanInput("R31 stratified B", 10, false, false, 2, false, 99), inspector);

        var result = await Quality.DrawWeekAsync(a.Id, LastWeek.AddDays(3), inspector);   // any day of the week

        var (from, to) = Week(LastWeek);
        await using var db = app.OpenDb();
        var closed = await db.Complaints.Where(c => c.FinishedAtUtc >= from && c.FinishedAtUtc < to)
            .Select(c => new { c.Id, Handler = c.HandlerId ?? c.OwnerId }).ToListAsync();
        Assert.True(closed.Select(c => c.Handler).Distinct().Count() >= 3, "the demo week should have several handlers");
        Assert.Equal(LastWeek, result.WeekStart);
        Assert.Equal(closed.Count, result.Candidates);
        var sampled = await db.Inspections.Where(i => i.PlanId == a.Id).ToListAsync();
        Assert.Equal(result.Sampled, sampled.Count);
        Assert.All(sampled, i => Assert.Contains(i.ComplaintId, closed.Select(c => c.Id)));
        Assert.All(sampled, i => Assert.Equal(InspectionStatus.Queued, i.Status));
        // Stratified: every handler with closed cases that week is in the sample, with ⌈10%⌉ of their cases.
        foreach (var handler in closed.GroupBy(c => c.Handler))
            Assert.Equal((int)Math.Ceiling(handler.Count() / 10.0), sampled.Count(i => i.HandlerId == handler.Key));
        Assert.All(sampled, i => Assert.False(string.IsNullOrEmpty(i.HandlerTeam)));

        // Reproducible: another plan with the same seed draws exactly the same cases; the same plan cannot draw the week twice.
        await Quality.DrawWeekAsync(b.Id, LastWeek, inspector);
        Assert.Equal(await PlanSampleAsync(a.Id), await PlanSampleAsync(b.Id));
        var again = await Assert.ThrowsAsync<DomainException>(() => Quality.DrawWeekAsync(a.Id, LastWeek, inspector));
        Assert.Equal("SamplingWeekDrawn", again.Code);
        // This week (Sat 2026-11-28) is not over yet, and a future week neither.
        Assert.Equal("SamplingWeekNotOver", (await Assert.ThrowsAsync<DomainException>(() => Quality.DrawWeekAsync(a.Id, new DateOnly(2026, 11, 23), inspector))).Code);
        Assert.Equal("SamplingWeekNotOver", (await Assert.ThrowsAsync<DomainException>(() => Quality.DrawWeekAsync(a.Id, new DateOnly(2026, 12, 7), inspector))).Code);
    }

    [Fact]
    public async Task R31_all_high_risk_and_all_low_satisfaction_plans_take_every_matching_closed_case()
    {
        var inspector = await UserAsync("inspector");
        var agent = await UserAsync("agent");
        var (from, to) = Week(TwoWeeksAgo);
        List<int> highRisk;
        List<int> archived;
        await using (var db = app.OpenDb())
        {
            highRisk = await db.Complaints.Where(c => c.FinishedAtUtc >= from && c.FinishedAtUtc < to && c.Severity == ComplaintSeverity.HighRisk).Select(c => c.Id).OrderBy(x => x).ToListAsync();
            archived = await db.Complaints.Where(c => c.FinishedAtUtc >= from && c.FinishedAtUtc < to && c.Status == ComplaintStatus.Archived
                && !db.SatisfactionAnswers.Any(a => a.ComplaintId == c.Id)).Select(c => c.Id).OrderBy(x => x).Take(3).ToListAsync();
        }
        Assert.Equal(3, archived.Count);
        var satisfaction = Services.GetRequiredService<SatisfactionService>();
        await satisfaction.RecordByPhoneAsync(archived[0], 1, "很差", agent);
        await satisfaction.RecordByPhoneAsync(archived[1], 2, null, agent);
        await satisfaction.RecordByPhoneAsync(archived[2], 4, null, agent);

        var hr = await Quality.SavePlanAsync(null, new PlanInput("R31 all high-risk", 0, true, false, 2, false, 1), inspector);
        var low = await Quality.SavePlanAsync(null, new PlanInput("R31 all low", 0, false, true, 2, false, 1), inspector);
        await Quality.DrawWeekAsync(hr.Id, TwoWeeksAgo, inspector);
        await Quality.DrawWeekAsync(low.Id, TwoWeeksAgo, inspector);

        Assert.Equal(highRisk, await PlanSampleAsync(hr.Id));
        Assert.Equal([archived[0], archived[1]], await PlanSampleAsync(low.Id));
    }

    [Fact]
    public async Task R31_an_inspector_inspects_an_open_case_with_timeliness_and_user_evaluation_filled_from_the_case()
    {
        var inspector = await UserAsync("inspector");
        Complaint open;
        await using (var db = app.OpenDb())
            open = await db.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.Investigating && c.HandlerId != null).OrderBy(c => c.Id).FirstAsync();

        var started = await Quality.StartAsync(open.TrackingNumber, inspector);
        Assert.True(started.CaseWasOpen);
        Assert.Equal(InspectionKind.Patrol, started.Kind);
        Assert.Equal(open.HandlerId, started.HandlerId);

        var view = await Quality.GetAsync(started.Id);
        var now = Services.GetRequiredService<BusinessTime>().UtcNow;
        var states = Services.GetRequiredService<WorkingCalendarService>().Clock.Compute(open.SlaFacts).Clocks.Select(c => c.StateAt(now)).ToList();
        Assert.Equal(Scorecard.Timeliness(states), view!.Auto.Timeliness);
        Assert.Null(view.Auto.UserEvaluation);   // an open case has no satisfaction answer yet

        var scored = await Quality.ScoreAsync(started.Id, Card(80), inspector);
        Assert.Equal(view.Auto.Timeliness, scored.Scores.Single(s => s.Dimension == QualityDimension.Timeliness).Score);
        Assert.Null(scored.Scores.Single(s => s.Dimension == QualityDimension.UserEvaluation).Score);
        Assert.All(scored.Scores.Where(s => Scorecard.IsAutoFilled(s.Dimension)), s => Assert.True(s.AutoFilled));
        // 80 on 80% of the weight, timeliness on 10%; user evaluation does not apply.
        Assert.Equal(Math.Round((80 * 80 + 10 * view.Auto.Timeliness) / 90.0, 1), scored.Total);

        // The complaint itself is untouched: quality records live in their own tables.
        await using var check = app.OpenDb();
        Assert.Equal(open.Version, await check.Complaints.Where(c => c.Id == open.Id).Select(c => c.Version).SingleAsync());
        Assert.Equal("ComplaintNotFound", (await Assert.ThrowsAsync<DomainException>(() => Quality.StartAsync("NO-SUCH-CASE", inspector))).Code);
    }

    [Fact]
    public async Task R31_user_evaluation_comes_from_the_satisfaction_answer_of_an_archived_case()
    {
        var inspector = await UserAsync("inspector");
        int id;
        string tracking;
        await using (var db = app.OpenDb())
        {
            var c = await db.Complaints.Where(x => x.Status == ComplaintStatus.Archived && !db.SatisfactionAnswers.Any(a => a.ComplaintId == x.Id))
                .OrderByDescending(x => x.Id).Select(x => new { x.Id, x.TrackingNumber }).FirstAsync();
            (id, tracking) = (c.Id, c.TrackingNumber);
        }
        await Services.GetRequiredService<SatisfactionService>().RecordByPhoneAsync(id, 3, null, await UserAsync("agent"));

        var inspection = await Quality.StartAsync(tracking, inspector);
        var scored = await Quality.ScoreAsync(inspection.Id, Card(90), inspector);

        Assert.False(scored.CaseWasOpen);
        Assert.Equal(60, scored.Scores.Single(s => s.Dimension == QualityDimension.UserEvaluation).Score);
    }

    [Fact]
    public async Task R31_the_handler_appeals_once_and_only_a_senior_inspector_who_did_not_score_it_decides()
    {
        var inspector = await UserAsync("inspector");
        var senior = await UserAsync(QualityDemoSeeder.SeniorInspectorUser);
        Assert.True(await Quality.IsSeniorAsync(senior.Id));
        Assert.False(await Quality.IsSeniorAsync(inspector.Id));
        string tracking;
        await using (var db = app.OpenDb())
            tracking = await db.Complaints.Where(c => c.Status == ComplaintStatus.Resolving && c.HandlerId != null).OrderBy(c => c.Id).Select(c => c.TrackingNumber).FirstAsync();

        // Scored by the senior inspector: they may not decide its appeal; scored by the other inspector: they may.
        var bySenior = await Quality.ScoreAsync((await Quality.StartAsync(tracking, senior)).Id, Card(70), senior);
        var byInspector = await Quality.ScoreAsync((await Quality.StartAsync(tracking, inspector)).Id, Card(50, "流程有遗漏"), inspector);
        var handler = new Actor(byInspector.HandlerId, byInspector.HandlerName);
        Assert.Equal("AppealNotYours", (await Assert.ThrowsAsync<DomainException>(() => Quality.AppealAsync(byInspector.Id, "x", inspector))).Code);
        await Quality.AppealAsync(byInspector.Id, "已按流程处理", handler);
        await Quality.AppealAsync(bySenior.Id, "已按流程处理", handler);
        Assert.Equal("AppealOnce", (await Assert.ThrowsAsync<DomainException>(() => Quality.AppealAsync(byInspector.Id, "again", handler))).Code);

        Assert.Equal("AppealSeniorOnly", (await Assert.ThrowsAsync<DomainException>(() => Quality.DecideAppealAsync(byInspector.Id, AppealDecision.Uphold, null, "r", inspector))).Code);
        Assert.Equal("AppealOwnInspection", (await Assert.ThrowsAsync<DomainException>(() => Quality.DecideAppealAsync(bySenior.Id, AppealDecision.Uphold, null, "r", senior))).Code);
        var decided = await Quality.DecideAppealAsync(byInspector.Id, AppealDecision.Adjust, 72.5, "通话记录显示已按时反馈", senior);

        Assert.Equal(InspectionStatus.AppealAdjusted, decided.Status);
        Assert.Equal(72.5, decided.FinalTotal);
        var summary = await Quality.SummaryAsync();
        Assert.Contains(summary.Handlers, h => h.HandlerId == handler.Id && h.Appeals >= 2);
        Assert.Contains(summary.Teams, t => t.Team == byInspector.HandlerTeam && t.Inspections >= 2 && t.Handlers >= 1);
        var open = await Quality.AppealsAsync(open: true, 0, 100);
        Assert.Contains(open.Rows, i => i.Id == bySenior.Id);
        Assert.DoesNotContain(open.Rows, i => i.Id == byInspector.Id);
    }

    [Fact]
    public async Task R31_calibration_compares_two_inspectors_on_the_same_case_and_needs_a_first_score()
    {
        var inspector = await UserAsync("inspector");
        var senior = await UserAsync(QualityDemoSeeder.SeniorInspectorUser);
        string tracking;
        await using (var db = app.OpenDb())
            tracking = await db.Complaints.Where(c => c.Status == ComplaintStatus.AwaitingFeedback && c.HandlerId != null).OrderBy(c => c.Id).Select(c => c.TrackingNumber).FirstAsync();

        Assert.Equal("CalibrationNothingToCompare", (await Assert.ThrowsAsync<DomainException>(() => Quality.StartAsync(tracking, senior, calibration: true))).Code);
        await Quality.ScoreAsync((await Quality.StartAsync(tracking, inspector)).Id, Card(90), inspector);
        Assert.Equal("CalibrationSameInspector", (await Assert.ThrowsAsync<DomainException>(() => Quality.StartAsync(tracking, inspector, calibration: true))).Code);
        var copy = await Quality.StartAsync(tracking, senior, calibration: true);
        await Quality.ScoreAsync(copy.Id, Card(70), senior);

        var rows = await Quality.CalibrationAsync(0, 100);
        var row = Assert.Single(rows.Rows, r => r.TrackingNumber == tracking);
        Assert.Equal(-20, row.Comparison.Dimensions.Single(d => d.Dimension == QualityDimension.Knowledge).Difference);
        Assert.False(row.Comparison.Agrees);
        // The calibration copy is not the handler's score.
        await using var db2 = app.OpenDb();
        var handlerId = await db2.Inspections.Where(i => i.Id == copy.Id).Select(i => i.HandlerId).SingleAsync();
        Assert.DoesNotContain((await Quality.MyScoresAsync(handlerId, 0, 500)).Rows, i => i.Id == copy.Id);
    }

    [Fact]
    public async Task R31_demo_data_has_plans_scored_inspections_a_calibration_and_an_open_appeal()
    {
        _ = Services;
        await using var db = app.OpenDb();
        Assert.True(await db.SamplingPlans.CountAsync(p => p.Name.StartsWith("每周抽检")) == 1);
        Assert.True(await db.Inspections.AnyAsync(i => i.Kind == InspectionKind.Calibration && i.Status == InspectionStatus.Scored));
        Assert.True(await db.Inspections.AnyAsync(i => i.Status == InspectionStatus.Appealed && i.CreatedByName != ""));
        Assert.True(await db.Inspections.AnyAsync(i => i.Kind == InspectionKind.SpotCheck && i.Status == InspectionStatus.Queued));
    }

    [Theory]
    [InlineData("/quality")]
    [InlineData("/quality/plans")]
    [InlineData("/quality/appeals")]
    [InlineData("/quality/scores")]
    [InlineData("/quality/calibration")]
    [InlineData("/quality/inspections/1")]
    public async Task R31_R28_an_agent_is_refused_the_inspectors_pages(string path) => await SignIn.AssertRefusedAsync(app, "agent", path);

    [Fact]
    public async Task R31_R28_inspectors_and_managers_open_the_quality_pages_and_inspectors_have_no_handler_scores()
    {
        var inspector = await SignIn.AsAsync(app, "inspector");
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync("/quality")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync("/quality/plans")).StatusCode);
        var manager = await SignIn.AsAsync(app, "manager");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/quality/scores")).StatusCode);
        await SignIn.AssertRefusedAsync(app, "inspector", "/my-quality");
        await SignIn.AssertRefusedAsync(app, "supervisor", "/quality");
    }

    [Fact]
    public async Task R31_R28_a_handler_sees_only_their_own_scores()
    {
        var inspector = await UserAsync("inspector");
        var agent = await UserAsync("agent");
        var agent2 = await UserAsync("agent2");
        string mine, theirs;
        await using (var db = app.OpenDb())
        {
            mine = await db.Complaints.Where(c => c.HandlerId == agent.Id && c.Status == ComplaintStatus.Investigating).OrderBy(c => c.Id).Select(c => c.TrackingNumber).FirstAsync();
            theirs = await db.Complaints.Where(c => c.HandlerId == agent2.Id && c.Status == ComplaintStatus.Investigating).OrderBy(c => c.Id).Select(c => c.TrackingNumber).FirstAsync();
        }
        await Quality.ScoreAsync((await Quality.StartAsync(mine, inspector)).Id, Card(85), inspector);
        await Quality.ScoreAsync((await Quality.StartAsync(theirs, inspector)).Id, Card(65), inspector);

        var page = await Quality.MyScoresAsync(agent.Id, 0, 500);
        Assert.Contains(page.Rows, i => i.TrackingNumber == mine);
        Assert.All(page.Rows, i => Assert.Equal(agent.Id, i.HandlerId));

        var client = await SignIn.AsAsync(app, "agent");
        var response = await client.GetAsync("/my-quality");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(mine, html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, html, StringComparison.Ordinal);
    }
}
