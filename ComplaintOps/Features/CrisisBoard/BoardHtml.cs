using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ComplaintOps.Features.CrisisBoard;

/// <summary>
/// Encodes what users typed for the board's pre-built row fragments (one render frame per row instead of ~35: every open
/// board keeps its frames all day). All of Unicode is kept as is, so Chinese text is not turned into character references.
/// </summary>
internal static class BoardHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? "");
}
