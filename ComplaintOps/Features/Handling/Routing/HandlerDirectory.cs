using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Handling.Routing;

/// <summary>A handler as pickers show them: the routing candidate plus whether routing may give them new cases.</summary>
public sealed record HandlerEntry(HandlerCandidate Candidate, string UserName, bool TakesNewCases);

/// <summary>
/// The handlers (users in the Agent, Expert and Coach roles) with their tier, skills and open workload.
/// Three queries whatever the number of complaints: handlers with roles, profiles, and workload as ONE grouped count
/// over the open-cases index.
/// </summary>
public sealed class HandlerDirectory
{
    private static readonly string[] HandlerRoles = [Roles.Agent, Roles.Expert, Roles.Coach];

    public async Task<IReadOnlyList<HandlerEntry>> ListAsync(ComplaintOpsDb db, CancellationToken ct = default)
    {
        var members = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            join u in db.Users on ur.UserId equals u.Id
            where HandlerRoles.Contains(r.Name!)
            select new { u.Id, u.UserName, u.DisplayName, Role = r.Name! })
            .ToListAsync(ct);
        var profiles = await db.HandlerProfiles.AsNoTracking().ToDictionaryAsync(p => p.UserId, ct);
        var workload = await OpenWorkloadAsync(db, ct);

        return members
            .GroupBy(m => m.Id)
            .Select(g =>
            {
                var first = g.First();
                var roleTier = g.Max(m => TierOfRole(m.Role));
                profiles.TryGetValue(first.Id, out var profile);
                var name = string.IsNullOrWhiteSpace(first.DisplayName) ? first.UserName ?? first.Id : first.DisplayName;
                var candidate = new HandlerCandidate(first.Id, name, profile?.Tier ?? roleTier,
                    profile?.ProductLines ?? [], profile?.ProblemTypes ?? [], workload.GetValueOrDefault(first.Id));
                return new HandlerEntry(candidate, first.UserName ?? first.Id, profile?.TakesNewCases ?? true);
            })
            .OrderBy(e => e.Candidate.Tier).ThenBy(e => e.UserName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The handlers routing and re-escalation may pick (those taking new cases).</summary>
    public async Task<IReadOnlyList<HandlerCandidate>> RoutableAsync(ComplaintOpsDb db, CancellationToken ct = default) =>
        (await ListAsync(db, ct)).Where(e => e.TakesNewCases).Select(e => e.Candidate).ToList();

    /// <summary>Open complaints per handler, one grouped query served by IX_Complaints_MyQueue.</summary>
    public static async Task<Dictionary<string, int>> OpenWorkloadAsync(ComplaintOpsDb db, CancellationToken ct = default) =>
        await db.Complaints
            .Where(c => c.HandlerId != null && c.Status < ComplaintStatus.Closed)
            .GroupBy(c => c.HandlerId!)
            .Select(g => new { HandlerId = g.Key, Open = g.Count() })
            .ToDictionaryAsync(x => x.HandlerId, x => x.Open, ct);

    private static Tier TierOfRole(string role) => role switch
    {
        Roles.Coach => Tier.Coach,
        Roles.Expert => Tier.Expert,
        _ => Tier.Agent,
    };
}
