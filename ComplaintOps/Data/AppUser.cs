using Microsoft.AspNetCore.Identity;

namespace ComplaintOps.Data;

/// <summary>A console user. Complainants only ever see <see cref="WorkAlias"/> (R30).</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public string WorkAlias { get; set; } = "";
}
