using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;

namespace ComplaintOps.Features.Reports;

/// <summary>A KPI against the standard's target, this period beside the previous one (Summary sheet). Rate null = nothing measured.</summary>
public sealed record KpiRow(string Key, string Requirement, double Target, bool StrictlyAbove, double? Rate, long Measured, double? PreviousRate, long PreviousMeasured)
{
    public bool? Meets => Rate is { } r ? (StrictlyAbove ? r > Target : r >= Target) : null;
}

public sealed record TypeRow(ProblemType Type, ProblemSubType SubType, int Count, int HighRisk, int Finished);

public sealed record ChannelRow(Channel Channel, int Count, int HighRisk, int Finished);

public sealed record ProvinceRow(string Province, int Count, int HighRisk);

public sealed record HighRiskRegisterRow(
    string TrackingNumber, DateTime ReceivedAtUtc, RiskLevel RiskLevel, HighRiskTriggers Triggers, string Title, string ComplainantMasked,
    string? PreHandlingPlan, string? EmergencyResponseLine, string? HandlingPlan, string OwnerName, string? HandlerName,
    ComplaintStatus Status, string? Outcome, DateTime? FinishedAtUtc);

public enum SlaClause
{
    FirstReply = 0,
    LetterReply = 1,
    ProgressFeedback = 2,
}

public sealed record SlaBreachRow(SlaClause Clause, string TrackingNumber, Channel Channel, DateTime DueUtc, DateTime? AnsweredAtUtc, double LateHours, string? HandlerName, ComplaintStatus Status);

public sealed record HandlerRow(string HandlerId, string HandlerName, int Volume, int Finished, int Clocks, int OnTime, int SatisfactionAnswers, int Satisfied, double? QualityScore)
{
    public double? OnTimeRate => Clocks == 0 ? null : (double)OnTime / Clocks;
    public double? SatisfactionRate => SatisfactionAnswers == 0 ? null : (double)Satisfied / SatisfactionAnswers;
}

public sealed record RespondentRow(RespondentKind Kind, string Name, int Complaints, int Decided, int Established, int CompensationCount, long CompensationCents)
{
    public double? EstablishedRate => Decided == 0 ? null : (double)Established / Decided;
}

public sealed record ProductProblemRow(string ProductLine, int Rank, ProblemSubType SubType, int Count, int PreviousCount, int LineTotal);

public sealed record CompensationRow(string ProductLine, string RespondentName, int Count, int FastTrack, int Paid, long AmountCents);

public sealed record DepartmentRow(Department Department, int Opened, int Answered, int AnsweredOnTime, int Cancelled, int OpenAtEnd, int Overdue);

/// <summary>One complaint of the period on the detail sheet, personal data masked.</summary>
public sealed record DetailRow(
    string TrackingNumber, DateTime ReceivedAtUtc, Channel Channel, string Province, string ProductLine, ProblemSubType SubType,
    ComplaintSeverity Severity, RiskLevel RiskLevel, ComplaintStatus Status, string ComplainantMasked, string PhoneMasked,
    string RespondentName, string? HandlerName, DateTime? FirstReplyAtUtc, DateTime? FinishedAtUtc);

/// <summary>Everything on the styled sheets; the detail rows are streamed separately.</summary>
public sealed record ReportData(
    ReportPeriod Period, DateTime FromUtc, DateTime ToUtc, DateTime GeneratedAtUtc, int Received, int PreviousReceived,
    IReadOnlyList<KpiRow> Kpis, IReadOnlyList<TypeRow> ByType, IReadOnlyList<ChannelRow> ByChannel, IReadOnlyList<ProvinceRow> ByProvince,
    IReadOnlyList<HighRiskRegisterRow> HighRisk, IReadOnlyList<SlaBreachRow> SlaBreaches, IReadOnlyList<HandlerRow> Handlers,
    IReadOnlyList<RespondentRow> Respondents, IReadOnlyList<ProductProblemRow> ProductProblems, IReadOnlyList<CompensationRow> Compensation,
    QualitySummary Quality, IReadOnlyList<DepartmentRow> Departments);
