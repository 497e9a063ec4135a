using System.Diagnostics;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Intake;

/// <summary>
/// Picks the intake-desk owner for complaints that arrive without an agent (public page, API): the
/// agent with the fewest open complaints, ties broken by user name, so no complaint is ever ownerless (R34).
/// With no agent at all (a fresh installation) the shared intake desk owns it, and a supervisor hands it
/// over later: refusing the complaint would lose it.
/// <para>
/// The open-complaint count per agent is kept in memory: loaded by one grouped query, kept current by intake
/// itself (<see cref="Pick"/> and <see cref="Note"/>), and reloaded every <see cref="IntakeWriterOptions.OwnerRefreshSeconds"/>
/// in the background, because complaints are closed and handed over elsewhere. Intake no longer counts the open
/// complaints of every agent inside its write transaction (16 ms at 200,000 complaints).
/// </para>
/// </summary>
public sealed class OwnerAssignment(IDbContextFactory<ComplaintOpsDb> dbFactory, IOptions<IntakeWriterOptions> options)
{
    private static readonly ComplaintStatus[] Finished =
        Enum.GetValues<ComplaintStatus>().Where(Lifecycle.IsFinished).ToArray();

    public static readonly Actor IntakeDesk = new("intake-desk", "Intake desk");

    private sealed record Agent(string Id, string Name, string UserName);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private List<Agent>? _agents;
    private Dictionary<string, int> _open = new(StringComparer.Ordinal);
    private long _loadedAt;
    private int _refreshing;

    /// <summary>The least-loaded agent now, counted as owning one more open complaint from here on.</summary>
    public async Task<Actor> PickAsync(CancellationToken ct = default)
    {
        await EnsureLoadedAsync(ct);
        return Pick();
    }

    /// <summary>Compatibility with callers that hold a context: the same in-memory pick.</summary>
    public Task<Actor> IntakeDeskOwnerAsync(ComplaintOpsDb db, CancellationToken ct = default) => PickAsync(ct);

    /// <summary>Makes sure the counts are loaded (and starts a background reload when they are old); call outside the write lock.</summary>
    public async Task EnsureLoadedAsync(CancellationToken ct = default)
    {
        if (_agents is null)
        {
            await _loading.WaitAsync(ct);
            try
            {
                if (_agents is null) await ReloadAsync(ct);
            }
            finally
            {
                _loading.Release();
            }
            return;
        }
        if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _loadedAt)).TotalSeconds >= options.Value.OwnerRefreshSeconds
            && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                try { await ReloadAsync(CancellationToken.None); }
                catch (Exception) { /* keep the counts we have; the next pick tries again */ }
                finally { Volatile.Write(ref _refreshing, 0); }
            }, CancellationToken.None);
        }
    }

    /// <summary>The least-loaded agent from the counts in memory (load them first), counted at once.</summary>
    public Actor Pick()
    {
        lock (_gate)
        {
            if (_agents is not { Count: > 0 }) return IntakeDesk;
            Agent? best = null;
            var bestCount = int.MaxValue;
            foreach (var agent in _agents)
            {
                var count = _open.GetValueOrDefault(agent.Id);
                if (count < bestCount || (count == bestCount && string.CompareOrdinal(agent.UserName, best!.UserName) < 0))
                {
                    best = agent;
                    bestCount = count;
                }
            }
            _open[best!.Id] = bestCount + 1;
            return new Actor(best.Id, best.Name);
        }
    }

    /// <summary>A complaint received with a given owner (an agent at the console): one more open complaint for them.</summary>
    public void Note(string ownerId)
    {
        lock (_gate) _open[ownerId] = _open.GetValueOrDefault(ownerId) + 1;
    }

    /// <summary>Forgets the counts; the next pick reloads them (tests, and after bulk changes).</summary>
    public void Invalidate()
    {
        lock (_gate) _agents = null;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agents = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == Roles.Agent
            select new { user.Id, user.DisplayName, user.UserName })
            .ToListAsync(ct);
        var ids = agents.Select(a => a.Id).ToArray();
        var open = await db.Complaints
            .Where(c => ids.Contains(c.OwnerId) && !Finished.Contains(c.Status))
            .GroupBy(c => c.OwnerId)
            .Select(g => new { OwnerId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.OwnerId, g => g.Count, StringComparer.Ordinal, ct);
        lock (_gate)
        {
            _agents = agents
                .Select(a => new Agent(a.Id, string.IsNullOrWhiteSpace(a.DisplayName) ? a.UserName ?? a.Id : a.DisplayName, a.UserName ?? a.Id))
                .ToList();
            _open = open;
        }
        Interlocked.Exchange(ref _loadedAt, Stopwatch.GetTimestamp());
    }
}
