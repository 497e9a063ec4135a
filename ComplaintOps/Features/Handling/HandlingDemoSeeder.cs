using ComplaintOps.Data;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Handling.Collaboration;
using ComplaintOps.Features.Handling.ProductPolicies;
using ComplaintOps.Features.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Handling;

/// <summary>
/// Demo data for investigation and collaboration, idempotent: department memberships of the demo liaisons
/// (liaison: legal and compliance; liaison2, added here: business, technical and public affairs) and a starting
/// policy library when it is empty.
/// </summary>
public static class HandlingDemoSeeder
{
    public const string BusinessLiaison = "liaison2";

    private static readonly (string UserName, Department[] Departments)[] Memberships =
    [
        ("liaison", [Department.Legal, Department.Compliance]),
        (BusinessLiaison, [Department.Business, Department.Technical, Department.PublicAffairs, Department.OutsideExpert, Department.Authority]),
    ];

    public static async Task SeedAsync(IDbContextFactory<ComplaintOpsDb> dbFactory, UserManager<AppUser> users, string password, DateTime nowUtc, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(BusinessLiaison) is null)
        {
            var user = new AppUser { UserName = BusinessLiaison, DisplayName = "钱伟", WorkAlias = "业务联络 0702", EmailConfirmed = true };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, Roles.DepartmentLiaison));
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var (userName, departments) in Memberships)
        {
            var user = await users.FindByNameAsync(userName);
            if (user is null) continue;
            var has = await db.DepartmentMembers.Where(m => m.UserId == user.Id).Select(m => m.Department).ToListAsync(ct);
            foreach (var department in departments.Except(has))
                db.DepartmentMembers.Add(new DepartmentMember { UserId = user.Id, Department = department });
        }

        if (!await db.ProductPolicies.AnyAsync(ct))
        {
            foreach (var line in Intake.IntakeOptions.DefaultProductLines)
            {
                db.ProductPolicies.Add(Policy(line, "退款与售后政策", $"{line}：用户申请退款后，商家应在 48 小时内处理；超时未处理的，平台先行退款（先行赔付）。七天无理由退货按《消费者权益保护法》执行。", nowUtc));
                db.ProductPolicies.Add(Policy(line, "赔付范围与快赔额度", $"{line}：500 元以下的损失经核实可快速赔付（快赔）；超过额度的赔付需服务专家审批，并记录依据。", nowUtc));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static ProductPolicy Policy(string line, string title, string body, DateTime nowUtc) =>
        new() { ProductLine = line, Title = title, Body = body, Active = true, UpdatedAtUtc = nowUtc, UpdatedByName = "System" };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {BusinessLiaison}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
