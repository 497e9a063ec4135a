namespace ComplaintOps.Features.CrisisBoard;

/// <summary>Satisfaction answers in a period: how many, how many 4–5 (satisfied).</summary>
public sealed record SatisfactionFigure(int Answers, int Satisfied)
{
    public static readonly SatisfactionFigure None = new(0, 0);
    public double? Rate => Answers == 0 ? null : (double)Satisfied / Answers;
}

public sealed record SatisfactionSnapshot(SatisfactionFigure Today, SatisfactionFigure Last7Days, SatisfactionFigure Last30Days)
{
    public static readonly SatisfactionSnapshot None = new(SatisfactionFigure.None, SatisfactionFigure.None, SatisfactionFigure.None);
}

/// <summary>
/// The board's satisfaction tiles read this. Hook for the satisfaction feature (issue 6): register your implementation
/// (it replaces <see cref="NoSatisfactionFigures"/>, which is added with TryAdd) and publish
/// <see cref="BoardChangeKind.SatisfactionRecorded"/> on the <see cref="BoardChangeFeed"/> when a score comes in
/// (raise <see cref="AlarmKind.LowSatisfaction"/> through <see cref="AlarmService.RaiseAsync"/> for a low one).
/// </summary>
public interface ISatisfactionFigures
{
    /// <summary>Today (business day), the last 7 and the last 30 days up to <paramref name="nowUtc"/>.</summary>
    Task<SatisfactionSnapshot> GetAsync(DateTime nowUtc, CancellationToken ct = default);
}

/// <summary>Until satisfaction surveys exist there are no answers: the tiles say so rather than show a number.</summary>
public sealed class NoSatisfactionFigures : ISatisfactionFigures
{
    public Task<SatisfactionSnapshot> GetAsync(DateTime nowUtc, CancellationToken ct = default) => Task.FromResult(SatisfactionSnapshot.None);
}
