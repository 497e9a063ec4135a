namespace ComplaintOps.Infrastructure;

/// <summary>
/// The design card keeps <c>wwwroot/</c>, <c>appsettings.json</c> and <c>data/</c> at the repository root,
/// so when running from a checkout the content root is the folder that holds ComplaintOps.sln.
/// A published app (no .sln above it) keeps the default content root.
/// </summary>
public static class RepositoryRoot
{
    public static string? Find(params string[] startDirectories)
    {
        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ComplaintOps.sln"))) return dir.FullName;
            }
        }
        return null;
    }
}
