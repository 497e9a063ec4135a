using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Intake;

/// <summary>
/// Picks the intake-desk owner for complaints that arrive without an agent (public page, API): the
/// agent with the fewest open complaints, ties broken by user name, so no complaint is ever ownerless (R34).
/// With no agent at all (a fresh installation) the shared intake desk owns it, and a supervisor hands it
/// over later: refusing the complaint would lose it.
/// </summary>
public sealed class OwnerAssignment
{
    private static readonly ComplaintStatus[] Finished =
        Enum.GetValues<ComplaintStatus>().Where(Lifecycle.IsFinished).ToArray();

    public static readonly Actor IntakeDesk = new("intake-desk", "Intake desk");

    public async Task<Actor> IntakeDeskOwnerAsync(ComplaintOpsDb db, CancellationToken ct = default)
    {
        var pick = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == Roles.Agent
            orderby db.Complaints.Count(c => c.OwnerId == user.Id && !Finished.Contains(c.Status)), user.UserName
            select new { user.Id, user.DisplayName, user.UserName })
            .FirstOrDefaultAsync(ct);
        return pick is null
            ? IntakeDesk
            : new Actor(pick.Id, string.IsNullOrWhiteSpace(pick.DisplayName) ? pick.UserName ?? pick.Id : pick.DisplayName);
    }
}
