using System.Globalization;
using System.Runtime.InteropServices;
using ComplaintOps.Benchmarks;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

// The queue and detail reads on a large database, beside the same SQL through Microsoft.Data.Sqlite (the floor).
// Goal (issue): p99 ≤ 50 ms and ≤ 2× the floor.
const double GoalMillis = 50;
const double GoalRatio = 2;
const int PageSize = 50;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var root = RepositoryRoot.Find(Directory.GetCurrentDirectory(), AppContext.BaseDirectory)
    ?? throw new InvalidOperationException("Run from the repository (the folder with ComplaintOps.sln).");
if (args.Length > 0 && args[0] == "intake")
{
    // Issue 3 §10: intake over HTTP with durable commit (IntakeBench.cs).
    await IntakeBench.RunAsync(root, args);
    return;
}
if (args.Length > 0 && args[0] == "batch")
{
    // Issue 3 §10: batch detection's cost per complaint from 10,000 to 1,000,000 complaints (BatchBench.cs).
    await BatchBench.RunAsync(root, args);
    return;
}
if (args.Length > 0 && args[0] == "handling")
{
    // Issue 4 §8: My queue and the case view on 1,000,000 complaints (HandlingBench.cs).
    await HandlingBench.RunAsync(root, args);
    return;
}
if (args.Length > 0 && args[0] == "boardmem")
{
    // Issue 5 §6: server memory per open /board circuit in headless Chromium, beside an empty circuit (BoardMemBench.cs).
    await BoardMemBench.RunAsync(root, args);
    return;
}
if (args.Length > 0 && args[0] == "reports")
{
    // Issue 7 §4: the monthly workbook for 100,000 complaints beside an OpenXmlWriter floor (ReportsBench.cs).
    await ReportsBench.RunAsync(root, args);
    return;
}
if (args.Length > 0 && args[0] == "board")
{
    // Issue 5 §6: SignalR push to 200 board clients beside a bare broadcast (BoardBench.cs).
    await BoardBench.RunAsync(root, args);
    return;
}
var options = BenchOptions.Parse(args, root);

var complaints = await BenchDatabase.EnsureAsync(root, options);
// The same connection string the app builds, so EF and the floor share one connection pool.
var connectionString = $"Data Source={options.DatabasePath}";

