using ComplaintOps.Features.Identity;

namespace ComplaintOps.Features.Handling;

/// <summary>Authorisation for investigation and collaboration (R18, R21, R28).</summary>
public static class HandlingPolicies
{
    /// <summary>The collaboration task inbox (/tasks): liaisons answer their departments' tasks; supervisors and managers watch them.</summary>
    public const string Tasks = "CollaborationTasks";

    public static readonly string[] TaskRoles = [Roles.DepartmentLiaison, Roles.Supervisor, Roles.Manager];

    /// <summary>Who sees every department's tasks and the overdue count per department.</summary>
    public static readonly string[] TaskOverseerRoles = [Roles.Supervisor, Roles.Manager];

    /// <summary>Who works a case: records the investigation, opens tasks, escalates, records the joint assessment.</summary>
    public static readonly string[] HandlerRoles = [Roles.Agent, Roles.Expert, Roles.Coach, Roles.Supervisor];

    /// <summary>Audit action: a handler listed past complaints of the complainant and the respondent (with a purpose).</summary>
    public const string ViewComplaintHistory = nameof(ViewComplaintHistory);
}
