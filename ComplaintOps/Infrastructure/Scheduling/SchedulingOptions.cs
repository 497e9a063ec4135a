namespace ComplaintOps.Infrastructure.Scheduling;

/// <summary>Section "Scheduling": Quartz inside the app, its jobs and triggers in the app's SQLite file.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    /// <summary>Start the scheduler with the app. Tests switch it off (jobs are then run directly) unless they test the scheduler.</summary>
    public bool Enabled { get; set; } = true;

}
