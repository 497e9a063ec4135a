using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Handling.Routing;

/// <summary>Demo skills for the demo handlers (agent … coach), added once; existing profiles are left alone.</summary>
public static class HandlerSkillSeeder
{
    private static readonly (string User, Tier Tier, string[] Lines, ProblemType[] Types)[] Demo =
    [
        ("agent", Tier.Agent, ["电商平台", "本地生活", "网约车"], [ProblemType.ConsumerRights, ProblemType.Operations]),
        ("agent2", Tier.Agent, ["短视频", "在线支付", "手机游戏"], [ProblemType.Product, ProblemType.ConsumerRights, ProblemType.Operations]),
        ("agent3", Tier.Agent, ["云服务", "在线教育", "电商平台"], [ProblemType.Product, ProblemType.Qualification, ProblemType.IntellectualProperty]),
        ("expert", Tier.Expert, ["电商平台", "在线支付", "本地生活", "网约车"], []),
        ("expert2", Tier.Expert, ["短视频", "云服务", "在线教育", "手机游戏"], []),
        ("coach", Tier.Coach, [], []),
    ];

    public static async Task SeedAsync(ComplaintOpsDb db, CancellationToken ct = default)
    {
        var names = Demo.Select(d => d.User).ToArray();
        var users = await db.Users.Where(u => names.Contains(u.UserName!)).Select(u => new { u.Id, u.UserName }).ToListAsync(ct);
        var existing = (await db.HandlerProfiles.Select(p => p.UserId).ToListAsync(ct)).ToHashSet();
        foreach (var (user, tier, lines, types) in Demo)
        {
            var id = users.FirstOrDefault(u => u.UserName == user)?.Id;
            if (id is null || existing.Contains(id)) continue;
            db.HandlerProfiles.Add(new HandlerProfile { UserId = id, Tier = tier, ProductLines = [.. lines], ProblemTypes = [.. types] });
        }
        await db.SaveChangesAsync(ct);
    }
}
