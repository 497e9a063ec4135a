namespace ComplaintOps.Features.CrisisBoard;

/// <summary>What the alarm feed asks the page to do when someone acknowledges.</summary>
public sealed record AcknowledgeRequest(long AlarmId, string? Note, AssignableUser? AssignTo);
