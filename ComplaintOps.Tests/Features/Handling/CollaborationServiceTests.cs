using System.Net;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Handling;
using ComplaintOps.Features.Handling.Collaboration;
using ComplaintOps.Features.Identity;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ComplaintOps.Tests.Features.Handling.HandlingTestData;

namespace ComplaintOps.Tests.Features.Handling;

/// <summary>Collaboration tasks on the real host (R12, R13, R21): from the case to the liaison's inbox and back to the timeline.</summary>
public sealed class CollaborationServiceTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;
    private readonly CollaborationService _service;
    private readonly CollaborationQueries _queries;

    public CollaborationServiceTests(AppFactory app)
    {
        _app = app;
        _ = app.CreateClient();
        _service = app.Services.GetRequiredService<CollaborationService>();
        _queries = app.Services.GetRequiredService<CollaborationQueries>();
    }

    [Fact]
    public async Task R21_a_legal_task_reaches_the_liaisons_inbox_masked_and_the_answer_lands_on_the_case_timeline()
    {
        var complaint = await StoreAsync(_app, "INV-TASK-0001", name: "欧阳娜娜");
        var liaison = await UserAsync(_app, "liaison");
        var taskId = await _service.OpenAsync(complaint.Id, Department.Legal, CollaborationPurpose.Investigation, "用户称条款无效，请评估。", 3, Expert);

        var departments = await _queries.DepartmentsOfAsync(liaison.Id);
        Assert.Equal([Department.Legal, Department.Compliance], departments);
        var inbox = await _queries.InboxAsync(departments, TaskInboxFilter.Open, 0, 100);
        var row = Assert.Single(inbox.Rows, r => r.Id == taskId);
        Assert.Equal("INV-TASK-0001", row.TrackingNumber);
        Assert.Equal("欧***", row.ComplainantMasked);
        Assert.False(row.Overdue);
        // Opened Saturday 10:00 with 3 working days: due at the end of Wednesday 2 December.
        Assert.Equal(TestClock.Shanghai(2026, 12, 3), row.DueUtc);

        await _service.AnswerAsync(taskId, "条款符合法律规定，可按约定处理。", liaison);

        var after = await LoadAsync(_app, complaint.Id);
        var opened = Assert.Single(after.Timeline, e => e.Kind == TimelineEventKind.CollaborationTaskOpened);
        Assert.Equal("Legal", opened.After);
        var answered = Assert.Single(after.Timeline, e => e.Kind == TimelineEventKind.CollaborationTaskAnswered);
        Assert.Equal("条款符合法律规定，可按约定处理。", answered.Note);
        Assert.Equal(liaison.Id, answered.ActorId);
        Assert.DoesNotContain((await _queries.InboxAsync(departments, TaskInboxFilter.Open, 0, 100)).Rows, r => r.Id == taskId);
        Assert.Contains((await _queries.InboxAsync(departments, TaskInboxFilter.Answered, 0, 100)).Rows, r => r.Id == taskId);
    }

    [Fact]
    public async Task R21_only_a_liaison_of_the_tasks_department_can_answer_and_only_once()
    {
        var complaint = await StoreAsync(_app, "INV-TASK-0002");
        var legal = await UserAsync(_app, "liaison");
        var business = await UserAsync(_app, HandlingDemoSeeder.BusinessLiaison);
        var taskId = await _service.OpenAsync(complaint.Id, Department.Technical, CollaborationPurpose.Investigation, "查一下崩溃日志", 2, Expert);

        Assert.Equal("NotDepartmentMember", (await Assert.ThrowsAsync<DomainException>(() => _service.AnswerAsync(taskId, "x", legal))).Code);
        Assert.Equal("NotDepartmentMember", (await Assert.ThrowsAsync<DomainException>(() => _service.AnswerAsync(taskId, "x", Expert))).Code);
        Assert.DoesNotContain((await _queries.InboxAsync([Department.Legal, Department.Compliance], TaskInboxFilter.All, 0, 100)).Rows, r => r.Id == taskId);

        await _service.AnswerAsync(taskId, "3.2.1 版本已修复。", business);
        Assert.Equal("TaskNotOpen", (await Assert.ThrowsAsync<DomainException>(() => _service.AnswerAsync(taskId, "again", business))).Code);
    }

    [Fact]
    public async Task R21_a_withdrawn_task_leaves_the_inbox_with_its_reason_on_the_timeline()
    {
        var complaint = await StoreAsync(_app, "INV-TASK-0003");
        var taskId = await _service.OpenAsync(complaint.Id, Department.PublicAffairs, CollaborationPurpose.Investigation, "需要公关口径吗？", 2, Expert);
        await _service.CancelAsync(taskId, "用户已撤诉", Expert);

        Assert.DoesNotContain((await _queries.InboxAsync(null, TaskInboxFilter.Open, 0, 100)).Rows, r => r.Id == taskId);
        var after = await LoadAsync(_app, complaint.Id);
        Assert.Equal("用户已撤诉", Assert.Single(after.Timeline, e => e.Kind == TimelineEventKind.CollaborationTaskCancelled).Note);
    }

    [Fact]
    public async Task R12_an_infringement_case_is_verified_by_the_business_departments_answer_before_it_can_be_resolved()
    {
        var complaint = await StoreAsync(_app, "INV-R12-0001", ProblemSubType.Trademark);
        var business = await UserAsync(_app, HandlingDemoSeeder.BusinessLiaison);
        await _app.Services.GetRequiredService<ComplaintOps.Features.Complaints.ComplaintCommands>()
            .ChangeAsync(complaint.Id, complaint.Version, c => c.RecordInvestigation("店铺销售仿冒商品", "权利人商誉受损", "下架并处罚", Expert, _app.Clock.GetUtcNow().UtcDateTime), default);

        var before = await LoadAsync(_app, complaint.Id);
        Assert.Equal("DepartmentVerificationRequired", Assert.Throws<DomainException>(before.EnsureReadyForResolution).Code);

        var taskId = await _service.OpenAsync(complaint.Id, Department.Business, CollaborationPurpose.Verification, "请核实商标侵权。", 2, Expert);
        await _service.AnswerAsync(taskId, "已核实：侵权成立，商品已下架。", business);

        var after = await LoadAsync(_app, complaint.Id);
        Assert.Equal(Department.Business, after.VerifiedByDepartment);
        Assert.Equal("已核实：侵权成立，商品已下架。", after.DepartmentVerification);
        after.EnsureReadyForResolution();
    }

    [Fact]
    public async Task R13_escalation_opens_legal_and_compliance_tasks_once_and_the_joint_assessment_waits_for_both_opinions()
    {
        var complaint = await StoreAsync(_app, "INV-R13-0001");
        var liaison = await UserAsync(_app, "liaison");
        await _service.EscalateAsync(complaint.Id, LegalRisks.Lawsuit, "用户律师发函", Expert);
        await _service.EscalateAsync(complaint.Id, LegalRisks.PublicOpinion, "用户在微博发帖", Expert);

        var tasks = await _queries.ForComplaintAsync(complaint.Id);
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Equal(CollaborationPurpose.RiskAssessment, t.Purpose));
        Assert.Equal([Department.Legal, Department.Compliance], tasks.Select(t => t.Department).Order().ToArray());
        // Risk assessments are due in the configured 2 working days: Monday and Tuesday.
        Assert.All(tasks, t => Assert.Equal(TestClock.Shanghai(2026, 12, 2), t.DueUtc));

        var refused = await Assert.ThrowsAsync<DomainException>(() => _service.RecordJointAssessmentAsync(complaint.Id, "评估", Expert));
        Assert.Equal("RiskAssessorOpinionsMissing", refused.Code);

        await _service.AnswerAsync(tasks.Single(t => t.Department == Department.Legal).Id, "诉讼风险中等，建议和解。", liaison);
        Assert.Equal("RiskAssessorOpinionsMissing", (await Assert.ThrowsAsync<DomainException>(() => _service.RecordJointAssessmentAsync(complaint.Id, "评估", Expert))).Code);
        await _service.AnswerAsync(tasks.Single(t => t.Department == Department.Compliance).Id, "无合规违规。", liaison);
        await _service.RecordJointAssessmentAsync(complaint.Id, "全额退款并致歉；公关口径已统一。", Expert);

        var after = await LoadAsync(_app, complaint.Id);
        Assert.Equal(LegalRisks.Lawsuit | LegalRisks.PublicOpinion, after.LegalRisks);
        Assert.Equal("全额退款并致歉；公关口径已统一。", after.JointRiskAssessment);
        Assert.Contains(after.Timeline, e => e.Kind == TimelineEventKind.JointRiskAssessmentRecorded);
        Assert.DoesNotContain("JointRiskAssessmentRequired", after.MissingBeforeResolution());
    }

    [Fact]
    public async Task R21_supervisors_see_every_department_and_the_per_department_counts()
    {
        var complaint = await StoreAsync(_app, "INV-TASK-0004");
        await _service.OpenAsync(complaint.Id, Department.Authority, CollaborationPurpose.Investigation, "请市场监管部门确认", 5, Expert);

        var all = await _queries.InboxAsync(null, TaskInboxFilter.Open, 0, 100);
        Assert.Contains(all.Rows, r => r.Department == Department.Authority && r.TrackingNumber == "INV-TASK-0004");
        var counts = await _queries.CountsByDepartmentAsync();
        Assert.Equal(7, counts.Count);
        Assert.True(counts.Single(c => c.Department == Department.Authority).Open >= 1);
        Assert.Empty((await _queries.InboxAsync([], TaskInboxFilter.All, 0, 100)).Rows);
    }

    [Theory]
    [InlineData("agent", "/tasks")]
    [InlineData("expert", "/tasks")]
    [InlineData("inspector", "/tasks")]
    [InlineData("agent", "/admin/policies")]
    [InlineData("liaison", "/admin/policies")]
    [InlineData("liaison", "/complaints")]
    public async Task R28_roles_without_the_policy_are_refused(string user, string path) =>
        await SignIn.AssertRefusedAsync(_app, user, path);

    [Theory]
    [InlineData("liaison", "/tasks")]
    [InlineData("supervisor", "/tasks")]
    [InlineData("manager", "/tasks")]
    [InlineData("admin", "/admin/policies")]
    public async Task R28_roles_with_the_policy_get_the_page(string user, string path)
    {
        var client = await SignIn.AsAsync(_app, user);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }
}
