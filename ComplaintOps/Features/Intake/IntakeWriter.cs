using System.Globalization;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Intake.Api;
using ComplaintOps.Features.Triage;
using ComplaintOps.Features.Triage.BatchDetection;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Intake;

/// <summary>
/// Remember the answer to an API request in the same transaction as its complaint (R6): <see cref="Response"/>
/// gives the body and Location of the 201 from the complaint about to be saved.
/// </summary>
public sealed record IdempotencyIntent(int ApiKeyId, string Key, string RequestHash, Func<Complaint, (string Body, string Location)> Response);

/// <summary>What intake did: the complaint it saved, or the earlier answer held by the same idempotency key (nothing saved).</summary>
public sealed record IntakeOutcome(Complaint? Complaint, IdempotencyRecord? Earlier);

/// <summary>
/// The single in-process writer of intake (group commit). Every intake is queued here; one loop takes what is
/// queued at that moment (up to <see cref="IntakeWriterOptions.MaxGroupSize"/>) and writes it in ONE transaction,
/// committed durably (the database's synchronous mode is untouched); each caller's task completes only after the commit
/// that holds its complaint. Inside the group the complaints are built, graded and numbered one after another (the writer
/// hands out ids itself, under the write lock), so tracking numbers and ids follow each other, the repeat rule counts the
/// earlier ones and batch detection sees — and links — the other members of the group before anything is inserted. The
/// new complaints, their timelines and API answers are then inserted by prepared statements (<see cref="RowInserter{T}"/>);
/// what else the group changed (incidents, alarms, earlier complaints) is saved through EF in the same transaction.
/// <para>
/// A member whose data the rules refuse (a <see cref="DomainException"/> before anything of it was written) fails
/// alone. If the group's transaction fails for any other reason, it is rolled back and every member is written again
/// in its own transaction, so only the member that fails by itself is failed.
/// </para>
/// </summary>
public sealed class IntakeWriter : IAsyncDisposable
{
    private readonly IDbContextFactory<ComplaintOpsDb> _dbFactory;
    private readonly WorkingCalendarService _calendar;
    private readonly OwnerAssignment _owners;
    private readonly BusinessTime _time;
    private readonly TriageService _triage;
    private readonly BatchDetector _batches;
    private readonly Archive.ArchiveService _archive;
    private readonly IOptions<IntakeWriterOptions> _options;
    private readonly IOptions<IntakeApiOptions> _apiOptions;
    private readonly ILogger<IntakeWriter> _log;
    /// <summary>Publishes the complaints inserted without SaveChanges to the board at commit; absent where no board runs (component tests).</summary>
    private readonly CrisisBoard.BoardChangeInterceptor? _board;
    private readonly System.Threading.Channels.Channel<Job> _queue = System.Threading.Channels.Channel.CreateUnbounded<Job>(new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    /// <summary>Turns at the write lock with the routing dispatcher (no polling sleeps behind its batches).</summary>
    private readonly WriteGate _gate;
    /// <summary>Routes the group's complaints before the insert; absent where no routing runs (component tests).</summary>
    private readonly Handling.Routing.IntakeRouting? _routing;

    public IntakeWriter(
        IDbContextFactory<ComplaintOpsDb> dbFactory, WorkingCalendarService calendar, OwnerAssignment owners, BusinessTime time,
        TriageService triage, BatchDetector batches, Archive.ArchiveService archive, IOptions<IntakeWriterOptions> options, IOptions<IntakeApiOptions> apiOptions,
        ILogger<IntakeWriter> log, CrisisBoard.BoardChangeInterceptor? board = null, WriteGate? gate = null,
        Handling.Routing.IntakeRouting? routing = null)
    {
        _gate = gate ?? new WriteGate();
        _routing = routing;
        (_dbFactory, _calendar, _owners, _time, _triage, _batches, _archive, _options, _apiOptions, _board, _log) =
            (dbFactory, calendar, owners, time, triage, batches, archive, options, apiOptions, board, log);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Commits so far, and complaints in them (for the benchmark and tests: mean group size = complaints / commits).</summary>
    public long Commits => Interlocked.Read(ref _commits);
    public long Written => Interlocked.Read(ref _written);
    /// <summary>The writer's time by phase (see <see cref="IntakeWriterPhases"/>).</summary>
    public IntakeWriterPhases Phases { get; } = new();
    private long _commits;
    private long _written;

    /// <summary>
    /// One intake. <paramref name="decide"/> runs on the received complaint before it is saved (accept, close…);
    /// it must be repeatable (a failed group writes its members again). Once queued the complaint is written even
    /// if <paramref name="ct"/> is cancelled later: the caller only stops waiting.
    /// </summary>
    public async Task<IntakeOutcome> WriteAsync(
        NewComplaint data, Actor receivedBy, Actor? owner, Action<Complaint, DateTime> decide,
        IReadOnlyCollection<long> attachmentIds, IdempotencyIntent? idempotency, CancellationToken ct = default)
    {
        // Outside the write lock: the first call loads the per-agent counts, later ones start a background refresh when due.
        if (owner is null) await _owners.EnsureLoadedAsync(ct);
        var job = new Job(data, receivedBy, owner, decide, attachmentIds, idempotency);
        if (!_queue.Writer.TryWrite(job)) throw new ObjectDisposedException(nameof(IntakeWriter));
        return await job.Done.Task.WaitAsync(ct);
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        var group = new List<Job>();
        while (await reader.WaitToReadAsync())
        {
            group.Clear();
            var max = _options.Value.MaxGroupSize;
            while (group.Count < max && reader.TryRead(out var job)) group.Add(job);
            try
            {
                await WriteGroupAsync(group);
            }
            catch (Exception e)
            {
                // Never let the loop die: whoever is still waiting hears about it.
                foreach (var job in group) job.Done.TrySetException(e);
            }
        }
    }

    private async Task WriteGroupAsync(List<Job> group)
    {
        if (group.Count == 1)
        {
            await WriteAloneAsync(group[0]);
            return;
        }
        GroupWrite written;
        try
        {
            Phases.Start();
            using var turn = await _gate.EnterAsync();
            Phases.End(IntakeWriterPhases.Phase.Gate);
            var db = await ContextAsync();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                Phases.End(IntakeWriterPhases.Phase.Begin);
                written = await WriteAllAsync(db, group);
                await tx.CommitAsync();
            }
            db.ChangeTracker.Clear();
            Phases.End(IntakeWriterPhases.Phase.Commit);
            Phases.Finish();
        }
        catch (Exception e)
        {
            await DropContextAsync();
            _batches.Forget();
            _routing?.Forget();
            _log.LogWarning(e, "A group of {Count} intakes failed to commit; writing them one by one", group.Count);
            foreach (var job in group) await WriteAloneAsync(job);
            return;
        }
        Finish(written);
    }

    private async Task WriteAloneAsync(Job job)
    {
        try
        {
            Phases.Start();
            GroupWrite written;
            using (await _gate.EnterAsync())
            {
                Phases.End(IntakeWriterPhases.Phase.Gate);
                var db = await ContextAsync();
                await using (var tx = await db.Database.BeginTransactionAsync())
                {
                    Phases.End(IntakeWriterPhases.Phase.Begin);
                    written = await WriteAllAsync(db, [job]);
                    await tx.CommitAsync();
                }
                db.ChangeTracker.Clear();
            }
            Phases.End(IntakeWriterPhases.Phase.Commit);
            Phases.Finish();
            Finish(written);
        }
        catch (Exception e)
        {
            await DropContextAsync();
            _batches.Forget();
            _routing?.Forget();
            job.Done.TrySetException(e);
        }
    }

    /// <summary>
    /// The writer's own context, kept with its connection open from one write to the next (emptied after each): SQLite's
    /// page cache of that connection stays warm — a pooled connection that another connection's write went past starts
    /// cold — and the prepared inserts (<see cref="RowInserter{T}"/>) are compiled once instead of once per write.
    /// Dropped after a failed write, so a connection left in a bad state is not reused.
    /// </summary>
    private async Task<ComplaintOpsDb> ContextAsync()
    {
        if (_db is not null) return _db;
        var db = await _dbFactory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        return _db = db;
    }

    private async Task DropContextAsync()
    {
        if (_db is null) return;
        var db = _db;
        _db = null;
        try
        {
            await db.DisposeAsync();
        }
        catch (Exception e)
        {
            _log.LogWarning(e, "The intake writer's context failed to close");
        }
    }

    private ComplaintOpsDb? _db;

    private void Finish(GroupWrite written)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _written, written.Results.Count(r => r.Outcome.Complaint is not null));
        foreach (var (job, outcome) in written.Results) job.Done.TrySetResult(outcome);
        foreach (var (job, error) in written.Refused) job.Done.TrySetException(error);
    }

    /// <summary>
    /// Writes <paramref name="jobs"/> on one context inside the caller's transaction (not committed). What a member needs
    /// from the database is read once for the whole group (earlier idempotency answers, repeat counts per phone, the day's
    /// tracking-number row, the highest complaint id); the members are graded and numbered in order — each counting the
    /// earlier ones with the same phone —, batch detection links them one after another in the same order, and they are
    /// inserted in their final state.
    /// </summary>
    private async Task<GroupWrite> WriteAllAsync(ComplaintOpsDb db, IReadOnlyList<Job> jobs)
    {
        var results = new List<(Job Job, IntakeOutcome Outcome)>(jobs.Count);
        var refused = new List<(Job Job, DomainException Error)>();
        var earlierAnswers = await EarlierAnswersAsync(db, jobs);
        var repeats = await _triage.EarlierComplaintsByPhoneAsync(db, jobs.Select(j => j.Data.Complainant.Phone));
        var rules = await _triage.RulesAsync(db);
        var clock = _calendar.Clock;
        // Numbered here, inside the write transaction: detection links the group's complaints before the one insert.
        var highestId = await TableIds.HighestAsync<Complaint>(db);
        Phases.End(IntakeWriterPhases.Phase.Reads);
        var saved = new List<(Job Job, Complaint Complaint)>(jobs.Count);
        var answers = new List<IdempotencyRecord>();
        var sequences = new Dictionary<DateOnly, DailySequence>();

        foreach (var job in jobs)
        {
            var now = _time.UtcNow;
            if (job.Idempotency is { } intent && earlierAnswers.TryGetValue((intent.ApiKeyId, intent.Key), out var earlier))
            {
                // The same key earlier in this group or already in the database: answer as the first request was answered.
                results.Add((job, new IntakeOutcome(null, earlier)));
                continue;
            }

            // Built in memory first: if the rules refuse it, nothing of this member has touched the context.
            var day = clock.BusinessDate(now);
            if (!sequences.TryGetValue(day, out var sequence)) sequences[day] = sequence = await SequenceAsync(db, day);
            var owner = job.Owner ?? _owners.Pick();
            var phone = job.Data.Complainant.Phone?.Trim() ?? "";
            Complaint complaint;
            try
            {
                complaint = Complaint.Receive(job.Data, TrackingNumbers.Format(day, sequence.Last + 1), job.ReceivedBy, owner, now);
                // Graded by the rules (R8, R10), with the reasons on the timeline; see TriageService.Grade for when the caller's grade stands.
                complaint.ApplyRuleGrade(_triage.Grade(job.Data, repeats.GetValueOrDefault(phone), rules), Actor.System, now);
                job.Decide(complaint, now);
                complaint.ApplySchedule(clock.Compute(complaint.SlaFacts));
            }
            catch (DomainException e)
            {
                refused.Add((job, e));
                continue;
            }
            sequence.Last++;
            complaint.AssignId(++highestId);
            if (job.Owner is not null) _owners.Note(job.Owner.Id);
            if (phone.Length > 0) repeats[phone] = repeats.GetValueOrDefault(phone) + 1;
            // A complaint finished at first contact is archived below, through EF (it must be tracked); the others are
            // inserted by prepared statements after detection.
            if (Lifecycle.IsFinished(complaint.Status)) db.Complaints.Add(complaint);
            saved.Add((job, complaint));
            results.Add((job, new IntakeOutcome(complaint, null)));

            if (job.Idempotency is { } idem)
            {
                var (body, location) = idem.Response(complaint);
                var record = new IdempotencyRecord
                {
                    ApiKeyId = idem.ApiKeyId, Key = idem.Key, RequestHash = idem.RequestHash, CreatedAtUtc = now,
                    StatusCode = StatusCodes.Status201Created, ResponseBody = body, Location = location,
                };
                answers.Add(record);
                earlierAnswers[(idem.ApiKeyId, idem.Key)] = record;
            }
        }
        Phases.End(IntakeWriterPhases.Phase.Build);
        if (saved.Count == 0)
        {
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(); // the day's sequence row may be new
            return new GroupWrite(results, refused);
        }
        // Batches and repeats are linked on the new complaints before they are inserted.
        var becameHighRisk = await _batches.DetectAsync(db, saved.Select(s => s.Complaint).ToList());
        Phases.End(IntakeWriterPhases.Phase.Detect);
        // Routed after detection (a batch member needs a higher tier), so they go in routed (R19).
        if (_routing is not null)
        {
            await _routing.RouteAsync(db, saved.Select(s => s.Complaint).ToList(), _time.UtcNow);
            await _routing.ReescalateRiskRiseAsync(db, becameHighRisk, _time.UtcNow);
        }
        Phases.End(IntakeWriterPhases.Phase.Route);
        // R10: the immediate alarm of each complaint that arrived high-risk (graded so, or a batch member), and of each earlier
        // one that became high-risk by joining an incident, in this transaction (not left to the board's publisher, whose
        // own write transactions would queue behind and between intake's groups).
        var raisedAt = _time.UtcNow;
        var alarms = saved.Select(s => CrisisBoard.AlarmService.ForNewComplaint(s.Complaint, raisedAt)).OfType<CrisisBoard.AlarmEvent>().ToList();
        alarms.AddRange(await CrisisBoard.AlarmService.ForComplaintsBecameHighRiskAsync(db, becameHighRisk, raisedAt));
        Phases.End(IntakeWriterPhases.Phase.Alarms);
        await InsertAsync(db, saved.Select(s => s.Complaint).Where(c => !Lifecycle.IsFinished(c.Status)).ToList(), answers, alarms, raisedAt);
        Phases.End(IntakeWriterPhases.Phase.Insert);
        // The rest through EF: incidents and their alarms, complaints saved earlier that joined or were repeated, the sequence row.
        await db.SaveChangesAsync();

        foreach (var (job, complaint) in saved.Where(s => s.Job.AttachmentIds.Count > 0))
        {
            var ids = job.AttachmentIds.ToArray();
            await db.Attachments.Where(a => ids.Contains(a.Id) && a.ComplaintId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ComplaintId, complaint.Id));
        }
        // Closed on first contact or out of scope: archived at once, like every closure (R27); the archive saves itself.
        foreach (var (job, complaint) in saved.Where(s => Lifecycle.IsFinished(s.Complaint.Status)))
            await _archive.ArchiveAsync(db, complaint, job.ReceivedBy, _time.UtcNow);
        Phases.End(IntakeWriterPhases.Phase.Save);
        return new GroupWrite(results, refused);
    }

    /// <summary>
    /// Inserts the group's new complaints, their timelines, their alarms and the API answers with prepared statements (see
    /// <see cref="RowInserter{T}"/>), in the open transaction; the board hears of the complaints and alarms at its commit.
    /// </summary>
    private async Task InsertAsync(ComplaintOpsDb db, IReadOnlyList<Complaint> complaints, IReadOnlyList<IdempotencyRecord> answers,
        IReadOnlyList<CrisisBoard.AlarmEvent> alarms, DateTime nowUtc)
    {
        var inserters = _inserters ??= new Inserters(db.Model);
        if (complaints.Count > 0)
        {
            await using (var rows = inserters.Complaints.Begin(db))
                foreach (var complaint in complaints) await rows.AddAsync(complaint);
            await using (var events = inserters.Timeline.Begin(db))
                foreach (var complaint in complaints)
                    foreach (var e in complaint.Timeline) await events.AddAsync(e, complaint.Id);
            _board?.Include(db, complaints.Select(c => CrisisBoard.BoardChangeInterceptor.Added(c, nowUtc)));
        }
        if (alarms.Count > 0)
        {
            // Numbered here like the complaints, so the board hears of each alarm by its id (an EF insert cost ~0.26 ms each,
            // one per complaint in a batch storm).
            var highest = await TableIds.HighestAsync<CrisisBoard.AlarmEvent>(db);
            await using (var rows = inserters.Alarms.Begin(db))
                foreach (var alarm in alarms)
                {
                    alarm.AssignId(++highest);
                    await rows.AddAsync(alarm);
                }
            _board?.Include(db, alarms.Select(a => CrisisBoard.BoardChangeInterceptor.Raised(a, nowUtc)));
        }
        if (answers.Count > 0)
        {
            await using var rows = inserters.Answers.Begin(db);
            foreach (var answer in answers) await rows.AddAsync(answer);
        }
    }

    /// <summary>The prepared inserts, built once from the model.</summary>
    private sealed class Inserters(Microsoft.EntityFrameworkCore.Metadata.IModel model)
    {
        public RowInserter<Complaint> Complaints { get; } = new(model, generatedKey: false);
        public RowInserter<TimelineEvent> Timeline { get; } = new(model, generatedKey: true, nameof(TimelineEvent.ComplaintId));
        public RowInserter<IdempotencyRecord> Answers { get; } = new(model, generatedKey: true);
        public RowInserter<CrisisBoard.AlarmEvent> Alarms { get; } = new(model, generatedKey: false);
    }

    private Inserters? _inserters;

    /// <summary>
    /// The answers already held by the group's idempotency keys, in one query. A reservation left by a process that stopped
    /// between saving and answering (the old three-transaction code) held nothing: it is removed and the key is free.
    /// </summary>
    private async Task<Dictionary<(int, string), IdempotencyRecord>> EarlierAnswersAsync(ComplaintOpsDb db, IReadOnlyList<Job> jobs)
    {
        var answers = new Dictionary<(int, string), IdempotencyRecord>();
        var intents = jobs.Select(j => j.Idempotency).OfType<IdempotencyIntent>().ToList();
        if (intents.Count == 0) return answers;
        var apiKeyIds = intents.Select(i => i.ApiKeyId).Distinct().ToArray();
        var keys = intents.Select(i => i.Key).Distinct(StringComparer.Ordinal).ToArray();
        var found = await AnswersByKey(db, apiKeyIds, keys).ToListAsync();
        var now = _time.UtcNow;
        var abandoned = false;
        foreach (var record in found)
        {
            if (IdempotencyStore.IsAbandoned(record, now, _apiOptions.Value))
            {
                db.IdempotencyRecords.Remove(record);
                abandoned = true;
            }
            else answers[(record.ApiKeyId, record.Key)] = record;
        }
        if (abandoned) await db.SaveChangesAsync();
        return answers;
    }

    // Compiled once: the writer's per-write reads are few and small, and EF's preparation of a query from its expression
    // tree (funcletizing, the query cache's lookup) cost more than running them (docs/benchmarks.md, intake round 7).
    private static readonly Func<ComplaintOpsDb, string, Task<DailySequence?>> SequenceByDay =
        EF.CompileAsyncQuery((ComplaintOpsDb db, string day) => db.DailySequences.FirstOrDefault(s => s.Day == day));

    private static readonly Func<ComplaintOpsDb, int[], string[], IAsyncEnumerable<IdempotencyRecord>> AnswersByKey =
        EF.CompileAsyncQuery((ComplaintOpsDb db, int[] apiKeyIds, string[] keys) =>
            db.IdempotencyRecords.Where(r => apiKeyIds.Contains(r.ApiKeyId) && keys.Contains(r.Key)));

    private sealed record GroupWrite(List<(Job Job, IntakeOutcome Outcome)> Results, List<(Job Job, DomainException Error)> Refused);

    /// <summary>The day's tracking-number row, tracked by the context (read once per group).</summary>
    private static async Task<DailySequence> SequenceAsync(ComplaintOpsDb db, DateOnly day)
    {
        var key = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var row = await SequenceByDay(db, key);
        if (row is null)
        {
            row = new DailySequence { Day = key };
            db.DailySequences.Add(row);
        }
        return row;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        await DropContextAsync();
    }

    private sealed record Job(
        NewComplaint Data, Actor ReceivedBy, Actor? Owner, Action<Complaint, DateTime> Decide,
        IReadOnlyCollection<long> AttachmentIds, IdempotencyIntent? Idempotency)
    {
        public TaskCompletionSource<IntakeOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
