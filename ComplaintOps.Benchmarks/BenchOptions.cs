using System.Globalization;

namespace ComplaintOps.Benchmarks;

/// <summary>Command line: --db PATH, --count N, --iterations N, --warmup N, --seed S, --no-plans, --pooled, --per-day R (seed at a constant daily rate).</summary>
internal sealed record BenchOptions(string DatabasePath, int Count, int Iterations, int Warmup, int Seed, bool ShowPlans, bool PooledFactory, double? PerDay = null)
{
    public static BenchOptions Parse(string[] args, string repoRoot)
    {
        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
        int Int(string name, int fallback) => Option(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var db = Option("--db") ?? Path.Combine("data", "bench", "complaints-200k.db");
        return new BenchOptions(
            Path.GetFullPath(Path.IsPathRooted(db) ? db : Path.Combine(repoRoot, db)),
            Int("--count", 200_000),
            Int("--iterations", 300),
            Int("--warmup", 30),
            Int("--seed", 20261128),
            !args.Contains("--no-plans"),
            args.Contains("--pooled"),
            Option("--per-day") is { } perDay ? double.Parse(perDay, CultureInfo.InvariantCulture) : null);
    }
}
