using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Features.Attachments;

/// <summary>Section "Attachments": where uploads go (relative to the content root) and what is accepted.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    [Required]
    public string Folder { get; set; } = "data/uploads";

    [Range(1024, 50 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    [Range(1, 20)]
    public int MaxFilesPerComplaint { get; set; } = 10;
}
