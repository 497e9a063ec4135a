extern alias app;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Benchmarks;

/// <summary>
/// Issue 3 §10: POST /api/v1/complaints over real HTTP (Kestrel on 127.0.0.1, the app's own host and configuration,
/// durable commit as the app runs it) against a database already holding N complaints, 50 concurrent clients,
/// then open-loop arrivals at half the peak; beside a raw Microsoft.Data.Sqlite one-row-per-transaction insert floor
/// on the same database file, same journal and synchronous mode.
/// Command line: intake [--varied] [--db PATH] [--count N] [--clients 50] [--warmup-seconds 30] [--timeline] [--profile] [--seconds 20] [--rate R]
/// [--floor-seconds 10] [--keep-copy].
/// </summary>
internal static class IntakeBench
{
    private const double GoalThroughput = 1000;
    private const double GoalFloorRatio = 0.3;
    private const double GoalP99Millis = 50;

    public static async Task RunAsync(string root, string[] args)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Int(string name, int fallback) => Option(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var options = BenchOptions.Parse(args, root);
        var clients = Int("--clients", 50);
        // 30 s: on 2 cores the runtime's tiered JIT was still recompiling (25–35 % of the process's CPU) 20 s into the load.
        var warmup = TimeSpan.FromSeconds(Int("--warmup-seconds", 30));
        var measured = TimeSpan.FromSeconds(Int("--seconds", 20));
        var floorTime = TimeSpan.FromSeconds(Int("--floor-seconds", 10));

        // The reusable seeded database, then a copy for this run, so measured inserts never grow the reusable file.
        var complaints = await BenchDatabase.EnsureAsync(root, options);
        SqliteConnection.ClearAllPools();
        await using (var c = new SqliteConnection($"Data Source={options.DatabasePath}"))
        {
            await c.OpenAsync();
            await using var checkpoint = c.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        var runDb = Path.Combine(Path.GetDirectoryName(options.DatabasePath)!, "intake-run.db");
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(runDb + suffix);
        File.Copy(options.DatabasePath, runDb);

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load average {BenchSql.LoadAverage()}");
        Console.WriteLine($"Database: copy of {options.DatabasePath} ({complaints:N0} complaints, {new FileInfo(runDb).Length / 1048576.0:F0} MB) at {runDb}");

        var profile = args.Contains("--profile") ? new SqlProfile() : null;
        await using var app = new IntakeAppFactory(root, runDb, profile);
        var baseUrl = app.Start();
        string journal, synchronous;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ComplaintOpsDb>>().CreateDbContextAsync())
        {
            // The app's own connection (its factory, its connection string): what its commits run with.
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            journal = await ScalarAsync(connection, "PRAGMA journal_mode");
            synchronous = SynchronousName(await ScalarAsync(connection, "PRAGMA synchronous"));
        }
        Console.WriteLine($"App: {baseUrl}, journal_mode={journal}, synchronous={synchronous} (on the app's own connection)");

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients * 4,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, DemoApiKey.Secret);
        // --varied: every description also carries its own detail, so similar texts (and batches) are rare, as on a normal
        // day; without it the bench's ten titles make almost every arrival join a batch (a batch storm).
        var varied = args.Contains("--varied");
        Timeline = args.Contains("--timeline");
        Console.WriteLine(varied ? "Texts: varied (batches rare)" : "Texts: ten titles, 24 fragments (most arrivals join a batch: a batch storm)");
        var bodies = new Bodies(options.Seed, varied);

        // Sanity: one request, then a replay of it, behave as the API promises.
        var probe = await PostAsync(http, bodies, Guid.NewGuid().ToString("N"), 0);
        if (probe.Status != HttpStatusCode.Created) throw new InvalidOperationException($"First POST answered {probe.Status}: {probe.Body}");
        Console.WriteLine($"Probe: 201 in {probe.Millis:F1} ms, {probe.Body}");

