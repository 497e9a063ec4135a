using System.Text.Json.Serialization;
using System.Threading.Channels;

namespace ComplaintOps.Features.CrisisBoard;

/// <summary>What changed, as the board and the hub's clients see it (sent by name).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BoardChangeKind>))]
public enum BoardChangeKind
{
    /// <summary>A complaint was received.</summary>
    ComplaintAdded = 1,
    /// <summary>A complaint's severity, risk level, status, handler or tier changed.</summary>
    ComplaintChanged = 2,
    AlarmRaised = 3,
    AlarmAcknowledged = 4,
    AlarmEscalated = 5,
    /// <summary>A batch incident was formed or grew.</summary>
    IncidentChanged = 6,
    /// <summary>A satisfaction score came in (published by the satisfaction feature, issue 6).</summary>
    SatisfactionRecorded = 7,
    /// <summary>An alarm was resolved (its complaint finished); it leaves the feed.</summary>
    AlarmResolved = 8,
}

/// <summary>
/// One change, with no personal data (ids, grade and status only): the message the hub sends as "boardChanged"
/// and what board circuits re-query on. See docs/crisis-hub.md.
/// </summary>
public sealed record BoardChange(
    BoardChangeKind Kind,
    DateTime AtUtc,
    int? ComplaintId = null,
    long? AlarmId = null,
    int? IncidentId = null,
    string? Severity = null,
    string? Status = null,
    string? AlarmKind = null,
    string? AlarmSeverity = null,
    bool HighRisk = false,
    string? TrackingNumber = null);

/// <summary>
/// The in-process change feed: the SaveChanges interceptor (and anything else) publishes; the publisher
/// service drains it to the hub and to the open board circuits.
/// </summary>
public sealed class BoardChangeFeed
{
    private readonly Channel<IReadOnlyList<BoardChange>> _queue =
        Channel.CreateUnbounded<IReadOnlyList<BoardChange>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private ImmutableSubscribers _subscribers = ImmutableSubscribers.Empty;

    public void Publish(IReadOnlyList<BoardChange> changes)
    {
        if (changes.Count > 0) _queue.Writer.TryWrite(changes);
    }

    public void Publish(BoardChange change) => Publish([change]);

    internal ChannelReader<IReadOnlyList<BoardChange>> Reader => _queue.Reader;

    /// <summary>Board circuits subscribe here; the callback must not block (it runs on the publisher).</summary>
    public IDisposable Subscribe(Func<IReadOnlyList<BoardChange>, Task> onChanges)
    {
        lock (_gate) _subscribers = _subscribers.Add(onChanges);
        return new Subscription(this, onChanges);
    }

    internal IReadOnlyList<Func<IReadOnlyList<BoardChange>, Task>> Subscribers => _subscribers.Items;

    public int SubscriberCount => _subscribers.Items.Count;

    private sealed class Subscription(BoardChangeFeed feed, Func<IReadOnlyList<BoardChange>, Task> callback) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._gate) feed._subscribers = feed._subscribers.Remove(callback);
        }
    }

    private sealed record ImmutableSubscribers(IReadOnlyList<Func<IReadOnlyList<BoardChange>, Task>> Items)
    {
        public static readonly ImmutableSubscribers Empty = new([]);
        public ImmutableSubscribers Add(Func<IReadOnlyList<BoardChange>, Task> s) => new([.. Items, s]);
        public ImmutableSubscribers Remove(Func<IReadOnlyList<BoardChange>, Task> s) => new(Items.Where(x => x != s).ToList());
    }
}
