using MudBlazor;

namespace ComplaintOps.Components.Layout;

/// <summary>System fonts only: the console runs without internet (no web fonts).</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "sans-serif"],
            },
        },
    };
}
