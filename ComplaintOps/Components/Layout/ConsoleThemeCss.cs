using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Net.Http.Headers;
using MudBlazor;

namespace ComplaintOps.Components.Layout;

/// <summary>
/// The console theme's CSS — exactly what <see cref="MudThemeProvider"/> writes into a page for <see cref="ConsoleTheme.Theme"/> —
/// as one static style sheet. The crisis board's wall layout links it instead of rendering a theme provider, which every open
/// board circuit would hold all day (its generated style sheet string and render frames; docs/benchmarks.md, boardmem).
/// Rendered once, on first request, with MudBlazor's own provider, so it cannot drift from the console's look.
/// </summary>
public sealed partial class ConsoleThemeCss(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public const string Path = "/css/console-theme.css";

    // The app assembly's MVID changes with every build that changes it (deterministic builds), so a new theme or a MudBlazor
    // upgrade gets a new URL and the old one may be cached for good.
    private static readonly string Version =
        typeof(ConsoleTheme).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    /// <summary>The URL to link: versioned, so browsers may cache it without asking again.</summary>
    public static string Href { get; } = Path + "?v=" + Version;

    private readonly Lazy<Task<(byte[] Css, EntityTagHeaderValue ETag)>> _sheet = new(() => RenderAsync(scopes, loggers));

    public async Task<string> CssAsync() => Encoding.UTF8.GetString((await _sheet.Value).Css);

    /// <summary>Public like the app's other static files: the theme holds colours and fonts, no data.</summary>
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (HttpContext http, ConsoleThemeCss theme) =>
        {
            var (css, etag) = await theme._sheet.Value;
            // Only the current version is immutable; an unversioned or stale URL is revalidated (ETag → 304).
            http.Response.Headers.CacheControl = http.Request.Query["v"] == Version ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Bytes(css, "text/css; charset=utf-8", entityTag: etag);
        }).AllowAnonymous();

    private static async Task<(byte[], EntityTagHeaderValue)> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(
                new Dictionary<string, object?> { [nameof(MudThemeProvider.Theme)] = ConsoleTheme.Theme }));
            return output.ToHtmlString();
        });

        // The provider's output is <style> elements only; their contents are the style sheet.
        var css = new StringBuilder();
        foreach (Match m in StyleElement().Matches(html))
            css.Append(WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).Append('\n');
        if (css.Length == 0) throw new InvalidOperationException("MudThemeProvider rendered no <style> element.");

        var bytes = Encoding.UTF8.GetBytes(css.ToString());
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"");
        return (bytes, etag);
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();
}
