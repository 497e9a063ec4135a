using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Handling;

/// <summary>A complaint waiting to be routed, with whoever handles it now (a console agent who accepted it at first contact).</summary>
public sealed record RoutingRequest(int ComplaintId, RoutingFacts Facts, DateTime ReceivedAtUtc, string? CurrentHandlerId, Tier CurrentTier);

/// <summary>What to do with one request: keep the current handler (perhaps at a higher tier) or route to <see cref="RoutingDecision.Handler"/>.</summary>
public sealed record RoutingAssignment(RoutingRequest Request, RoutingDecision Decision, bool KeepsHandler);

/// <summary>
/// Routes a batch: most urgent first (special groups, then risk, then age — R5), each pick counting toward the
/// handler's workload for the rest of the batch, so a batch of a thousand spreads out instead of landing on
/// whoever was lightest when it started.
/// </summary>
public static class RoutingPlan
{
    public static IReadOnlyList<RoutingAssignment> Assign(IEnumerable<RoutingRequest> requests, IEnumerable<HandlerCandidate> handlers)
    {
        var pool = handlers.ToDictionary(h => h.Id, StringComparer.Ordinal);
        var ordered = requests.ToList();
        ordered.Sort((a, b) =>
        {
            var c = Routing.ComparePriority(a.Facts, a.ReceivedAtUtc, b.Facts, b.ReceivedAtUtc);
            return c != 0 ? c : a.ComplaintId.CompareTo(b.ComplaintId);
        });

        var result = new List<RoutingAssignment>(ordered.Count);
        foreach (var request in ordered)
        {
            var tier = Routing.RequiredTier(request.Facts);
            // Whoever took it at first contact keeps it when their tier is enough: moving a case the handler is
            // already working helps nobody.
            if (request.CurrentHandlerId is { } current && pool.TryGetValue(current, out var holder) && holder.Tier >= tier)
            {
                result.Add(new(request, new(tier, holder, $"Tier {tier}: {Routing.TierWhy(request.Facts, tier)}; stays with {holder.Name} ({holder.Tier})"), true));
                continue;
            }
            var decision = Routing.Route(request.Facts, pool.Values.ToList());
            if (decision.Handler is { } chosen)
            {
                pool[chosen.Id] = chosen with { OpenWorkload = chosen.OpenWorkload + 1 };
                if (request.CurrentHandlerId is { } old && pool.TryGetValue(old, out var previous))
                    pool[old] = previous with { OpenWorkload = Math.Max(0, previous.OpenWorkload - 1) };
                decision = decision with { Handler = pool[chosen.Id] };
            }
            result.Add(new(request, decision, false));
        }
        return result;
    }
}
