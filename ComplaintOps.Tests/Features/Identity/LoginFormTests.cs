using System.Net;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Tests.Support;

namespace ComplaintOps.Tests.Features.Identity;

/// <summary>The sign-in form posted the way a browser posts it (antiforgery cookie + hidden token).</summary>
public sealed class LoginFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task R28_wrong_password_goes_back_to_the_form_with_an_error_and_no_auth_cookie()
    {
        var client = SignIn.NewClient(app);
        var response = await SignIn.PostLoginAsync(client, "agent2", "wrong-password-1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login?", location, StringComparison.Ordinal);
        Assert.Contains("error=invalid", location, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthCookies(response), c => c.StartsWith("complaintops.auth=", StringComparison.Ordinal));

        // The form then tells the user in plain words (zh-CN by default).
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains("用户名或密码不正确。", page, StringComparison.Ordinal);

        // And the user is still anonymous.
        var queue = await client.GetAsync("/complaints");
        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.StartsWith("/account/login", queue.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R28_correct_password_sets_the_auth_cookie_and_goes_to_the_return_url()
    {
        var client = SignIn.NewClient(app);
        var response = await SignIn.PostLoginAsync(client, "agent", DemoUsers.Password, "/complaints");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/complaints", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(AuthCookies(response), c => c.StartsWith("complaintops.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var queue = await client.GetAsync("/complaints");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [Fact]
    public async Task R28_a_post_without_the_antiforgery_token_signs_nobody_in_and_returns_to_the_form()
    {
        // A stale form (cookie gone, keys rotated) must not end in a server error: the user gets the form back.
        var client = SignIn.NewClient(app);
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "agent3",
            ["Password"] = DemoUsers.Password,
            ["ReturnUrl"] = "/complaints",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login?error=expired", location, StringComparison.Ordinal);
        Assert.Contains("returnUrl=%2Fcomplaints", location, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthCookies(response), c => c.StartsWith("complaintops.auth=", StringComparison.Ordinal));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(location));
        Assert.Contains("data-testid=\"login-error\"", page, StringComparison.Ordinal);

        // With a fresh form the same user signs in.
        var retry = await SignIn.PostLoginAsync(client, "agent3", DemoUsers.Password, "/complaints");
        Assert.Equal("/complaints", retry.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task R28_a_forged_antiforgery_token_is_refused_too()
    {
        var client = SignIn.NewClient(app);
        await client.GetAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "CfDJ8forged",
            ["UserName"] = "agent3",
            ["Password"] = DemoUsers.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?error=expired", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthCookies(response), c => c.StartsWith("complaintops.auth=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task R28_return_url_to_another_site_lands_on_home(string returnUrl)
    {
        var client = SignIn.NewClient(app);
        var response = await SignIn.PostLoginAsync(client, "expert", DemoUsers.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    private static IEnumerable<string> AuthCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
