namespace ComplaintOps.Domain.AnswerRate;

/// <summary>
/// Manual-service answer rate (R14, §9.1.1.1): calls answered ÷ calls offered over a period, which must be
/// above 85%. A period with no calls offered has no rate (not 0%, not 100%).
/// </summary>
public sealed record AnswerRateFigure(long Offered, long Answered, long Abandoned)
{
    public const double Target = 0.85;

    public static readonly AnswerRateFigure Empty = new(0, 0, 0);

    public double? Rate => Offered == 0 ? null : (double)Answered / Offered;

    /// <summary>The standard asks for more than 85%, so exactly 85% does not meet it.</summary>
    public bool? MeetsTarget => Rate is { } r ? r > Target : null;

    public static AnswerRateFigure Sum(IEnumerable<CallIntervalRow> rows)
    {
        long offered = 0, answered = 0, abandoned = 0;
        foreach (var r in rows)
        {
            offered += r.Offered;
            answered += r.Answered;
            abandoned += r.Abandoned;
        }
        return new(offered, answered, abandoned);
    }
}
