using System.ComponentModel.DataAnnotations;

namespace ComplaintOps.Infrastructure;

/// <summary>Section "Storage": where the SQLite database lives, relative to the content root.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required]
    public string DatabasePath { get; set; } = "data/complaintops.db";

    /// <summary>Where the monthly Excel reports are kept (issue 7); a relative path is taken from the database file's folder (data/reports by default).</summary>
    [Required]
    public string ReportsPath { get; set; } = "reports";

    public string ResolveReportsPath(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(ReportsPath) ? ReportsPath : Path.Combine(Path.GetDirectoryName(ResolveDatabasePath(contentRoot))!, ReportsPath));

    public string ResolveDatabasePath(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DatabasePath) ? DatabasePath : Path.Combine(contentRoot, DatabasePath));
}
