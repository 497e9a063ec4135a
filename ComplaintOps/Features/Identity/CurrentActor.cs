using System.Security.Claims;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Identity;

/// <summary>The signed-in user as the domain sees them: an id and the name shown on timelines.</summary>
public static class CurrentActor
{
    public const string DisplayNameClaim = "display_name";

    public static Actor From(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");
        var name = user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? id;
        return new Actor(id, name);
    }
}
