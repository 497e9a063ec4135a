using System.Net;
using ComplaintOps.Tests.Support;

namespace ComplaintOps.Tests.Features.Identity;

/// <summary>B4: 简体中文 by default, English on request, remembered in a cookie.</summary>
public sealed class CultureSwitchTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task B4_the_sign_in_page_is_chinese_by_default()
    {
        var html = await PageAsync(SignIn.NewClient(app));
        Assert.Contains(">登录</button>", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task B4_switching_to_english_sets_the_cookie_and_the_page_renders_english()
    {
        var client = SignIn.NewClient(app);
        var response = await client.GetAsync("/culture/en?returnUrl=/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("c%3Den%7Cuic%3Den", cookie, StringComparison.Ordinal);

        var html = await PageAsync(client);
        Assert.Contains(">Sign in</button>", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">登录</button>", html, StringComparison.Ordinal);

        // And back.
        await client.GetAsync("/culture/zh-CN?returnUrl=/account/login");
        Assert.Contains(">登录</button>", await PageAsync(client), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("de-DE")]
    [InlineData("zh-TW")]
    public async Task B4_an_unsupported_culture_is_refused(string culture)
    {
        var response = await SignIn.NewClient(app).GetAsync($"/culture/{culture}?returnUrl=/account/login");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task R28_the_culture_switch_does_not_redirect_off_site()
    {
        var response = await SignIn.NewClient(app).GetAsync("/culture/en?returnUrl=https://evil.example/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    /// <summary>The sign-in page with character references decoded (Razor encodes non-ASCII text).</summary>
    private static async Task<string> PageAsync(HttpClient client) =>
        WebUtility.HtmlDecode(await client.GetStringAsync("/account/login"));
}
