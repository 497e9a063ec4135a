namespace ComplaintOps.Features.Intake;

/// <summary>Section "Intake": the product lines a complaint can be about (forms offer them as a list).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Used when the configuration lists none.</summary>
    public static readonly string[] DefaultProductLines = ["电商平台", "本地生活", "短视频", "在线支付", "云服务", "网约车", "在线教育", "手机游戏"];

    // Left empty by default: binding a list onto non-empty defaults appends instead of replacing.
    public List<string> ProductLines { get; set; } = [];

    public IReadOnlyList<string> EffectiveProductLines
    {
        get
        {
            var lines = ProductLines.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToArray();
            return lines.Length > 0 ? lines : DefaultProductLines;
        }
    }
}
