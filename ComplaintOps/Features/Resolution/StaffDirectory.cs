using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Resolution;

/// <summary>Reads the handler identities an outbound text is signed with and checked against (R30).</summary>
public static class StaffDirectory
{
    /// <summary>The sender, plus the case's owner and handler: none of their real names or contacts may reach the user.</summary>
    public static async Task<(HandlerIdentity Sender, IReadOnlyList<HandlerIdentity> Staff)> ForAsync(
        ComplaintOpsDb db, Complaint complaint, Actor sender, CancellationToken ct)
    {
        var ids = new[] { sender.Id, complaint.OwnerId, complaint.HandlerId ?? "" }.Where(i => i.Length > 0).Distinct().ToArray();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new HandlerIdentity(u.Id, u.WorkAlias, u.DisplayName, u.PhoneNumber, u.Email)).ToListAsync(ct);
        var me = users.FirstOrDefault(u => u.UserId == sender.Id)
            ?? throw new DomainException("WorkAliasMissing", "You have no work alias; ask an administrator for one before writing to users.");
        return (me, users);
    }
}
