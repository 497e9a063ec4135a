using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Handling.Collaboration;
using ComplaintOps.Features.Identity;
using ComplaintOps.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Handling;

/// <summary>The /tasks inbox (R21): overdue marked, counted per department for supervisors; a liaison sees only their departments.</summary>
public abstract class TasksInboxViewTests : ComponentTestBase
{
    /// <summary>bUnit takes the signed-in user before any service is used: set in the constructor.</summary>
    protected TasksInboxViewTests(string role, string userId)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userId);
        auth.SetRoles(role);
        auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId), new System.Security.Claims.Claim(CurrentActor.DisplayNameClaim, userId));
    }

    protected async Task<int> CaseWithTasksAsync()
    {
        var complaint = TestComplaints.Make("TS-20261128-00950", Now.AddHours(-2));
        complaint.MoveTo(ComplaintStatus.Accepted, Agent, Now.AddHours(-1));
        var id = await StoreAsync(complaint);
        var service = Services.GetRequiredService<CollaborationService>();
        await service.OpenAsync(id, Department.Legal, CollaborationPurpose.Investigation, "法务问题", 1, Agent);
        await service.OpenAsync(id, Department.Business, CollaborationPurpose.Investigation, "业务问题", 5, Agent);
        return id;
    }

}

public sealed class TasksInboxSupervisorViewTests() : TasksInboxViewTests(Roles.Supervisor, "supervisor-id")
{
    [Fact]
    public async Task R21_a_supervisor_sees_every_department_with_the_overdue_task_marked_and_counted()
    {
        await CaseWithTasksAsync();
        // Saturday + 1 working day = end of Monday; it is now Wednesday.
        Clock.SetUtcNow(TestClock.Shanghai(2026, 12, 2, 9, 0));
        Render<MudPopoverProvider>();
        var cut = Render<TasksInbox>();
        cut.WaitForElement("[data-testid=task-inbox][data-loaded=true]", TimeSpan.FromSeconds(10));

        var tasks = cut.FindAll("[data-testid=inbox-task]");
        Assert.Equal(2, tasks.Count);
        Assert.Equal(["true", "false"], tasks.Select(t => t.GetAttribute("data-overdue")!));
        Assert.Single(cut.FindAll("[data-testid=inbox-overdue]"));
        var legal = cut.Find("[data-testid=overdue-by-department] [data-department=Legal]");
        Assert.Equal("1", legal.GetAttribute("data-overdue"));
        Assert.Equal("0", cut.Find("[data-testid=overdue-by-department] [data-department=Business]").GetAttribute("data-overdue"));
        // Supervisors watch; only the department's liaison answers.
        Assert.Empty(cut.FindAll("[data-testid=inbox-answer]"));
    }
}

public sealed class TasksInboxLiaisonViewTests() : TasksInboxViewTests(Roles.DepartmentLiaison, "liaison-id")
{
    [Fact]
    public async Task R21_a_liaison_sees_only_their_departments_tasks_and_can_answer_them()
    {
        await CaseWithTasksAsync();
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            db.DepartmentMembers.Add(new DepartmentMember { UserId = "liaison-id", Department = Department.Legal });
            await db.SaveChangesAsync();
        }
        Render<MudPopoverProvider>();
        var cut = Render<TasksInbox>();
        cut.WaitForElement("[data-testid=task-inbox][data-loaded=true]", TimeSpan.FromSeconds(10));

        var task = Assert.Single(cut.FindAll("[data-testid=inbox-task]"));
        Assert.Contains("法务问题", task.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=overdue-by-department]"));
        Assert.Single(cut.FindAll("[data-testid=inbox-answer]"));
    }
}
