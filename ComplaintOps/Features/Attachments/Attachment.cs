namespace ComplaintOps.Features.Attachments;

public enum AttachmentKind
{
    Document = 0,
    ScannedLetter = 1,
    Signature = 2,
}

/// <summary>A file kept with a complaint (R27). Stored under data/uploads, never in wwwroot, never served publicly.</summary>
public sealed class Attachment
{
    public long Id { get; set; }
    public int? ComplaintId { get; set; }
    public AttachmentKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>Path relative to the uploads folder; a generated name, never the user's.</summary>
    public string StoredName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
}
