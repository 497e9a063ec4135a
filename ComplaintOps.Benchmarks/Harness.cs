using System.Diagnostics;
using System.Globalization;

namespace ComplaintOps.Benchmarks;

/// <summary>One benchmark case: the app's query and its hand-written SQL floor, each taking the iteration number.</summary>
internal sealed record BenchCase(string Name, Func<int, Task> App, Func<int, Task> Floor);

internal sealed record CaseResult(string Name, Stats App, Stats Floor);

internal sealed record Stats(double P50, double P99, double Max)
{
    public static Stats Of(List<double> millis)
    {
        var sorted = millis.Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Stats(At(0.50), At(0.99), sorted[^1]);
    }
}

internal static class Harness
{
    /// <summary>
    /// Warm-up, then <paramref name="iterations"/> rounds in which the app query and the floor run one after the other
    /// (alternating which goes first), so machine noise lands on both alike.
    /// </summary>
    public static async Task<CaseResult> RunAsync(BenchCase c, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            await c.App(i);
            await c.Floor(i);
        }
        var app = new List<double>(iterations);
        var floor = new List<double>(iterations);
        var watch = new Stopwatch();
        for (var i = 0; i < iterations; i++)
        {
            var n = warmup + i;
            if (i % 2 == 0)
            {
                app.Add(await TimeAsync(c.App, n, watch));
                floor.Add(await TimeAsync(c.Floor, n, watch));
            }
            else
            {
                floor.Add(await TimeAsync(c.Floor, n, watch));
                app.Add(await TimeAsync(c.App, n, watch));
            }
        }
        return new CaseResult(c.Name, Stats.Of(app), Stats.Of(floor));
    }

    private static async Task<double> TimeAsync(Func<int, Task> run, int n, Stopwatch watch)
    {
        watch.Restart();
        await run(n);
        watch.Stop();
        return watch.Elapsed.TotalMilliseconds;
    }

    public static void Print(IReadOnlyList<CaseResult> results, double goalMillis, double goalRatio)
    {
        static string Ms(double v) => v.ToString(v < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
        static string X(double v) => v.ToString("F2", CultureInfo.InvariantCulture) + "×";
        Console.WriteLine();
        Console.WriteLine("| Case | EF p50 ms | EF p99 ms | Floor p50 ms | Floor p99 ms | p50 ratio | p99 ratio | Goal |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var ratio50 = r.App.P50 / r.Floor.P50;
            var ratio99 = r.App.P99 / r.Floor.P99;
            var verdict = r.App.P99 > goalMillis ? $"miss: p99 > {goalMillis:F0} ms" : ratio99 > goalRatio ? $"miss: p99 > {goalRatio:F0}× floor" : "met";
            Console.WriteLine($"| {r.Name} | {Ms(r.App.P50)} | {Ms(r.App.P99)} | {Ms(r.Floor.P50)} | {Ms(r.Floor.P99)} | {X(ratio50)} | {X(ratio99)} | {verdict} |");
        }
        Console.WriteLine();
    }
}
