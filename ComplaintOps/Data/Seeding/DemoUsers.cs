using ComplaintOps.Features.Identity;

namespace ComplaintOps.Data.Seeding;

/// <summary>
/// Demo sign-ins, created only while demo seeding is on (Seeding:Demo). The README lists them.
/// With demo seeding off there are no default passwords: use the create-admin command.
/// </summary>
public static class DemoUsers
{
    public const string Password = "Demo-2026-pass";

    public sealed record DemoUser(string UserName, string Role, string DisplayName, string WorkAlias);

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("agent", Roles.Agent, "李娜", "客服 0107"),
        new("agent2", Roles.Agent, "王强", "客服 0112"),
        new("agent3", Roles.Agent, "陈静", "客服 0125"),
        new("expert", Roles.Expert, "赵敏", "服务专家 0203"),
        new("expert2", Roles.Expert, "孙磊", "服务专家 0208"),
        new("coach", Roles.Coach, "周婷", "服务教练 0301"),
        new("supervisor", Roles.Supervisor, "吴刚", "主管 0401"),
        new("inspector", Roles.QualityInspector, "郑洁", "质检 0501"),
        new("manager", Roles.Manager, "冯涛", "主管领导 0601"),
        new("liaison", Roles.DepartmentLiaison, "何芳", "法务联络 0701"),
        new("admin", Roles.Administrator, "许明", "管理员 0801"),
    ];
}
