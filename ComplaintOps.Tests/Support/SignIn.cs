using System.Net;
using System.Text.RegularExpressions;
using ComplaintOps.Data.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintOps.Tests.Support;

/// <summary>Signs in the way a browser does: GET the form (antiforgery cookie + hidden token), then POST it.</summary>
public static partial class SignIn
{
    public static HttpClient NewClient(AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var form = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        var token = TokenField().Match(html);
        Assert.True(token.Success, "The sign-in form has no __RequestVerificationToken field.");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["UserName"] = userName,
            ["Password"] = password,
        };
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>A client holding the auth cookie of a demo user.</summary>
    public static async Task<HttpClient> AsAsync(AppFactory app, string userName)
    {
        var client = NewClient(app);
        var response = await PostLoginAsync(client, userName, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        return client;
    }

    /// <summary>A signed-in user whose role may not open <paramref name="path"/> is sent to the access-denied page.</summary>
    public static async Task AssertRefusedAsync(AppFactory app, string userName, string path)
    {
        var client = await AsAsync(app, userName);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
    }

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*?value="([^"]+)"[^>]*>""")]
    private static partial Regex TokenField();
}
