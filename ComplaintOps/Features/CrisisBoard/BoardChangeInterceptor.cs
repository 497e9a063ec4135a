using System.Data.Common;
using System.Runtime.CompilerServices;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Triage.BatchDetection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintOps.Features.CrisisBoard;

/// <summary>
/// Publishes what a successful save changed to the board's change feed: complaints added or with a new
/// severity/risk/status/handler/tier, alarms raised/acknowledged/escalated, batch incidents. Inside a
/// transaction it waits for the commit (a board re-querying before the commit would not see the rows) and
/// drops everything on rollback. Every feature's complaint writes go through SaveChanges, so they reach the
/// board without calling it.
/// </summary>
public sealed class BoardChangeInterceptor(BoardChangeFeed feed, TimeProvider time) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<string> WatchedComplaintProperties =
        [nameof(Complaint.Severity), nameof(Complaint.RiskLevel), nameof(Complaint.Status), nameof(Complaint.HandlerId), nameof(Complaint.Tier), nameof(Complaint.NextDueUtc)];

    private sealed class State
    {
        public List<Func<BoardChange>> Saving { get; } = [];
        public List<BoardChange> Uncommitted { get; } = [];
    }

    private readonly ConditionalWeakTable<DbContext, State> _states = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context, savingOnly: true);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, savingOnly: true);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit (an exception) rolls back without telling interceptors: a new one starts
    // clean. Only the uncommitted part is dropped: SaveChanges opens its own transaction after capturing what it saves.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        ForgetUncommitted(eventData.Context);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        ForgetUncommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void ForgetUncommitted(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state)) state.Uncommitted.Clear();
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context, savingOnly: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, savingOnly: false);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Forget(eventData.Context, savingOnly: false);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, savingOnly: false);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null) return;
        var state = _states.GetOrCreateValue(context);
        state.Saving.Clear();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Complaint c when entry.State == EntityState.Added:
                    state.Saving.Add(() => Added(c, now));
                    break;
                case Complaint c when entry.State == EntityState.Modified && Changed(entry, WatchedComplaintProperties):
                    var becameHighRisk = c.Severity == ComplaintSeverity.HighRisk
                        && entry.Property(nameof(Complaint.Severity)) is { IsModified: true } sev && !Equals(sev.OriginalValue, ComplaintSeverity.HighRisk);
                    state.Saving.Add(() => new BoardChange(BoardChangeKind.ComplaintChanged, now, c.Id,
                        Severity: c.Severity.ToString(), Status: c.Status.ToString(), HighRisk: becameHighRisk, TrackingNumber: c.TrackingNumber));
                    break;
                case AlarmEvent a when entry.State == EntityState.Added:
                    state.Saving.Add(() => Alarm(BoardChangeKind.AlarmRaised, a, now));
                    break;
                case AlarmEvent a when entry.State == EntityState.Modified:
                    var kind = entry.Property(nameof(AlarmEvent.AcknowledgedAtUtc)).IsModified ? BoardChangeKind.AlarmAcknowledged
                        : entry.Property(nameof(AlarmEvent.Level)).IsModified ? BoardChangeKind.AlarmEscalated
                        : BoardChangeKind.AlarmResolved;
                    state.Saving.Add(() => Alarm(kind, a, now));
                    break;
                case BatchIncident i when entry.State is EntityState.Added or EntityState.Modified:
                    state.Saving.Add(() => new BoardChange(BoardChangeKind.IncidentChanged, now, IncidentId: i.Id));
                    break;
            }
        }
    }

    /// <summary>
    /// Publishes, with the changes of <paramref name="context"/>'s open transaction and at its commit, rows written without
    /// SaveChanges (intake inserts new complaints with prepared statements); dropped if the transaction rolls back.
    /// </summary>
    public void Include(DbContext context, IEnumerable<BoardChange> changes)
    {
        if (context.Database.CurrentTransaction is null) throw new InvalidOperationException("Changes written outside SaveChanges are published at a commit.");
        _states.GetOrCreateValue(context).Uncommitted.AddRange(changes);
    }

    /// <summary>What the board hears of a new complaint.</summary>
    public static BoardChange Added(Complaint c, DateTime now) =>
        new(BoardChangeKind.ComplaintAdded, now, c.Id, Severity: c.Severity.ToString(), Status: c.Status.ToString(),
            HighRisk: c.Severity == ComplaintSeverity.HighRisk, TrackingNumber: c.TrackingNumber);

    /// <summary>What the board hears of an alarm raised without SaveChanges (numbered already).</summary>
    public static BoardChange Raised(AlarmEvent a, DateTime now) => Alarm(BoardChangeKind.AlarmRaised, a, now);

    private static BoardChange Alarm(BoardChangeKind kind, AlarmEvent a, DateTime now) =>
        new(kind, now, a.ComplaintId, a.Id, a.BatchIncidentId, AlarmKind: a.Kind.ToString(), AlarmSeverity: a.Severity.ToString());

    private static bool Changed(EntityEntry entry, HashSet<string> names) =>
        entry.Properties.Any(p => p.IsModified && names.Contains(p.Metadata.Name));

    private void Saved(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state) || state.Saving.Count == 0) return;
        var changes = state.Saving.Select(f => f()).ToList();
        state.Saving.Clear();
        if (context.Database.CurrentTransaction is not null)
            state.Uncommitted.AddRange(changes);
        else
            feed.Publish(changes);
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_states.TryGetValue(context, out var state) || state.Uncommitted.Count == 0) return;
        var changes = state.Uncommitted.ToList();
        state.Uncommitted.Clear();
        feed.Publish(changes);
    }

    private void Forget(DbContext? context, bool savingOnly)
    {
        if (context is null || !_states.TryGetValue(context, out var state)) return;
        state.Saving.Clear();
        if (!savingOnly) state.Uncommitted.Clear();
    }
}
