using ComplaintOps.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ComplaintOps.Features.CrisisBoard;

/// <summary>
/// /hubs/crisis: wallboards and other tools receive the board's changes as "boardChanged" (<see cref="BoardChange"/>).
/// Supervisors and managers only (sign-in cookie); see docs/crisis-hub.md.
/// </summary>
[Authorize(Policy = Policies.Board)]
public sealed class CrisisHub : Hub
{
    public const string Path = "/hubs/crisis";
    public const string BoardGroup = "board";
    public const string ChangedMethod = "boardChanged";

    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, BoardGroup);
        await base.OnConnectedAsync();
    }

    /// <summary>Round trip for tools that want to check the connection; returns the server's UTC time.</summary>
    public DateTime Ping() => DateTime.UtcNow;
}
