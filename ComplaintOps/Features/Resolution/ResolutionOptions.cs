using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.Resolution;

/// <summary>Section "Resolution" of appsettings.json (R22).</summary>
public sealed class ResolutionOptions
{
    public const string Section = "Resolution";

    /// <summary>快赔: a compensation up to this many yuan is approved at once; above it a supervisor or manager approves.</summary>
    [Range(0, 1_000_000)]
    public int FastCompensationLimitYuan { get; set; } = 200;

    public long FastCompensationLimitCents => FastCompensationLimitYuan * 100L;
}
