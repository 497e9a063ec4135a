using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Infrastructure;

/// <summary>Section "Storage": where the SQLite database lives, relative to the content root.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required]
    public string DatabasePath { get; set; } = "data/complaintops.db";

    public string ResolveDatabasePath(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DatabasePath) ? DatabasePath : Path.Combine(contentRoot, DatabasePath));
}
