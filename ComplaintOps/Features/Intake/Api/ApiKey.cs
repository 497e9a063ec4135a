using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Intake.Api;

/// <summary>
/// One key per source (the app, a regulator, a public-opinion platform, a media outlet). The key decides
/// the channel and source name of every complaint sent with it (R6). Only the SHA-256 of the secret is kept.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public Channel Channel { get; set; }
    public string SourceName { get; set; } = "";
    /// <summary>Lower-case hex SHA-256 of the secret; the secret itself is shown once and never stored.</summary>
    public string SecretHash { get; set; } = "";
    /// <summary>The secret's first characters, so an administrator can tell keys apart.</summary>
    public string Prefix { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsRevoked => RevokedAtUtc is not null;

    /// <summary>Channels a key may be issued for: the app and the external green channels.</summary>
    public static readonly IReadOnlyList<Channel> Channels = [Channel.App, Channel.Regulator, Channel.PublicOpinion, Channel.Media];
}

/// <summary>
/// A request already answered for (key, Idempotency-Key): a retry with the same body gets the same answer,
/// also after a restart. <see cref="StatusCode"/> 0 means the first request is still being handled.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public int ApiKeyId { get; set; }
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public string? Location { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
