using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintOps.Tests.Features.Intake.Public;

/// <summary>The app with lookups hardly throttled, so a test class can look up as often as it needs.</summary>
public class PublicAppFactory : AppFactory
{
    protected virtual int LookupPermitLimit => 10_000;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PublicIntake:LookupPermitLimit", LookupPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>An anonymous browser over HTTP: GET the page (antiforgery cookie + token), then POST its form.</summary>
public sealed partial class PublicPages(HttpClient client)
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 73, 72, 68, 82];

    public HttpClient Client { get; } = client;

    public static PublicPages Anonymous(AppFactory app, string? culture = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (culture is not null) client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(culture);
        return new PublicPages(client);
    }

    public static Dictionary<string, string> ValidForm() => new()
    {
        ["Form.Topic"] = "ReturnOrRefund",
        ["Form.ProductLine"] = "电商平台",
        ["Form.RespondentName"] = "优品家电旗舰店",
        ["Form.Description"] = "七天无理由退货被商家拒绝，商品未拆封。",
        ["Form.Demands"] = "全额退款",
        ["Form.Name"] = "张三",
        ["Form.Phone"] = "13912345678",
        ["Form.Email"] = "zhang@example.com",
        ["Form.Province"] = "浙江",
        ["Form.City"] = "杭州",
        ["Form.SpecialGroup"] = "None",
    };

    public async Task<string> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<(HttpResponseMessage Response, string Html)> SubmitAsync(Dictionary<string, string> fields, params (string Name, byte[] Bytes)[] files)
    {
        var token = Token(await GetAsync("/public/complaint"));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        content.Add(new StringContent("public-complaint"), "_handler");
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Attachments", name);
        }
        var response = await Client.PostAsync("/public/complaint", content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public async Task<(string TrackingNumber, string Secret)> SubmitValidAsync(Dictionary<string, string>? fields = null)
    {
        var (response, html) = await SubmitAsync(fields ?? ValidForm());
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        return (TestId(html, "tracking-number")!, TestId(html, "lookup-secret")!);
    }

    public async Task<(HttpResponseMessage Response, string Html)> LookupAsync(string trackingNumber, string code)
    {
        var token = Token(await GetAsync("/public/status"));
        var response = await Client.PostAsync("/public/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "public-status",
            ["Lookup.TrackingNumber"] = trackingNumber,
            ["Lookup.Code"] = code,
        }));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The text of the first element with this data-testid, HTML-decoded; null when absent.</summary>
    public static string? TestId(string html, string testId)
    {
        var match = Regex.Match(html, $"""data-testid="{Regex.Escape(testId)}"[^>]*>(.*?)</""", RegexOptions.Singleline);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : null;
    }

    private static string Token(string html)
    {
        var token = TokenField().Match(html);
        Assert.True(token.Success, "The page has no __RequestVerificationToken field.");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*?value="([^"]+)"[^>]*>""")]
    private static partial Regex TokenField();
}
