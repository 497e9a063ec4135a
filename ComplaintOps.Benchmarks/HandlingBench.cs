extern alias app;

using System.Globalization;
using System.Text;
using app::ComplaintOps.Data;
using app::ComplaintOps.Domain.Complaints;
using app::ComplaintOps.Features.Complaints;
using app::ComplaintOps.Features.Handling.Collaboration;
using app::ComplaintOps.Features.Handling.Investigation;
using app::ComplaintOps.Features.Handling.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Benchmarks;

/// <summary>
/// Issue 4 §8: a handler's "My queue" and the case view (detail + timeline, history counts, collaboration tasks) on a
/// database of 1,000,000 complaints, through the app's own services, beside the very same SQL replayed through raw
/// Microsoft.Data.Sqlite (the floor: the SQL EF sent, captured by an interceptor). Goal: p99 ≤ 100 ms and ≤ 2× the floor.
/// </summary>
internal static class HandlingBench
{
    private const double GoalMillis = 100;
    private const double GoalRatio = 2;

    public static async Task RunAsync(string root, string[] args)
    {
        var options = BenchOptions.Parse(args, root) is var o && !args.Contains("--db")
            ? o with { DatabasePath = Path.Combine(root, "data", "bench", $"handling-{o.Count}.db") }
            : BenchOptions.Parse(args, root);
        var baseCount = args.Contains("--base") ? int.Parse(args[Array.IndexOf(args, "--base") + 1], CultureInfo.InvariantCulture) : 50_000;
        Directory.CreateDirectory(Path.GetDirectoryName(options.DatabasePath)!);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {BenchSql.LoadAverage()}");

        if (!File.Exists(options.DatabasePath))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            // The base: the app's own first start with its demo seeder (real lifecycles, owners, handlers, timelines).
            await using (var seed = new HandlingAppFactory(root, options.DatabasePath, seedCount: baseCount, capture: null))
                _ = seed.Services.GetRequiredService<ComplaintQueries>();
            Console.WriteLine($"Seeded {baseCount:N0} complaints through the app in {watch.Elapsed.TotalSeconds:F0} s");
            await MultiplyAsync(options.DatabasePath, options.Count);
            Console.WriteLine($"Database built in {watch.Elapsed.TotalSeconds:F0} s");
        }

