using System.Collections.Concurrent;
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

    // Every open board shows the same rows, and a circuit keeps its previous render frames beside the current ones: without
    // sharing, each board held each fragment once or twice. Bounded: cleared when full (boards keep their own references).
    private static readonly ConcurrentDictionary<string, string> Fragments = new(StringComparer.Ordinal);
    private static long _fragmentChars;
    private const long MaxFragmentChars = 512 * 1024;

    /// <summary>One shared instance of an equal fragment already built (by this board or another one).</summary>
    public static string Share(string html)
    {
        if (Fragments.TryGetValue(html, out var shared)) return shared;
        if (Interlocked.Add(ref _fragmentChars, html.Length) > MaxFragmentChars)
        {
            Fragments.Clear();
            Interlocked.Exchange(ref _fragmentChars, html.Length);
        }
        return Fragments.GetOrAdd(html, html);
    }
}
