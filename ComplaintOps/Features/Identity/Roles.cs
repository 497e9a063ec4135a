namespace ComplaintOps.Features.Identity;

/// <summary>The roles of requirements.md "People and roles".</summary>
public static class Roles
{
    public const string Agent = nameof(Agent);
    public const string Expert = nameof(Expert);
    public const string Coach = nameof(Coach);
    public const string Supervisor = nameof(Supervisor);
    public const string QualityInspector = nameof(QualityInspector);
    public const string Manager = nameof(Manager);
    public const string DepartmentLiaison = nameof(DepartmentLiaison);
    public const string Administrator = nameof(Administrator);

    public static readonly string[] All = [Agent, Expert, Coach, Supervisor, QualityInspector, Manager, DepartmentLiaison, Administrator];
}

/// <summary>Authorisation policies; every page and endpoint names one.</summary>
public static class Policies
{
    /// <summary>Reading and working the complaint queue.</summary>
    public const string Complaints = nameof(Complaints);

    /// <summary>Users, calendars, SLA policies and rules.</summary>
    public const string Administration = nameof(Administration);

    /// <summary>Seeing a complainant's unmasked personal data, with a purpose that is audited (R29).</summary>
    public const string RevealPersonalData = nameof(RevealPersonalData);

    /// <summary>Taking complaints in at the console: the handling roles, not inspectors or managers.</summary>
    public const string Intake = nameof(Intake);

    /// <summary>Any signed-in console user.</summary>
    public const string Console = nameof(Console);

    public static readonly string[] IntakeRoles = [Roles.Agent, Roles.Expert, Roles.Coach, Roles.Supervisor];
    /// <summary>Supervisors' and managers' views of the whole floor: batch incidents, answer rate, the crisis board.</summary>
    public const string Board = nameof(Board);

    public static readonly string[] BoardRoles = [Roles.Supervisor, Roles.Manager];

    public static readonly string[] RevealRoles = [Roles.Agent, Roles.Expert, Roles.Coach, Roles.Supervisor];

    public static readonly string[] ComplaintRoles =
        [Roles.Agent, Roles.Expert, Roles.Coach, Roles.Supervisor, Roles.QualityInspector, Roles.Manager];
}
