using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Domain.Sla;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Quality;

/// <summary>
/// Demo data for quality inspection, idempotent: the senior inspector "inspector2" (who decides appeals), two sampling
/// plans, last week drawn by the first plan, a few scorecards by "inspector", one calibration scorecard by "inspector2"
/// and one open appeal. Runs only when there are no plans yet.
/// </summary>
public static class QualityDemoSeeder
{
    public const string SeniorInspectorUser = "inspector2";

    public static async Task SeedAsync(IDbContextFactory<ComplaintOpsDb> dbFactory, UserManager<AppUser> users, string password, SlaClock clock, BusinessTime time, CancellationToken ct = default)
    {
        var senior = await users.FindByNameAsync(SeniorInspectorUser);
        if (senior is null)
        {
            senior = new AppUser { UserName = SeniorInspectorUser, DisplayName = "林涛", WorkAlias = "高级质检 0502", EmailConfirmed = true };
            Check(await users.CreateAsync(senior, password));
            Check(await users.AddToRoleAsync(senior, Roles.QualityInspector));
        }
        var service = new QualityService(dbFactory, time, () => clock, new QualityOptions());
        await service.GrantSeniorAsync(senior.Id, ct);

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.SamplingPlans.AnyAsync(ct)) return;
        }
        var inspectorUser = await users.FindByNameAsync("inspector");
        if (inspectorUser is null) return;
        var inspector = new Actor(inspectorUser.Id, inspectorUser.DisplayName);
        var seniorActor = new Actor(senior.Id, senior.DisplayName);

        var weekly = await service.SavePlanAsync(null, new PlanInput("每周抽检：每位处理人 10%＋高风险、低满意度、转外部途径全检", 10, true, true, 2, true, 20261), inspector, ct);
        await service.SavePlanAsync(null, new PlanInput("高风险案件全检", 0, true, false, 2, false, 7), inspector, ct);

        var lastWeek = time.Today.AddDays(-7);
        await service.DrawWeekAsync(weekly.Id, lastWeek, inspector, ct);
        var queued = await service.QueueAsync(QueueScope.ToScore, 0, 6, ct);
        var scored = new List<Inspection>();
        for (var i = 0; i < Math.Min(4, queued.Rows.Count); i++)
        {
            var row = queued.Rows[i];
            if (row.HandlerName == inspector.Name) continue;
            var fail = i == 3;
            var input = new ScorecardInput(
            [
                new(QualityDimension.Knowledge, 90 - i * 5, "政策解释准确。"),
                new(QualityDimension.ProcessCompliance, 85 - i * 10, i >= 2 ? "未按规定在两个工作日内反馈进展。" : null),
                new(QualityDimension.ResponseScript, 80 + i * 3, "话术规范，语气友好。"),
                new(QualityDimension.SystemOperation, 95, null),
                new(QualityDimension.ServiceNorms, 88, null),
            ], fail, fail ? "通话中透露了处理人本人手机号（违反工号保护规定）。" : null, "整体处理规范。");
            scored.Add(await service.ScoreAsync(row.Id, input, inspector, ct));
        }
        if (scored.Count > 0)
        {
            // A second inspector scores the first case too: the calibration view compares the two.
            var copy = await service.StartAsync(scored[0].TrackingNumber, seniorActor, calibration: true, ct);
            await service.ScoreAsync(copy.Id, new ScorecardInput(
            [
                new(QualityDimension.Knowledge, 85, null),
                new(QualityDimension.ProcessCompliance, 70, null),
                new(QualityDimension.ResponseScript, 75, null),
                new(QualityDimension.SystemOperation, 90, null),
                new(QualityDimension.ServiceNorms, 90, null),
            ], false, null, "校准评分。"), seniorActor, ct);
        }
        if (scored.Count > 1)
        {
            var appealed = scored[1];
            await service.AppealAsync(appealed.Id, "该案件的进展反馈已通过电话完成，系统中有通话记录，请复核流程规范项。", new Actor(appealed.HandlerId, appealed.HandlerName), ct);
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
