using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.Intake.Api;

/// <summary>Section "IntakeApi": limits of the intake API (R6).</summary>
public sealed class IntakeApiOptions
{
    public const string Section = "IntakeApi";

    /// <summary>Request bodies above this are refused with 413 before they are read.</summary>
    [Range(1024, 10 * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Requests each API key may make per <see cref="RateLimitWindowSeconds"/>.</summary>
    [Range(1, 1_000_000)]
    public int RateLimitPermits { get; set; } = 60;

    [Range(1, 86_400)]
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>
    /// Answers are remembered this long per (API key, Idempotency-Key); older ones are purged, after which the same
    /// key would file a new complaint. Sources retry within minutes or hours, not weeks.
    /// </summary>
    [Range(1, 3650)]
    public int IdempotencyRetentionDays { get; set; } = 7;

    /// <summary>How often the purge runs.</summary>
    [Range(1, 10_080)]
    public int IdempotencyPurgeIntervalMinutes { get; set; } = 60;

    /// <summary>
    /// A key reserved but never answered (status 0, written by versions that reserved keys in a transaction of their
    /// own, when the process stopped in between) is treated as free after this long, instead of answering 409 forever.
    /// </summary>
    [Range(1, 86_400)]
    public int AbandonedReservationSeconds { get; set; } = 60;
}
