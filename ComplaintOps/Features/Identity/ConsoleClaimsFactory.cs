using System.Security.Claims;
using ComplaintOps.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Identity;

/// <summary>Adds the display name to the sign-in cookie so timelines can name the actor without a lookup.</summary>
public sealed class ConsoleClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentActor.DisplayNameClaim, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? user.Id : user.DisplayName));
        return identity;
    }
}