        // 1. Closed loop: `clients` loops, each sending its next complaint as soon as the previous one is answered.
        Console.WriteLine($"Closed loop: {clients} clients, {warmup.TotalSeconds:F0} s warm-up (not counted), {measured.TotalSeconds:F0} s measured...");
        profile?.Reset();
        var postsBefore = Interlocked.Read(ref _posts);
        var writer = Writer = app.Services.GetRequiredService<ComplaintOps.Features.Intake.IntakeWriter>();
        var (commits0, written0) = (writer.Commits, writer.Written);
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var (allocated0, paused0, wall0) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), Stopwatch.GetTimestamp());
        // The writer's time by phase over the measured window only: it is serial, so its time per complaint is a ceiling on
        // throughput whatever the cores.
        var atMeasureStart = WriterWindow.Of(writer);
        var closed = await ClosedLoopAsync(http, bodies, clients, warmup, measured, () => atMeasureStart = WriterWindow.Of(writer));
        Console.WriteLine($"  {closed}");
        Console.WriteLine($"  {closed.Cpu}");
        var (commits1, written1) = (writer.Commits, writer.Written);
        Console.WriteLine($"  {WriterWindow.Of(writer).Since(atMeasureStart)}");
        Console.WriteLine($"  group commit (warm-up included): {written1 - written0:N0} complaints in {commits1 - commits0:N0} transactions, {(written1 - written0) / (double)Math.Max(1, commits1 - commits0):F1} per commit");
        // CPU time, not wall time: what a complaint costs this process (server and the in-process clients) whatever else
        // the machine is running — the figure to compare between runs on a noisy machine.
        var cpuPerComplaint = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / Math.Max(1, written1 - written0);
        Console.WriteLine($"  process CPU (server + clients, warm-up included): {cpuPerComplaint:F2} ms per complaint; {Environment.ProcessorCount} cores fully used would allow {Environment.ProcessorCount * 1000 / cpuPerComplaint:F0}/s");
        var allocatedKb = (GC.GetTotalAllocatedBytes() - allocated0) / 1024.0 / Math.Max(1, written1 - written0);
        var pausedShare = (GC.GetTotalPauseDuration() - paused0) / Stopwatch.GetElapsedTime(wall0);
        Console.WriteLine($"  allocated {allocatedKb:F0} KB per complaint; garbage collection paused the process {pausedShare:P1} of the time");
        var profileReport = profile?.Report(Interlocked.Read(ref _posts) - postsBefore);

        // 2. Open loop at half the peak: arrivals on a fixed schedule, latency from the scheduled time (no coordinated omission).
        var rate = Option("--rate") is { } r ? double.Parse(r, CultureInfo.InvariantCulture) : Math.Max(1, closed.Throughput / 2);
        Console.WriteLine($"Open loop: {rate:F0} requests/s (half the peak), 5 s warm-up, {measured.TotalSeconds:F0} s measured...");
        (commits0, written0) = (writer.Commits, writer.Written);
        var openStart = WriterWindow.Of(writer);
        var open = await OpenLoopAsync(http, bodies, rate, TimeSpan.FromSeconds(5), measured, () => openStart = WriterWindow.Of(writer));
        Console.WriteLine($"  {open}");
        Console.WriteLine($"  {WriterWindow.Of(writer).Since(openStart)}");
        (commits1, written1) = (writer.Commits, writer.Written);
        Console.WriteLine($"  group commit (warm-up included): {written1 - written0:N0} complaints in {commits1 - commits0:N0} transactions, {(written1 - written0) / (double)Math.Max(1, commits1 - commits0):F1} per commit");

        var stage = await StageBreakdownAsync(runDb);
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();

        // 3. The floor: the same file, the same journal and synchronous mode, one INSERT of a complaint row per transaction.
        Console.WriteLine($"Floor: raw Microsoft.Data.Sqlite, one complaint row per transaction, single writer, {floorTime.TotalSeconds:F0} s...");
        var floor = await FloorAsync(runDb, floorTime);
        Console.WriteLine($"  {floor.Rows:N0} rows in {floor.Seconds:F1} s = {floor.RowsPerSecond:F0} rows/s, synchronous={floor.Synchronous}, journal_mode={floor.Journal}, p50 {floor.P50:F2} ms, p99 {floor.P99:F2} ms");

        Console.WriteLine();
        Console.WriteLine($"| run | requests | errors | complaints/s | p50 ms | p99 ms | max ms | vs floor |");
        Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(closed.Row($"closed loop, {clients} clients (peak)", floor.RowsPerSecond));
        Console.WriteLine(open.Row($"open loop, {rate:F0}/s (half of peak)", floor.RowsPerSecond));
        Console.WriteLine($"| floor: raw INSERT, 1 row/transaction, 1 writer | {floor.Rows:N0} | 0 | {floor.RowsPerSecond:F0} | {floor.P50:F2} | {floor.P99:F2} | {floor.Max:F2} | 1.00× |");
        Console.WriteLine();
        Console.WriteLine(stage);
        if (profileReport is not null)
        {
            Console.WriteLine($"Elapsed per statement during the closed loop (wall-clock inside the app, summed over all requests incl. warm-up, divided by requests):");
            Console.WriteLine(profileReport);
        }
        Console.WriteLine($"Goal ≥ {GoalThroughput:F0} complaints/s: {(closed.Throughput >= GoalThroughput ? "met" : "NOT met")} ({closed.Throughput:F0}/s)");
        Console.WriteLine($"Goal ≥ {GoalFloorRatio}× the floor: {(closed.Throughput >= GoalFloorRatio * floor.RowsPerSecond ? "met" : "NOT met")} ({closed.Throughput / floor.RowsPerSecond:F2}×)");
        Console.WriteLine($"Goal p99 ≤ {GoalP99Millis:F0} ms at half of peak: {(open.P99 <= GoalP99Millis ? "met" : "NOT met")} ({open.P99:F1} ms)");
        if (!args.Contains("--keep-copy")) foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(runDb + suffix);
    }

    private static long _posts;

    private sealed record Sample(HttpStatusCode Status, double Millis, string Body);

    private static async Task<Sample> PostAsync(HttpClient http, Bodies bodies, string key, long n, long startTimestamp = 0)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints")
        {
            Content = new ByteArrayContent(bodies.Next(n)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Add(IdempotencyStore.Header, key);
        Interlocked.Increment(ref _posts);
        var start = startTimestamp == 0 ? Stopwatch.GetTimestamp() : startTimestamp;
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Sample(response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds, body);
    }

    private sealed record RunResult(int Requests, int Errors, double Seconds, double[] Latencies, string FirstError)
    {
        /// <summary>CPU over the measured window (closed loop only).</summary>
        public string? Cpu { get; init; }

        public double Throughput => (Requests - Errors) / Seconds;
        public double P50 => Percentile(0.50);
        public double P99 => Percentile(0.99);
        public double Max => Latencies.Length == 0 ? 0 : Latencies[^1];
        private double Percentile(double p) => Latencies.Length == 0 ? double.NaN : Latencies[Math.Min(Latencies.Length - 1, (int)Math.Ceiling(p * Latencies.Length) - 1)];

        public override string ToString() =>
            $"{Requests:N0} requests in {Seconds:F1} s, {Errors} errors{(Errors > 0 ? $" (first: {FirstError})" : "")}: {Throughput:F0} complaints/s, p50 {P50:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms";

        public string Row(string name, double floor) =>
            $"| {name} | {Requests:N0} | {Errors} | {Throughput:F0} | {P50:F1} | {P99:F1} | {Max:F1} | {Throughput / floor:F2}× |";
    }

    private static async Task<RunResult> ClosedLoopAsync(HttpClient http, Bodies bodies, int clients, TimeSpan warmup, TimeSpan measured, Action? measureStarts = null)
    {
        var begin = Stopwatch.GetTimestamp();
        var measureFrom = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        var counter = 0L;
        var latencies = new List<double>[clients];
        var errors = new int[clients];
        string firstError = "";
        // The machine's and the process's CPU over the measured window only (the warm-up's JIT left out).
        var window = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, (measureFrom - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency)));
            var (cpu, machine) = (Process.GetCurrentProcess().TotalProcessorTime, CpuTimes.Read());
            measureStarts?.Invoke();
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, (end - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency)));
            return (Process.GetCurrentProcess().TotalProcessorTime - cpu, CpuTimes.Read() - machine);
        });
        var loops = Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            latencies[i] = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < end)
            {
                var sentAt = Stopwatch.GetTimestamp();
                var sample = await PostAsync(http, bodies, Guid.NewGuid().ToString("N"), Interlocked.Increment(ref counter));
                // Counted when sent inside the measured window (a request still running at the end is waited for).
                if (sentAt < measureFrom) continue;
                latencies[i].Add(sample.Millis);
                if (sample.Status != HttpStatusCode.Created)
                {
                    errors[i]++;
                    Interlocked.CompareExchange(ref firstError, $"{(int)sample.Status} {Trim(sample.Body)}", "");
                }
            }
        })).ToArray();
        await Task.WhenAll(loops);
        var (processCpu, machineCpu) = await window;
        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
        return new RunResult(all.Length, errors.Sum(), measured.TotalSeconds, all, firstError)
        {
            Cpu = $"measured window: process CPU {processCpu.TotalMilliseconds / Math.Max(1, all.Length):F2} ms per complaint; machine {machineCpu}",
        };
    }

    /// <summary>GC pauses seen by polling the runtime's total pause time (what a stall of every request could be).</summary>
    private static List<string> WatchPauses(long begin, CancellationToken ct)
    {
        var seen = new List<string>();
        var last = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        while (!ct.IsCancellationRequested)
        {
            Thread.Sleep(5);
            var now = GC.GetTotalPauseDuration();
            if (now - last > TimeSpan.FromMilliseconds(10))
                seen.Add($"{Stopwatch.GetElapsedTime(begin).TotalSeconds:F2}s:{(now - last).TotalMilliseconds:F0}ms{(GC.CollectionCount(2) > gen2 ? " (gen2)" : "")}");
            (last, gen2) = (now, GC.CollectionCount(2));
        }
        return seen;
    }

    /// <summary>--timeline: print when the open loop's slowest requests were due.</summary>
    private static bool Timeline { get; set; }
    private static ComplaintOps.Features.Intake.IntakeWriter? Writer { get; set; }

    private static async Task<RunResult> OpenLoopAsync(HttpClient http, Bodies bodies, double rate, TimeSpan warmup, TimeSpan measured, Action? measureStarts = null)
    {
        var interval = Stopwatch.Frequency / rate;
        var begin = Stopwatch.GetTimestamp();
        var measureFrom = begin + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var end = measureFrom + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        var inFlight = new List<Task<(bool Counted, Sample Sample)>>();
        using var stop = new CancellationTokenSource();
        var pauses = Timeline ? Task.Run(() => WatchPauses(begin, stop.Token)) : Task.FromResult(new List<string>());
        var measuring = false;
        for (long n = 0; ; n++)
        {
            var due = begin + (long)(n * interval);
            if (due >= end) break;
            if (!measuring && due >= measureFrom)
            {
                measuring = true;
                measureStarts?.Invoke();
            }
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var counted = due >= measureFrom;
            // Latency runs from the scheduled arrival, so a late send (client or server falling behind) counts against it.
            inFlight.Add(Task.Run(async () => (counted, await PostAsync(http, bodies, Guid.NewGuid().ToString("N"), 1_000_000 + n, due))));
        }
        var results = await Task.WhenAll(inFlight);
        await stop.CancelAsync();
        var samples = results.Where(r => r.Counted).Select(r => r.Sample).ToList();
        var errors = samples.Where(s => s.Status != HttpStatusCode.Created).ToList();
        if (Timeline)
        {
            Console.WriteLine("  GC pauses over 10 ms: " + string.Join(", ", await pauses));
            // Where the tail is: the slowest arrivals by when they were due (a stall shows as a cluster).
            var slow = results.Select((r, n) => (r, At: n / rate)).Where(x => x.r.Counted).OrderByDescending(x => x.r.Sample.Millis).Take(25).OrderBy(x => x.At);
            Console.WriteLine("  slowest: " + string.Join(", ", slow.Select(x => $"{x.At:F2}s:{x.r.Sample.Millis:F0}ms")));
            // The intake writer's slow writes in the same time base: whether a stall is inside the writer, and in which phase.
            foreach (var g in Writer?.Phases.SlowGroups.Where(g => g.StartedAt >= begin) ?? [])
                Console.WriteLine($"  slow write at {(g.StartedAt - begin) / (double)Stopwatch.Frequency:F2}s: {g.TotalMilliseconds:F0} ms ("
                    + string.Join(", ", g.Phases.Where(p => p.Value >= 1).Select(p => $"{p.Key} {p.Value:F0}")) + ")");
        }
        return new RunResult(samples.Count, errors.Count, measured.TotalSeconds, samples.Select(s => s.Millis).OrderBy(x => x).ToArray(),
            errors.Count > 0 ? $"{(int)errors[0].Status} {Trim(errors[0].Body)}" : "");
    }

    /// <summary>What the requests did to the database: outcomes of batch detection, timeline rows per complaint.</summary>
    private static async Task<string> StageBreakdownAsync(string path)
    {
        await using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await c.OpenAsync();
        var api = await ScalarAsync(c, "SELECT COUNT(*) FROM Complaints WHERE SourceName = 'ComplaintOps App (demo)'");
        var batched = await ScalarAsync(c, "SELECT COUNT(*) FROM Complaints WHERE SourceName = 'ComplaintOps App (demo)' AND BatchIncidentId IS NOT NULL");
        var dup = await ScalarAsync(c, "SELECT COUNT(*) FROM Complaints WHERE SourceName = 'ComplaintOps App (demo)' AND DuplicateOfId IS NOT NULL");
        var total = await ScalarAsync(c, "SELECT COUNT(*) FROM Complaints");
        // How a storm spreads: incidents the run's complaints joined, per product line and problem type (what one decision weighs).
        var incidents = await ScalarAsync(c, "SELECT COUNT(DISTINCT BatchIncidentId) FROM Complaints WHERE SourceName = 'ComplaintOps App (demo)'");
        var keys = await ScalarAsync(c, "SELECT COUNT(*) FROM (SELECT DISTINCT ProductLine, ProblemType FROM Complaints WHERE SourceName = 'ComplaintOps App (demo)')");
        return $"Database after the runs: {total} complaints; {api} arrived through the API in this run, {batched} of them joined a batch incident, {dup} were linked as repeats; "
            + $"they joined {incidents} incidents over {keys} product line × problem type pairs.";
    }

    private sealed record FloorResult(int Rows, double Seconds, double P50, double P99, double Max, string Synchronous, string Journal)
    {
        public double RowsPerSecond => Rows / Seconds;
    }

    /// <summary>
    /// One INSERT of a complete Complaints row (every column but Id, values of a real complaint, a fresh tracking number)
    /// per transaction, BEGIN IMMEDIATE as EF's transactions, one writer, on the same file the app just wrote to.
    /// </summary>
    private static async Task<FloorResult> FloorAsync(string path, TimeSpan duration)
    {
        await using var c = new SqliteConnection($"Data Source={path}");
        await c.OpenAsync();
        var synchronous = SynchronousName(await ScalarAsync(c, "PRAGMA synchronous"));
        var journal = await ScalarAsync(c, "PRAGMA journal_mode");
        var columns = new List<string>();
        await using (var info = c.CreateCommand())
        {
            info.CommandText = "SELECT name FROM pragma_table_info('Complaints') WHERE name <> 'Id'";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }
        var values = new object[columns.Count];
        await using (var sample = c.CreateCommand())
        {
            sample.CommandText = $"SELECT {string.Join(", ", columns.Select(Quote))} FROM Complaints WHERE Id = (SELECT MAX(Id) / 2 FROM Complaints)";
            await using var reader = await sample.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) throw new InvalidOperationException("No complaint to copy for the floor.");
            reader.GetValues(values);
        }
        await using var insert = c.CreateCommand();
        insert.CommandText = $"INSERT INTO Complaints ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var tracking = columns.IndexOf("TrackingNumber");
        for (var i = 0; i < columns.Count; i++) insert.Parameters.AddWithValue("@p" + i, values[i]);
        insert.Prepare();

        var latencies = new List<double>(32_768);
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var n = 0;
        while (Stopwatch.GetTimestamp() < end)
        {
            var t = Stopwatch.GetTimestamp();
            await using (var tx = (SqliteTransaction)await c.BeginTransactionAsync())
            {
                insert.Transaction = tx;
                insert.Parameters[tracking].Value = string.Create(CultureInfo.InvariantCulture, $"FLOOR-{n:0000000}");
                await insert.ExecuteNonQueryAsync();
                await tx.CommitAsync();
            }
            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            n++;
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        latencies.Sort();
        return new FloorResult(n, seconds, latencies[latencies.Count / 2], latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))], latencies[^1], synchronous, journal);
    }

    private static string Quote(string name) => "\"" + name + "\"";

    private static async Task<string> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    private static string SynchronousName(string value) => value switch
    {
        "0" => "OFF (0)",
        "1" => "NORMAL (1)",
        "2" => "FULL (2)",
        "3" => "EXTRA (3)",
        _ => value,
    };

    private static string Trim(string s) => s.Length > 160 ? s[..160] : s;

    /// <summary>Realistic API bodies: 31 provinces, distinct phones, the configured product lines, a mix of sub-types and texts.</summary>
    private sealed class Bodies
    {
        private static readonly string[] ProductLines = ["电商平台", "本地生活", "短视频", "在线支付", "云服务", "网约车", "在线教育", "手机游戏"];
        private static readonly ProblemSubType[] SubTypes =
            [ProblemSubType.ReturnOrRefund, ProblemSubType.Account, ProblemSubType.Malfunction, ProblemSubType.PoorExperience, ProblemSubType.Exchange, ProblemSubType.ShippingFeeDispute];
        private static readonly string[] Titles =
        [
            "订单退款一直未到账", "账号被冻结无法登录", "支付后页面卡死无法使用", "客服态度差问题未解决", "换货申请被无理拒绝", "运费被重复扣除",
            "会员自动续费未提醒", "商家虚假宣传", "骑手未送达却显示已送达", "课程无法退款",
        ];
        private static readonly string[] Fragments =
        [
            "上周在平台下单买了一台空气净化器，", "孩子在游戏里误充值了六百多元，", "打车时司机绕路多收了钱，", "外卖晚到一个半小时饭菜全凉了，",
            "直播间买的护肤品用了过敏，", "云服务器无故被停机数据丢失，", "网课老师频繁更换课程质量下降，", "银行卡被扣款两次，",
            "快递显示签收但我没有收到，", "售后电话一直打不通，", "商家承诺七天无理由退货却拒绝，", "客服只会复制粘贴模板回复，",
            "页面提示系统繁忙请稍后再试，", "优惠券到期前无法使用，", "会员权益与宣传不符，", "账户余额莫名减少，",
            "酒店到店后说没有房间，", "机票退改费用远高于说明，", "二手手机到手屏幕有裂痕，", "短视频平台封号理由不明，",
            "我是老年人不会操作线上申诉，", "已经投诉过三次没有回音，", "希望平台给出书面说明，", "要求退还全部费用，",
        ];
        private static readonly string[] Names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强"];
        // Common characters for --varied: each description gets its own detail, so two texts rarely reach the similarity threshold.
        private const string Common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

        private readonly int _seed;
        private readonly bool _varied;

        public Bodies(int seed, bool varied) => (_seed, _varied) = (seed, varied);

        public byte[] Next(long n)
        {
            var random = new Random(unchecked(_seed + (int)n * 7919));
            var detail = _varied ? new string(Enumerable.Range(0, 60).Select(_ => Common[random.Next(Common.Length)]).ToArray()) : "";
            var province = Provinces.All[random.Next(Provinces.All.Count)];
            var title = Titles[random.Next(Titles.Length)];
            var request = new IntakeRequest
            {
                Complainant = new IntakeComplainant
                {
                    Name = Names[random.Next(Names.Length)],
                    // Mostly new callers, sometimes a caller from a small pool (repeat-complainant rule and repeat detection).
                    Phone = random.Next(10) == 0
                        ? string.Create(CultureInfo.InvariantCulture, $"1390000{random.Next(100):0000}")
                        : string.Create(CultureInfo.InvariantCulture, $"13{random.Next(100_000_000, 999_999_999)}"),
                    Province = province,
                    City = province + "市",
                },
                Respondent = new IntakeRespondent { Kind = RespondentKind.Merchant, Name = "商家" + random.Next(500).ToString(CultureInfo.InvariantCulture) },
                ProductLine = ProductLines[random.Next(ProductLines.Length)],
                ProblemSubType = SubTypes[random.Next(SubTypes.Length)],
                Title = title,
                // Varied wording: most complaints are unlike their neighbours; repeated titles still form real batches.
                Description = string.Join("", Enumerable.Range(0, 3).Select(_ => Fragments[random.Next(Fragments.Length)]))
                    + string.Create(CultureInfo.InvariantCulture, $"订单号{random.Next(1_000_000, 9_999_999)}，{random.Next(1, 28)}日。") + detail,
                Demands = random.Next(4) == 0 ? $"退款{random.Next(50, 8000)}元并赔偿" : "尽快处理并给出说明",
            };
            return JsonSerializer.SerializeToUtf8Bytes(request, IntakeApiEndpoints.Json);
        }
    }

    /// <summary>The app's real host (Program), on Kestrel at 127.0.0.1 with a free port, on the run's copy of the database.</summary>
    private sealed class IntakeAppFactory(string root, string databasePath, SqlProfile? profile) : WebApplicationFactory<app::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // --profile: every EF command and transaction of the app timed (adds a little overhead itself).
            if (profile is not null) builder.ConfigureServices(s => s.ConfigureDbContext<ComplaintOpsDb>((_, o) => o.AddInterceptors(profile)));
            builder.UseContentRoot(root);
            builder.UseEnvironment("Production");
            builder.UseSetting("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:0");
            builder.UseSetting("Storage:DatabasePath", databasePath);
            // Demo on: the documented demo API key exists. The database already holds complaints, so none are seeded.
            builder.UseSetting("Seeding:Demo", "true");
            builder.UseSetting("Seeding:Complaints", "0");
            // The benchmark is the only caller: the per-key limit (60/min by default) is raised for the run only.
            builder.UseSetting("IntakeApi:RateLimitPermits", "1000000");
            builder.UseSetting("IntakeApi:RateLimitWindowSeconds", "1");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        }

        public string Start()
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }
}
