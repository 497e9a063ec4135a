using System.Net;
using ComplaintOps.Tests.Support;

namespace ComplaintOps.Tests.Features.Identity;

/// <summary>R28 role-based access: each role reaches its pages and is refused the others.</summary>
public sealed class RoleAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("agent", "/admin/calendar")]
    [InlineData("supervisor", "/admin/calendar")]
    [InlineData("admin", "/complaints")]
    [InlineData("admin", "/complaints/1")]
    [InlineData("liaison", "/complaints")]
    [InlineData("liaison", "/complaints/1")]
    public async Task R28_signed_in_users_without_the_role_are_refused(string user, string path)
    {
        await SignIn.AssertRefusedAsync(app, user, path);
    }

    [Theory]
    [InlineData("supervisor", "/complaints")]
    [InlineData("agent", "/complaints")]
    [InlineData("inspector", "/complaints/1")]
    [InlineData("manager", "/complaints")]
    [InlineData("admin", "/admin/calendar")]
    public async Task R28_signed_in_users_with_the_role_get_the_page(string user, string path)
    {
        var client = await SignIn.AsAsync(app, user);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-testid=\"access-denied\"", html, StringComparison.Ordinal);
    }
}
