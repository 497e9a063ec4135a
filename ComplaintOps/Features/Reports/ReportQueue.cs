using System.Collections.Concurrent;
using System.Threading.Channels;

namespace ComplaintOps.Features.Reports;

public enum ReportJobState
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
}

/// <summary>A "make now" request and how far it has got; the page shows it and is told when it changes.</summary>
public sealed class ReportJob
{
    private readonly TaskCompletionSource<StoredReport?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid Id { get; } = Guid.NewGuid();
    public required ReportPeriod Period { get; init; }
    public required string Culture { get; init; }
    public required string RequestedById { get; init; }
    public required string RequestedByName { get; init; }
    public required DateTime RequestedAtUtc { get; init; }
    public ReportJobState State { get; internal set; }
    public int Percent { get; internal set; }
    public StoredReport? Result { get; internal set; }
    public string? Error { get; internal set; }
    public bool Finished => State is ReportJobState.Done or ReportJobState.Failed;

    /// <summary>Completes with the stored report (null when it failed).</summary>
    public Task<StoredReport?> Completion => _done.Task;

    internal void Complete() => _done.TrySetResult(Result);
}

/// <summary>
/// "Make now" requests wait here and are made one at a time by <see cref="ReportWorker"/> in the background — never on a
/// Blazor circuit, so the console stays responsive. Pages subscribe to <see cref="Changed"/> for progress and completion.
/// </summary>
public sealed class ReportQueue
{
    public const int MaxKept = 50;

    private readonly Channel<ReportJob> _channel = Channel.CreateUnbounded<ReportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, ReportJob> _jobs = new();

    public event Action<ReportJob>? Changed;

    internal ChannelReader<ReportJob> Reader => _channel.Reader;

    public ReportJob Enqueue(ReportPeriod period, string culture, string userId, string userName, DateTime nowUtc)
    {
        if (!ReportService.Cultures.Contains(culture, StringComparer.Ordinal)) throw new ArgumentException($"Unsupported language '{culture}'.", nameof(culture));
        var job = new ReportJob { Period = period, Culture = culture, RequestedById = userId, RequestedByName = userName, RequestedAtUtc = nowUtc };
        _jobs[job.Id] = job;
        foreach (var old in _jobs.Values.Where(j => j.Finished).OrderByDescending(j => j.RequestedAtUtc).Skip(MaxKept)) _jobs.TryRemove(old.Id, out _);
        _channel.Writer.TryWrite(job);
        Notify(job);
        return job;
    }

    public IReadOnlyList<ReportJob> Recent() => _jobs.Values.OrderByDescending(j => j.RequestedAtUtc).ThenBy(j => j.Id).Take(20).ToList();

    internal void Notify(ReportJob job) => Changed?.Invoke(job);
}

/// <summary>Makes queued reports one after another on a background thread.</summary>
public sealed class ReportWorker(ReportQueue queue, ReportService service, ILogger<ReportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            job.State = ReportJobState.Running;
            queue.Notify(job);
            try
            {
                var progress = new JobProgress(job, queue);
                job.Result = await Task.Run(() => service.MakeAsync(job.Period, job.Culture, progress, stoppingToken), stoppingToken);
                job.Percent = 100;
                job.State = ReportJobState.Done;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                job.State = ReportJobState.Failed;
                job.Error = "Stopped";
            }
            catch (Exception e)
            {
                log.LogError(e, "Report {Period} ({Culture}) failed", job.Period, job.Culture);
                job.State = ReportJobState.Failed;
                job.Error = e.Message;
            }
            queue.Notify(job);
            job.Complete();
        }
    }

    private sealed class JobProgress(ReportJob job, ReportQueue queue) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value <= job.Percent) return;
            job.Percent = Math.Min(value, 99);
            queue.Notify(job);
        }
    }
}
