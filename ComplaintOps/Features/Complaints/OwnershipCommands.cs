using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Complaints;

/// <summary>A console user who can own complaints, as the hand-over picker lists them.</summary>
public sealed record OwnerCandidate(string Id, string UserName, string DisplayName);

/// <summary>Formal hand-over of first-contact ownership (R34), saved like every other complaint change.</summary>
public sealed class OwnershipCommands(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    ComplaintCommands commands,
    BusinessTime time)
{
    /// <summary>Roles whose users may own a complaint: the ones that handle cases.</summary>
    public static readonly string[] OwnerRoles = Policies.IntakeRoles;

    public async Task<IReadOnlyList<OwnerCandidate>> CandidatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
            from user in db.Users
            where db.UserRoles.Any(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && OwnerRoles.Contains(r.Name!)))
            orderby user.UserName
            select new OwnerCandidate(user.Id, user.UserName ?? user.Id, user.DisplayName))
            .ToListAsync(ct);
    }

    public Task<int> OfferAsync(int id, int expectedVersion, Actor by, bool bySupervisor, Actor to, string reason, CancellationToken ct = default) =>
        commands.ChangeAsync(id, expectedVersion, c => c.OfferHandOver(by, to, reason, time.UtcNow, bySupervisor), ct);

    public Task<int> AcceptAsync(int id, int expectedVersion, Actor by, CancellationToken ct = default) =>
        commands.ChangeAsync(id, expectedVersion, c => c.AcceptHandOver(by, time.UtcNow), ct);

    public Task<int> DeclineAsync(int id, int expectedVersion, Actor by, string? reason, CancellationToken ct = default) =>
        commands.ChangeAsync(id, expectedVersion, c => c.DeclineHandOver(by, time.UtcNow, reason), ct);
}