string sqliteVersion;
int maxId;
var last4s = new List<string>();
var detailIds = new List<int>();
await using (var connection = new SqliteConnection(connectionString))
{
    await connection.OpenAsync();
    await using var version = connection.CreateCommand();
    version.CommandText = "SELECT sqlite_version()";
    sqliteVersion = (string)(await version.ExecuteScalarAsync())!;
    await using var max = connection.CreateCommand();
    max.CommandText = "SELECT MAX(Id) FROM Complaints";
    maxId = Convert.ToInt32(await max.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

    // Random (but repeatable) complaints to open, and real phone endings to search for.
    var random = new Random(options.Seed);
    for (var i = 0; i < 1024; i++) detailIds.Add(random.Next(1, maxId + 1));
    await using var phone = connection.CreateCommand();
    phone.CommandText = "SELECT ComplainantPhoneLast4 FROM Complaints WHERE Id = @id";
    var id = phone.Parameters.Add("@id", SqliteType.Integer);
    for (var i = 0; i < 64; i++)
    {
        id.Value = random.Next(1, maxId + 1);
        if (await phone.ExecuteScalarAsync() is string last4) last4s.Add(last4);
    }
}

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, SQLite {sqliteVersion}");
Console.WriteLine($"Database: {options.DatabasePath} ({complaints:N0} complaints, {new FileInfo(options.DatabasePath).Length / 1048576.0:F0} MB)");
Console.WriteLine($"EF context factory: {(options.PooledFactory ? "pooled (--pooled experiment, not what the app registers)" : "plain, as the app registers it")}");
Console.WriteLine($"Iterations: {options.Warmup} warm-up + {options.Iterations} timed per case; app and floor alternate within each iteration.");

var provinces = Provinces.All;
var floor = new Floor(connectionString);

List<BenchCase> Cases(ComplaintQueries queries) =>
[
    new("a. queue default (all, next due, page 1)",
        async _ => await queries.QueueAsync(new QueueFilter(), new QueueSort(), 0, PageSize),
        async _ => await floor.QueueAsync("", [], Floor.ByNextDue, 0, PageSize)),
    new("b. high-risk, received desc, page 3",
        async _ => await queries.QueueAsync(new QueueFilter { Severity = ComplaintSeverity.HighRisk }, new QueueSort(QueueSortColumn.Received, true), 2, PageSize),
        async _ => await floor.QueueAsync("Severity = @severity", [("@severity", (int)ComplaintSeverity.HighRisk)], Floor.ByReceivedDesc, 2, PageSize)),
    new("c. overdue + province, next due, page 1",
        async n => await queries.QueueAsync(new QueueFilter { OverdueOnly = true, Province = provinces[n % provinces.Count] }, new QueueSort(), 0, PageSize),
        async n => await floor.QueueAsync("Province = @province AND NextDueUtc IS NOT NULL AND NextDueUtc < @now",
            [("@province", provinces[n % provinces.Count])], Floor.ByNextDue, 0, PageSize)),
    new("d. search phone last-4, next due, page 1",
        async n => await queries.QueueAsync(new QueueFilter { Search = last4s[n % last4s.Count] }, new QueueSort(), 0, PageSize),
        async n => await floor.QueueAsync("ComplainantPhoneLast4 = @last4", [("@last4", last4s[n % last4s.Count])], Floor.ByNextDue, 0, PageSize)),
    new("e. detail + timeline (random id)",
        async n => _ = await queries.DetailAsync(detailIds[n % detailIds.Count]) ?? throw new InvalidOperationException("missing complaint"),
        async n => _ = await floor.DetailAsync(detailIds[n % detailIds.Count]) ?? throw new InvalidOperationException("missing complaint")),
];


ServiceProvider QueriesProvider(IInterceptor? interceptor)
{
    var services = new ServiceCollection();
    services.AddSingleton(TimeProvider.System);
    services.AddOptions<BusinessOptions>();
    services.AddSingleton<BusinessTime>();
    void Configure(DbContextOptionsBuilder o)
    {
        o.UseSqlite(connectionString);
        if (interceptor is not null) o.AddInterceptors(interceptor);
    }
    // The app registers a plain factory (Infrastructure/Foundation.cs); --pooled measures what context pooling would give.
    if (options.PooledFactory) services.AddPooledDbContextFactory<ComplaintOpsDb>(Configure);
    else services.AddDbContextFactory<ComplaintOpsDb>(Configure);
    services.AddSingleton<ComplaintQueries>();
    return services.BuildServiceProvider();
}

// Check that the floor really is the same query: same totals and the same rows in the same order.
await using (var check = QueriesProvider(null))
{
    var queries = check.GetRequiredService<ComplaintQueries>();
    for (var n = 0; n < 4; n++)
    {
        await Same(n, queries.QueueAsync(new QueueFilter(), new QueueSort(), 0, PageSize), floor.QueueAsync("", [], Floor.ByNextDue, 0, PageSize));
        await Same(n, queries.QueueAsync(new QueueFilter { Severity = ComplaintSeverity.HighRisk }, new QueueSort(QueueSortColumn.Received, true), 2, PageSize),
            floor.QueueAsync("Severity = @severity", [("@severity", (int)ComplaintSeverity.HighRisk)], Floor.ByReceivedDesc, 2, PageSize));
        await Same(n, queries.QueueAsync(new QueueFilter { OverdueOnly = true, Province = provinces[n] }, new QueueSort(), 0, PageSize),
            floor.QueueAsync("Province = @province AND NextDueUtc IS NOT NULL AND NextDueUtc < @now", [("@province", provinces[n])], Floor.ByNextDue, 0, PageSize));
        await Same(n, queries.QueueAsync(new QueueFilter { Search = last4s[n] }, new QueueSort(), 0, PageSize),
            floor.QueueAsync("ComplainantPhoneLast4 = @last4", [("@last4", last4s[n])], Floor.ByNextDue, 0, PageSize));
        var app = await queries.DetailAsync(detailIds[n]);
        var raw = await floor.DetailAsync(detailIds[n]);
        if (app is null || raw is null || app.Timeline.Count != raw.Value.Timeline.Count)
            throw new InvalidOperationException($"Detail {detailIds[n]}: app and floor disagree.");
    }
    // The default sort reads dated and undated cases separately: pages on both sides of the seam must match a full sort.
    foreach (var (filter, where, parameters) in new (QueueFilter, string, (string, object)[])[]
    {
        (new QueueFilter(), "", []),
        (new QueueFilter { Status = ComplaintStatus.Accepted }, "Status = @status", [("@status", (int)ComplaintStatus.Accepted)]),
    })
    {
        var seamPage = await floor.CountAsync(where.Length == 0 ? "NextDueUtc IS NOT NULL" : where + " AND NextDueUtc IS NOT NULL", parameters) / PageSize;
        foreach (var p in new[] { 0, 1, seamPage - 1, seamPage, seamPage + 1, seamPage + 7 }.Where(p => p >= 0).Distinct())
        {
            var app = (await queries.QueueAsync(filter, new QueueSort(), p, PageSize)).Rows.Select(r => r.Id);
            var full = await floor.SingleStatementIdsAsync(where, parameters, p * PageSize, PageSize);
            if (!app.SequenceEqual(full)) throw new InvalidOperationException($"Default sort, page {p} ({where}): the two-half read differs from a full sort.");
        }
    }
    Console.WriteLine("Check: app and floor return the same totals, rows and order; the default sort matches a full sort across the dated/undated seam.");
}

if (options.ShowPlans)
{
    var capture = new SqlCapture();
    await using var explain = QueriesProvider(capture);
    var cases = Cases(explain.GetRequiredService<ComplaintQueries>());
    floor.Capture = [];
    foreach (var c in cases)
    {
        capture.Commands.Clear();
        floor.Capture.Clear();
        await c.App(0);
        await c.Floor(0);
        Console.WriteLine();
        Console.WriteLine($"== {c.Name}");
        foreach (var command in capture.Commands) await PrintPlanAsync("EF", command);
        foreach (var command in floor.Capture) await PrintPlanAsync("floor", command);
    }
    floor.Capture = null;
}

await using (var provider = QueriesProvider(null))
{
    var queries = provider.GetRequiredService<ComplaintQueries>();
    var results = new List<CaseResult>();
    // --case f: only the cases whose name starts with these letters (e.g. batch detection alone on several database sizes).
    var only = Array.IndexOf(args, "--case") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    foreach (var c in Cases(queries).Where(c => only is null || only.Contains(c.Name[0], StringComparison.Ordinal)))
    {
        Console.Write($"{c.Name} ... ");
        var result = await Harness.RunAsync(c, options.Warmup, options.Iterations);
        Console.WriteLine($"EF p50 {result.App.P50:F2} ms, floor p50 {result.Floor.P50:F2} ms");
        results.Add(result);
    }
    Harness.Print(results, GoalMillis, GoalRatio);
    var met = results.All(r => r.App.P99 <= GoalMillis && r.App.P99 <= GoalRatio * r.Floor.P99);
    Console.WriteLine(met ? "Goal met for every case." : "Goal NOT met for every case (see the Goal column).");
}

async Task PrintPlanAsync(string who, CapturedCommand command)
{
    Console.WriteLine($"-- {who}: {string.Join(" ", command.Sql.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()))}");
    await using var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    await using var plan = connection.CreateCommand();
    plan.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
    foreach (var (name, value) in command.Parameters) plan.Parameters.AddWithValue(name, value ?? DBNull.Value);
    await using var reader = await plan.ExecuteReaderAsync();
    while (await reader.ReadAsync()) Console.WriteLine($"     {reader.GetString(3)}");
}

static async Task Same(int n, Task<QueuePage> app, Task<QueuePage> floor)
{
    var a = await app;
    var f = await floor;
    if (a.TotalCount != f.TotalCount || !a.Rows.Select(r => r.Id).SequenceEqual(f.Rows.Select(r => r.Id)) || a.Rows.Count == 0)
        throw new InvalidOperationException($"Iteration {n}: app ({a.TotalCount} total, {a.Rows.Count} rows) and floor ({f.TotalCount} total, {f.Rows.Count} rows) disagree.");
}
