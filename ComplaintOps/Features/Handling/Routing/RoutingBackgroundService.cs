using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Handling.Routing;

/// <summary>
/// Runs the dispatcher: routing every <see cref="RoutingOptions.PollSeconds"/>, the re-escalation sweep every
/// <see cref="RoutingOptions.EscalationSweepSeconds"/>. Intake routes new complaints itself (<see cref="IntakeRouting"/>);
/// what it could not route waits at most one poll.
/// Polling runs on wall-clock time; the business clock (BusinessTime) decides what is overdue.
/// </summary>
internal sealed class RoutingBackgroundService(
    RoutingDispatcher dispatcher,
    IOptions<RoutingOptions> options,
    ILogger<RoutingBackgroundService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Background) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(o.PollSeconds));
        var nextSweep = DateTime.MinValue;
        do
        {
            try
            {
                var routed = await dispatcher.RouteWaitingAsync(stoppingToken);
                if (routed > 0) log.LogInformation("Routed {Count} complaints", routed);
                if (DateTime.UtcNow >= nextSweep)
                {
                    var moved = await dispatcher.ReescalateAsync(stoppingToken);
                    if (moved > 0) log.LogInformation("Re-escalated {Count} complaints", moved);
                    nextSweep = DateTime.UtcNow.AddSeconds(o.EscalationSweepSeconds);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.LogError(e, "Routing run failed; retrying on the next poll");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
