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
}
