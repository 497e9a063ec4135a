using System.Net;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ComplaintOps.Tests.Features.Identity;

public sealed class SignInAndRoleTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/complaints")]
    [InlineData("/complaints/1")]
    [InlineData("/admin/calendar")]
    public async Task R28_anonymous_requests_are_sent_to_sign_in(string path)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }
}
