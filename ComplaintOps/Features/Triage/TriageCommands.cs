using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Infrastructure;

namespace ComplaintOps.Features.Triage;

/// <summary>Grade override and high-risk plans on an existing complaint, through <see cref="ComplaintCommands"/>'s version check.</summary>
public sealed class TriageCommands(ComplaintCommands commands, BusinessTime time)
{
    public Task<int> OverrideGradeAsync(int id, int expectedVersion, ComplaintSeverity severity, RiskLevel level, HighRiskTriggers? triggers, string? reason, Actor by, CancellationToken ct = default) =>
        commands.ChangeAsync(id, expectedVersion, c => c.OverrideGrade(severity, level, triggers, reason, by, time.UtcNow), ct);

    public Task<int> RecordHighRiskPlansAsync(int id, int expectedVersion, string? preHandlingPlan, string? emergencyResponseLine, string? handlingPlan, Actor by, CancellationToken ct = default) =>
        commands.ChangeAsync(id, expectedVersion, c => c.RecordHighRiskPlans(preHandlingPlan, emergencyResponseLine, handlingPlan, by, time.UtcNow), ct);
}
