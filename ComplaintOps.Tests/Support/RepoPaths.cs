namespace ComplaintOps.Tests.Support;

public static class RepoPaths
{
    public static string Root { get; } = Infrastructure.RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Run the tests from the repository (ComplaintOps.sln not found above the test binaries).");

    public static string CalendarFile => Path.Combine(Root, "data", "calendars", "cn.json");

    /// <summary>A fresh folder under the test output for one test class's SQLite file.</summary>
    public static string NewTempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "complaintops-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
