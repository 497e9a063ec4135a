using System.Diagnostics;
using System.Globalization;
using System.Text;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Triage.BatchDetection;
using ComplaintOps.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Benchmarks;

/// <summary>
/// Issue 3 §10: batch detection's cost per complaint as the database grows (10,000 → 1,000,000 complaints) at a constant
/// arrival rate — a longer history, the same density. For each size: the detector as intake runs it (window caught up
/// from the database, then decided in memory) for complaints of the last 48 h, beside the floor: the indexed window read
/// that detection used to make per complaint (raw Microsoft.Data.Sqlite), in the same run.
/// Command line: batch [--sizes 10000,100000,1000000] [--per-day 2000] [--iterations 300] [--warmup 30]
/// </summary>
internal static class BatchBench
{
    private const int BaseCount = 10_000;

    public static async Task RunAsync(string root, string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var sizes = (Option("--sizes") ?? "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var perDay = double.Parse(Option("--per-day") ?? "2000", CultureInfo.InvariantCulture);
        var iterations = int.Parse(Option("--iterations") ?? "300", CultureInfo.InvariantCulture);
        var warmup = int.Parse(Option("--warmup") ?? "30", CultureInfo.InvariantCulture);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {BenchSql.LoadAverage()}");

        // The base: 10,000 complaints through the app's seeder at a constant rate (5 days at 2,000 a day).
        var basePath = Path.Combine(root, "data", "bench", $"batch-base-{BaseCount}-{perDay:F0}.db");
        await BenchDatabase.EnsureAsync(root, BenchOptions.Parse(["--db", basePath, "--count", BaseCount.ToString(CultureInfo.InvariantCulture), "--per-day", perDay.ToString(CultureInfo.InvariantCulture)], root));

        var rows = new List<string>();
        foreach (var size in sizes)
        {
            var path = Path.Combine(root, "data", "bench", $"batch-{size}-{perDay:F0}.db");
            if (!File.Exists(path)) await GrowAsync(basePath, path, size, BaseCount / perDay);
            rows.Add(await MeasureAsync(path, size, warmup, iterations));
            Console.WriteLine(rows[^1]);
        }
        Console.WriteLine();
        Console.WriteLine("| complaints in the database | candidates per complaint (mean) | window held in memory | first catch-up ms | detector p50 ms | detector p99 ms | floor (window read) p50 ms | floor p99 ms | p50 ratio |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows) Console.WriteLine(row);
    }

    private static async Task<string> MeasureAsync(string path, int size, int warmup, int iterations)
    {
        var connectionString = $"Data Source={path}";
        DateTime latest;
        List<int> sampleIds;
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            latest = DateTime.SpecifyKind(DateTime.Parse((string)(await BenchSql.ScalarAsync(connection, "SELECT MAX(ReceivedAtUtc) FROM Complaints"))!, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            sampleIds = [];
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT Id FROM Complaints WHERE ReceivedAtUtc >= @from ORDER BY Id";
            command.Parameters.AddWithValue("@from", latest.AddHours(-48));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) sampleIds.Add(reader.GetInt32(0));
        }
        var random = new Random(42);
        sampleIds = sampleIds.OrderBy(_ => random.Next()).Take(256).ToList();

        var services = new ServiceCollection();
        // Business time stands at the database's last arrival, so the window is the last 48 h of its history.
        services.AddSingleton<TimeProvider>(new FixedClock(latest));
        services.AddOptions<BusinessOptions>();
        services.AddSingleton<BusinessTime>();
        services.AddDbContextFactory<ComplaintOpsDb>(o => o.UseSqlite(connectionString));
        services.AddOptions<BatchDetectionOptions>();
        services.AddSingleton<BatchDetector>();
        await using var provider = services.BuildServiceProvider();
        var dbFactory = provider.GetRequiredService<IDbContextFactory<ComplaintOpsDb>>();
        var detector = provider.GetRequiredService<BatchDetector>();
        var floor = new Floor(connectionString);

        List<Complaint> samples;
        await using (var db = await dbFactory.CreateDbContextAsync())
            samples = await db.Complaints.AsNoTracking().Where(c => sampleIds.Contains(c.Id)).ToListAsync();

        var first = Stopwatch.StartNew();
        await using (var db = await dbFactory.CreateDbContextAsync())
            _ = await detector.DecideAsync(db, samples[0]);
        first.Stop();

        var candidates = new List<int>();
        var result = await Harness.RunAsync(new BenchCase("batch",
            async n =>
            {
                await using var db = await dbFactory.CreateDbContextAsync();
                _ = await detector.DecideAsync(db, samples[n % samples.Count]);
            },
            async n =>
            {
                var count = await floor.BatchWindowAsync(samples[n % samples.Count], TimeSpan.FromHours(48));
                if (candidates.Count < samples.Count) candidates.Add(count);
            }), warmup, iterations);
        static string Ms(double v) => v.ToString(v < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
        return $"| {size:N0} | {candidates.Average():F1} | {detector.WindowCount:N0} | {first.Elapsed.TotalMilliseconds:F0} | {Ms(result.App.P50)} | {Ms(result.App.P99)} | {Ms(result.Floor.P50)} | {Ms(result.Floor.P99)} | {result.App.P50 / result.Floor.P50:F2}× |";
    }

    /// <summary>
    /// Grows the base to <paramref name="target"/> complaints by copying it into the past: copy k is shifted back by
    /// k × the base's span, with new ids, tracking numbers and (nine in ten) phones — a longer history at the same daily
    /// rate, so the last 48 h look alike at every size. Raw SQL builds only this fixture; the app writes through EF Core.
    /// </summary>
    private static async Task GrowAsync(string basePath, string path, int target, double baseDays)
    {
        Console.WriteLine($"Building {path}: {target:N0} complaints, {target / (double)BaseCount:F0} × the base shifted back by {baseDays:F0} days each...");
        File.Copy(basePath, path);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var max = Convert.ToInt32(await BenchSql.ScalarAsync(connection, "SELECT MAX(Id) FROM Complaints"), CultureInfo.InvariantCulture);
        var columns = await BenchSql.ColumnsAsync(connection, "Complaints");
        var copies = (int)Math.Ceiling((double)target / BaseCount) - 1;
        var watch = Stopwatch.StartNew();
        for (var k = 1; k <= copies; k++)
        {
            var limit = Math.Min(BaseCount, target - k * BaseCount);
            var days = (k * baseDays).ToString(CultureInfo.InvariantCulture);
            const string NewPhone = "substr(ComplainantPhone, 1, 3) || printf('%08d', (Id * 7919 + {0} * 104729) % 100000000)";
            string Expr(string column) => column switch
            {
                "Id" => $"Id + {k * max}",
                "TrackingNumber" => $"TrackingNumber || '-{k:D3}'",
                "ReceivedAtUtc" => $"strftime('%Y-%m-%d %H:%M:%f', ReceivedAtUtc, '-{days} days')",
                "ComplainantPhone" => $"CASE WHEN Id % 10 = 0 THEN ComplainantPhone ELSE {string.Format(CultureInfo.InvariantCulture, NewPhone, k)} END",
                "ComplainantPhoneLast4" => $"CASE WHEN Id % 10 = 0 THEN ComplainantPhoneLast4 ELSE substr({string.Format(CultureInfo.InvariantCulture, NewPhone, k)}, -4) END",
                "BatchIncidentId" or "DuplicateOfId" => "NULL",
                _ => $"\"{column}\"",
            };
            var sql = new StringBuilder("BEGIN;");
            sql.Append(CultureInfo.InvariantCulture, $"INSERT INTO Complaints ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) SELECT {string.Join(", ", columns.Select(Expr))} FROM Complaints WHERE Id <= {max} ORDER BY Id LIMIT {limit};");
            sql.Append("COMMIT;");
            await using var command = connection.CreateCommand();
            command.CommandText = sql.ToString();
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
            if (k % 10 == 0 || k == copies) Console.WriteLine($"  copy {k}/{copies} in {watch.Elapsed.TotalSeconds:F0} s");
        }
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync();
    }

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
