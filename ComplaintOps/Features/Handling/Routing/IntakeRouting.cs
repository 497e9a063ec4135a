using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Handling.Routing;

/// <summary>
/// Routes a group of new complaints inside intake's write transaction, before they are inserted (R19, R5): the same plan
/// as the dispatcher's (<see cref="RoutingPlan.Assign"/>, most urgent first, workloads counted as it goes), so a complaint
/// goes in already routed — no second UPDATE of every new complaint and no routing transaction between intake's groups
/// (docs/benchmarks.md, intake round 5). The handlers and their open workloads are read at most every
/// <see cref="RoutingOptions.IntakeDirectorySeconds"/> and counted forward in memory in between; the dispatcher still
/// routes whatever intake could not (nobody taking that product line, intake routing off) and re-escalates.
/// One caller at a time: the intake writer.
/// </summary>
public sealed class IntakeRouting(
    HandlerDirectory directory, TimeProvider time, IOptions<RoutingOptions> options, IDbContextFactory<ComplaintOpsDb> dbFactory)
{
    /// <summary>Complaints the dispatcher would pick up: no handler, or a handler below the tier the case needs.</summary>
    private static readonly Func<Complaint, bool> Waits = Domain.Handling.Routing.UnhandledOrBelowRequiredTier.Compile();

    private Dictionary<string, HandlerCandidate>? _handlers;
    private long _readAt;
    /// <summary>A re-read under way on a context of its own (not in intake's transaction: it took ~40 ms of a group's time).</summary>
    private Task<Dictionary<string, HandlerCandidate>>? _refresh;

    /// <summary>Whether intake routes at all (tests that drive the dispatcher themselves turn it off).</summary>
    public bool Enabled => options.Value.AtIntake;

    /// <summary>Routes those of <paramref name="complaints"/> that wait; returns how many were routed.</summary>
    public async Task<int> RouteAsync(ComplaintOpsDb db, IReadOnlyList<Complaint> complaints, DateTime nowUtc, CancellationToken ct = default)
    {
        if (!Enabled) return 0;
        var waiting = complaints.Where(c => !Lifecycle.IsFinished(c.Status) && Waits(c)).ToList();
        if (waiting.Count == 0) return 0;
        var pool = await HandlersAsync(db, ct);
        if (pool.Count == 0) return 0;
        var byId = waiting.ToDictionary(c => c.Id);
        var plan = RoutingPlan.Assign(waiting.Select(c => new RoutingRequest(c.Id, RoutingFacts.Of(c), c.ReceivedAtUtc, c.HandlerId, c.Tier)), pool.Values);
        var routed = 0;
        foreach (var step in plan)
        {
            if (step.Decision.Handler is not { } handler) continue;
            var complaint = byId[step.Request.ComplaintId];
            var previous = complaint.HandlerId;
            complaint.Route(step.Decision, step.KeepsHandler, RoutingDispatcher.Router, nowUtc);
            // Counted forward until the next read: the new handler has one more open case, a handler it moved from one fewer.
            if (!step.KeepsHandler)
            {
                pool[handler.Id] = pool[handler.Id] with { OpenWorkload = pool[handler.Id].OpenWorkload + 1 };
                if (previous is not null && previous != handler.Id && pool.TryGetValue(previous, out var left))
                    pool[previous] = left with { OpenWorkload = Math.Max(0, left.OpenWorkload - 1) };
            }
            routed++;
        }
        return routed;
    }

    /// <summary>
    /// Re-escalates, in intake's transaction, earlier complaints whose risk rose because this group's batch detection pulled
    /// them into an incident (R10, R19 §5.4.3): the dispatcher's risk-rise rule (<see cref="Escalation.Assess"/>, the handler
    /// picked the same way), done here so the change is saved with the link that caused it — not by a dispatcher
    /// transaction queued between intake's groups (in a batch storm a third of the complaints are pulled in like this).
    /// Only the risk rise is handled here; the sweep still handles overdue clocks and repeat contacts, and whatever could
    /// not move here (no handler yet, nobody above the tier). Returns how many moved.
    /// </summary>
    public async Task<int> ReescalateRiskRiseAsync(ComplaintOpsDb db, IReadOnlyList<Complaint> becameHighRisk, DateTime nowUtc, CancellationToken ct = default)
    {
        if (!Enabled || becameHighRisk.Count == 0) return 0;
        var pool = await HandlersAsync(db, ct);
        var moved = 0;
        foreach (var complaint in becameHighRisk)
        {
            if (complaint.HandlerId is null) continue;
            var facts = RoutingFacts.Of(complaint);
            var need = Escalation.Assess(new EscalationFacts(facts, complaint.Tier, complaint.Status, complaint.NextDueUtc, false, complaint.EscalatedFor), nowUtc);
            if (need is { Cause: EscalationCause.RiskRaised } && RoutingDispatcher.TryReescalate(complaint, facts, need, pool, nowUtc)) moved++;
        }
        return moved;
    }

    /// <summary>Drops what is held (after a rolled-back group the counts may include what was not written).</summary>
    public void Forget() => (_handlers, _refresh) = (null, null);

    /// <summary>
    /// The handlers and their workloads: read in intake's transaction the first time; after that re-read in the background
    /// every <see cref="RoutingOptions.IntakeDirectorySeconds"/> and taken by the next group once read (the copy in hand is
    /// counted forward meanwhile).
    /// </summary>
    private async Task<Dictionary<string, HandlerCandidate>> HandlersAsync(ComplaintOpsDb db, CancellationToken ct)
    {
        if (_refresh is { IsCompleted: true } done)
        {
            if (done.IsCompletedSuccessfully) _handlers = done.Result;
            _refresh = null; // a failed re-read is tried again when next due
        }
        var now = time.GetTimestamp();
        if (_handlers is null)
        {
            _handlers = await ReadAsync(db, ct);
            _readAt = now;
        }
        else if (_refresh is null && time.GetElapsedTime(_readAt, now) > TimeSpan.FromSeconds(options.Value.IntakeDirectorySeconds))
        {
            _readAt = now;
            _refresh = Task.Run(async () =>
            {
                await using var own = await dbFactory.CreateDbContextAsync();
                return await ReadAsync(own, CancellationToken.None);
            });
        }
        return _handlers;
    }

    private async Task<Dictionary<string, HandlerCandidate>> ReadAsync(ComplaintOpsDb db, CancellationToken ct) =>
        (await directory.RoutableAsync(db, ct)).ToDictionary(h => h.Id, StringComparer.Ordinal);
}
