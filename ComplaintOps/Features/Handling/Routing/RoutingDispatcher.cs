using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Handling.Routing;

/// <summary>
/// Routes complaints that are open and not routed yet (R19, R5), and re-escalates worsening ones. New complaints are
/// routed by intake in its own transaction (<see cref="IntakeRouting"/>, the same plan); this routes what intake could not
/// (no handler taking them then, intake routing off) and older cases: the background service calls it every few seconds;
/// tests call it directly.
/// Batches are read most-urgent first (special groups, risk, age) and saved in one transaction each; workloads are
/// read once per batch. One run at a time per process.
/// <para>
/// First start on an existing database (the 5,000 demo complaints): cases that already have a handler and a tier that
/// suffices are not touched at all; only the ones without a handler or below the tier their grade needs are routed,
/// spread by workload — nothing piles onto one person.
/// </para>
/// </summary>
public sealed class RoutingDispatcher(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    HandlerDirectory directory,
    BusinessTime time,
    IOptions<RoutingOptions> options,
    ILogger<RoutingDispatcher> log,
    WriteGate? gate = null)
{
    /// <summary>Turns at the write lock with the intake writer: its groups wait for a routing save exactly, not by polling.</summary>
    private readonly WriteGate _writeTurn = gate ?? new WriteGate();

    /// <summary>The actor routing writes on timelines.</summary>
    public static readonly Actor Router = new("routing", "Routing");

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Routes every waiting complaint, batch by batch; returns how many were routed.</summary>
    public async Task<int> RouteWaitingAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var total = 0;
            while (true)
            {
                var (loaded, routed) = await RouteBatchAsync(ct);
                total += routed;
                if (loaded < options.Value.BatchSize || routed == 0) return total;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Re-escalates open cases whose risk rose, whose clock ran out or whose complainant came back; returns how many moved.</summary>
    public async Task<int> ReescalateAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            // Walks the candidates by id, so cases that cannot move (nobody above their tier) never hide later ones.
            var total = 0;
            var afterId = 0;
            while (true)
            {
                var (moved, nextAfterId) = await ReescalateBatchAsync(afterId, ct);
                total += moved;
                if (nextAfterId is not { } next) return total;
                afterId = next;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The waiting list, most urgent first; served by IX_Complaints_RoutingWaiting. A case someone accepted at first contact
    /// whose tier suffices is not waiting: routing never touches it, so the agent who just saved it is not met by a
    /// "changed by someone else" on their next action.
    /// </summary>
    public static IQueryable<Complaint> Waiting(ComplaintOpsDb db) =>
        db.Complaints
            .Where(c => c.RoutedAtUtc == null && c.Status < ComplaintStatus.Closed)
            .Where(Domain.Handling.Routing.UnhandledOrBelowRequiredTier)
            .OrderByDescending(c => c.SpecialGroup != SpecialGroup.None)
            .ThenByDescending(c => c.RiskLevel)
            .ThenBy(c => c.ReceivedAtUtc)
            .ThenBy(c => c.Id);

    private async Task<(int Loaded, int Routed)> RouteBatchAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var batch = await Waiting(db).Take(options.Value.BatchSize).ToListAsync(ct);
        if (batch.Count == 0) return (0, 0);
        var handlers = await directory.RoutableAsync(db, ct);
        var byId = batch.ToDictionary(c => c.Id);
        var plan = RoutingPlan.Assign(
            batch.Select(c => new RoutingRequest(c.Id, RoutingFacts.Of(c), c.ReceivedAtUtc, c.HandlerId, c.Tier)), handlers);
        var now = time.UtcNow;
        var routed = 0;
        foreach (var step in plan)
        {
            if (step.Decision.Handler is null) continue;
            byId[step.Request.ComplaintId].Route(step.Decision, step.KeepsHandler, Router, now);
            routed++;
        }
        if (routed == 0)
        {
            log.LogWarning("{Count} complaints wait for routing but there is no handler (Agent, Expert or Coach) taking new cases", batch.Count);
            return (batch.Count, 0);
        }
        return await SaveAsync(db, batch.Count, routed, ct);
    }

    /// <summary>One batch of the sweep over ids after <paramref name="afterId"/>; returns the cases moved and where to continue (null: done).</summary>
    private async Task<(int Moved, int? NextAfterId)> ReescalateBatchAsync(int afterId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.UtcNow;
        var size = options.Value.BatchSize;
        // Every handled open case, routed or accepted at first contact.
        var open = db.Complaints.Where(c => c.Id > afterId && c.HandlerId != null && c.Status < ComplaintStatus.Closed);
        // Two simple queries rather than one OR: the grade rule, and the once-only causes below Coach.
        var riskRose = await open.Where(Domain.Handling.Routing.BelowRequiredTier).OrderBy(c => c.Id).Take(size).ToListAsync(ct);
        var other = await open
            .Where(c => c.Tier != Tier.Coach
                && ((c.NextDueUtc < now && (c.EscalatedFor & EscalationCause.OverdueClock) == 0)
                    || ((c.EscalatedFor & EscalationCause.RepeatContact) == 0 && db.Complaints.Any(d => d.DuplicateOfId == c.Id))))
            .OrderBy(c => c.Id).Take(size).ToListAsync(ct);
        // A full page may have more after it: handle ids up to the smaller last id of the full pages, continue from there.
        int? until = null;
        if (riskRose.Count == size) until = riskRose[^1].Id;
        if (other.Count == size) until = Math.Min(until ?? int.MaxValue, other[^1].Id);
        var batch = riskRose.Concat(other).Where(c => until is null || c.Id <= until).DistinctBy(c => c.Id).ToList();
        if (batch.Count == 0) return (0, until);

        var ids = batch.Select(c => c.Id).ToArray();
        var repeated = (await db.Complaints.Where(d => d.DuplicateOfId != null && ids.Contains(d.DuplicateOfId.Value))
            .Select(d => d.DuplicateOfId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
        var pool = (await directory.RoutableAsync(db, ct)).ToDictionary(h => h.Id);
        var moved = 0;
        foreach (var c in batch)
        {
            var facts = RoutingFacts.Of(c);
            var need = Escalation.Assess(new EscalationFacts(facts, c.Tier, c.Status, c.NextDueUtc, repeated.Contains(c.Id), c.EscalatedFor), now);
            if (need is null) continue;
            // Nobody above the current tier: leave it; a later sweep tries again when someone is there.
            if (TryReescalate(c, facts, need, pool, now)) moved++;
        }
        if (moved == 0) return (0, until);
        var (_, saved) = await SaveAsync(db, batch.Count, moved, ct);
        return (saved, until);
    }

    /// <summary>
    /// Moves a case to the least-loaded handler at the tier <paramref name="need"/> names (or above), counting the handlers'
    /// workloads forward in <paramref name="pool"/>; false when nobody above its current tier takes it. Shared by this sweep
    /// and intake's re-escalation of complaints pulled into a batch (<see cref="IntakeRouting.ReescalateRiskRiseAsync"/>).
    /// </summary>
    public static bool TryReescalate(Complaint c, RoutingFacts facts, EscalationNeed need, Dictionary<string, HandlerCandidate> pool, DateTime nowUtc)
    {
        var pick = Domain.Handling.Routing.Pick(facts, need.Target, pool.Values.ToList(), need.Reason);
        if (pick.Handler is not { } to || to.Tier <= c.Tier) return false;
        var previous = c.HandlerId;
        c.Reescalate(need, to, Router, nowUtc);
        pool[to.Id] = to with { OpenWorkload = to.OpenWorkload + 1 };
        if (previous is not null && previous != to.Id && pool.TryGetValue(previous, out var left))
            pool[previous] = left with { OpenWorkload = Math.Max(0, left.OpenWorkload - 1) };
        return true;
    }

    private async Task<(int, int)> SaveAsync(ComplaintOpsDb db, int loaded, int changed, CancellationToken ct)
    {
        try
        {
            using (await _writeTurn.EnterAsync(ct)) await db.SaveChangesAsync(ct);
            return (loaded, changed);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved one of these cases meanwhile; nothing of this batch was written. The next run reads fresh copies.
            log.LogInformation("Routing batch of {Count} met a concurrent change; it is retried on the next run", loaded);
            return (loaded, 0);
        }
    }
}
