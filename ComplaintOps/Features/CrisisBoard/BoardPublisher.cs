using Microsoft.AspNetCore.SignalR;

namespace ComplaintOps.Features.CrisisBoard;

/// <summary>
/// Drains the change feed: raises the follow-up alarms (a complaint that arrived or became high-risk), pushes
/// every change to the hub group "board" and hands it to the open board circuits.
/// </summary>
public sealed class BoardPublisher(
    BoardChangeFeed feed, IHubContext<CrisisHub> hub, AlarmService alarms, ILogger<BoardPublisher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var changes in feed.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await PublishAsync(changes, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Publishing {Count} board change(s) failed.", changes.Count);
            }
        }
    }

    private async Task PublishAsync(IReadOnlyList<BoardChange> changes, CancellationToken ct)
    {
        var sends = new List<Task>(changes.Count + feed.SubscriberCount);
        foreach (var change in changes)
            sends.Add(hub.Clients.Group(CrisisHub.BoardGroup).SendAsync(CrisisHub.ChangedMethod, change, ct));
        foreach (var subscriber in feed.Subscribers)
            sends.Add(Guard(subscriber, changes));
        await Task.WhenAll(sends);

        // R10: a high-risk complaint raises an immediate alarm (its own save publishes AlarmRaised) — unless the save that
        // made it high-risk raised it already (intake does, in the complaint's own transaction).
        var raised = changes.Where(c => c.Kind == BoardChangeKind.AlarmRaised && c.ComplaintId is not null
                && c.AlarmKind is nameof(AlarmKind.NewHighRisk) or nameof(AlarmKind.Reescalation))
            .Select(c => c.ComplaintId!.Value).ToHashSet();
        var highRisk = changes.Where(c => c.HighRisk && c.ComplaintId is { } id && !raised.Contains(id)).ToList();
        if (highRisk.Count > 0)
            await alarms.RaiseHighRiskAsync(highRisk.Select(c => (c.ComplaintId!.Value, c.Kind == BoardChangeKind.ComplaintAdded)).ToList(), ct);
    }

    private async Task Guard(Func<IReadOnlyList<BoardChange>, Task> subscriber, IReadOnlyList<BoardChange> changes)
    {
        try
        {
            await subscriber(changes);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "A board subscriber failed.");
        }
    }
}