        var connectionString = $"Data Source={options.DatabasePath}";
        string handlerId;
        int openForHandler;
        var caseIds = new List<int>();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            var total = Convert.ToInt64(await BenchSql.ScalarAsync(connection, "SELECT COUNT(*) FROM Complaints"), CultureInfo.InvariantCulture);
            Console.WriteLine($"Database: {options.DatabasePath} ({total:N0} complaints, {new FileInfo(options.DatabasePath).Length / 1048576.0:F0} MB)");
            // The busiest handler: the worst realistic "My queue".
            await using var busiest = connection.CreateCommand();
            busiest.CommandText = "SELECT HandlerId, COUNT(*) n FROM Complaints WHERE HandlerId IS NOT NULL AND Status < 5 GROUP BY HandlerId ORDER BY n DESC LIMIT 1";
            await using (var r = await busiest.ExecuteReaderAsync())
            {
                await r.ReadAsync();
                (handlerId, openForHandler) = (r.GetString(0), r.GetInt32(1));
            }
            await using var ids = connection.CreateCommand();
            ids.CommandText = "SELECT Id FROM Complaints WHERE HandlerId = @h AND Status < 5 ORDER BY (Id * 2654435761) % 1000003 LIMIT 256";
            ids.Parameters.AddWithValue("@h", handlerId);
            await using (var r = await ids.ExecuteReaderAsync())
                while (await r.ReadAsync()) caseIds.Add(r.GetInt32(0));
        }
        Console.WriteLine($"Handler measured: {handlerId} with {openForHandler:N0} open cases; {caseIds.Count} of them opened in turn.");

        var capture = new SqlCapture();
        await using var host = new HandlingAppFactory(root, options.DatabasePath, seedCount: 0, capture);
        var services = host.Services;
        var myQueue = services.GetRequiredService<MyQueueQueries>();
        var queries = services.GetRequiredService<ComplaintQueries>();
        var lookups = services.GetRequiredService<CaseLookups>();
        var tasks = services.GetRequiredService<CollaborationQueries>();

        async Task CaseView(int n)
        {
            var complaint = await queries.DetailAsync(caseIds[n % caseIds.Count]) ?? throw new InvalidOperationException("missing complaint");
            _ = await lookups.CountsAsync(complaint);
            _ = await tasks.ForComplaintAsync(complaint.Id);
        }

        var cases = new (string Name, Func<int, Task> App)[]
        {
            ("a. My queue, page 1 (busiest handler)", async _ => await myQueue.PageAsync(handlerId, 0, 25)),
            ("b. My queue, page 40", async _ => await myQueue.PageAsync(handlerId, 39, 25)),
            ("c. case view: detail + timeline + history counts + tasks", CaseView),
        };

        var floor = new SqliteConnection(connectionString);
        await floor.OpenAsync();
        var results = new List<CaseResult>();
        foreach (var (name, run) in cases)
        {
            // The SQL EF sends for each iteration's arguments, captured once per distinct iteration, replayed raw.
            var replay = new Dictionary<int, List<CapturedCommand>>();
            async Task App(int n)
            {
                capture.Commands.Clear();
                await run(n);
                replay.TryAdd(n % Math.Max(1, caseIds.Count), [.. capture.Commands]);
            }
            async Task Floor(int n)
            {
                if (!replay.TryGetValue(n % Math.Max(1, caseIds.Count), out var commands)) { await App(n); commands = replay[n % caseIds.Count]; }
                foreach (var c in commands) await ReplayAsync(floor, c);
            }
            results.Add(await Harness.RunAsync(new BenchCase(name, App, Floor), options.Warmup, options.Iterations));
        }
        await floor.DisposeAsync();

        Console.WriteLine();
        Console.WriteLine($"{options.Warmup} warm-up + {options.Iterations} timed iterations per case; app and floor alternate. Load average now {BenchSql.LoadAverage()}.");
        Console.WriteLine("| case | app p50 ms | app p99 ms | floor p50 ms | floor p99 ms | p50 ratio | p99 ratio | goal (p99 ≤ 100 ms, ≤ 2×) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var ratio50 = r.App.P50 / r.Floor.P50;
            var ratio99 = r.App.P99 / r.Floor.P99;
            var met = r.App.P99 <= GoalMillis && ratio99 <= GoalRatio;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.App.P50:F2} | {r.App.P99:F2} | {r.Floor.P50:F2} | {r.Floor.P99:F2} | {ratio50:F2}× | {ratio99:F2}× | {(met ? "met" : "MISSED")} |"));
        }
    }

    private static async Task ReplayAsync(SqliteConnection connection, CapturedCommand captured)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = captured.Sql;
        foreach (var (name, value) in captured.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
    }

    /// <summary>
    /// Grows the seeded base to <paramref name="target"/> complaints by copying it with new ids, tracking numbers and (for
    /// nine copies in ten) new phone numbers, timelines included. Raw SQL builds only this benchmark fixture; the app's own
    /// writes always go through EF Core.
    /// </summary>
    private static async Task MultiplyAsync(string path, int target)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var max = Convert.ToInt32(await BenchSql.ScalarAsync(connection, "SELECT MAX(Id) FROM Complaints"), CultureInfo.InvariantCulture);
        var baseCount = Convert.ToInt32(await BenchSql.ScalarAsync(connection, "SELECT COUNT(*) FROM Complaints"), CultureInfo.InvariantCulture);
        var complaintColumns = await BenchSql.ColumnsAsync(connection, "Complaints");
        var timelineColumns = (await BenchSql.ColumnsAsync(connection, "TimelineEvents")).Where(c => c != "Id").ToList();
        var copies = (int)Math.Ceiling((double)target / baseCount) - 1;
        for (var k = 1; k <= copies; k++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var limit = Math.Min(baseCount, target - k * baseCount);
            const string NewPhone = "substr(ComplainantPhone, 1, 3) || printf('%08d', (Id * 7919 + {0} * 104729) % 100000000)";
            string Expr(string column) => column switch
            {
                "Id" => $"Id + {k * max}",
                "TrackingNumber" => $"TrackingNumber || '-{k:D2}'",
                "ComplainantPhone" => $"CASE WHEN Id % 10 = 0 THEN ComplainantPhone ELSE {string.Format(CultureInfo.InvariantCulture, NewPhone, k)} END",
                "ComplainantPhoneLast4" => $"CASE WHEN Id % 10 = 0 THEN ComplainantPhoneLast4 ELSE substr({string.Format(CultureInfo.InvariantCulture, NewPhone, k)}, -4) END",
                _ => $"\"{column}\"",
            };
            var sql = new StringBuilder("BEGIN;");
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO Complaints ({string.Join(", ", complaintColumns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", complaintColumns.Select(Expr))} FROM Complaints WHERE Id <= {max} ORDER BY Id LIMIT {limit};");
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO TimelineEvents ({string.Join(", ", timelineColumns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", timelineColumns.Select(c => c == "ComplaintId" ? $"ComplaintId + {k * max}" : $"\"{c}\""))} FROM TimelineEvents WHERE ComplaintId IN (SELECT Id FROM Complaints WHERE Id <= {max} ORDER BY Id LIMIT {limit});");
            sql.Append("COMMIT;");
            await using var command = connection.CreateCommand();
            command.CommandText = sql.ToString();
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
            Console.WriteLine($"  copy {k}/{copies}: {limit:N0} complaints in {watch.Elapsed.TotalSeconds:F0} s");
        }
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>The app's real host on the benchmark database: background routing and Quartz off so nothing writes meanwhile.</summary>
    private sealed class HandlingAppFactory(string root, string databasePath, int seedCount, SqlCapture? capture) : WebApplicationFactory<app::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(root);
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:DatabasePath", databasePath);
            builder.UseSetting("Seeding:Demo", "true");
            builder.UseSetting("Seeding:Complaints", seedCount.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Scheduling:Enabled", "false");
            builder.UseSetting("Routing:Background", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            if (capture is not null) builder.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(capture));
        }
    }
}
