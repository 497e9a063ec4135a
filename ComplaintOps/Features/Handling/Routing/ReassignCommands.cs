using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Handling.Routing;

/// <summary>A supervisor gives a case to another handler (R19); the first-contact owner stays (R34).</summary>
public sealed class ReassignCommands(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    HandlerDirectory directory,
    ComplaintCommands commands,
    BusinessTime time)
{
    /// <summary>Every handler with tier and open workload, for the reassign dialog.</summary>
    public async Task<IReadOnlyList<HandlerEntry>> HandlersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await directory.ListAsync(db, ct);
    }

    public async Task<int> ReassignAsync(int id, int expectedVersion, string handlerId, string? reason, Actor by, bool bySupervisor, CancellationToken ct = default)
    {
        var handlers = await HandlersAsync(ct);
        var to = handlers.FirstOrDefault(h => h.Candidate.Id == handlerId)?.Candidate
            ?? throw new DomainException("ReassignUnknownHandler", "Choose a handler from the list.");
        return await commands.ChangeAsync(id, expectedVersion, c => c.ReassignHandler(to, reason, bySupervisor, by, time.UtcNow), ct);
    }
}
