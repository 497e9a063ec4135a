using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Data.Seeding;

/// <summary>Section "Seeding": demo data and demo sign-ins on a fresh database.</summary>
public sealed class SeedingOptions
{
    public const string Section = "Seeding";

    /// <summary>Seed demo users and complaints into an empty database. Turn off in production.</summary>
    public bool Demo { get; set; } = true;

    [Range(0, 1_000_000)]
    public int Complaints { get; set; } = 5000;

    public int RandomSeed { get; set; } = 20261128;
}
