using System.Net;
using Bunit;
using ComplaintOps.Features.Administration.ApiKeys;
using ComplaintOps.Features.Intake.Api;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Administration.ApiKeys;

/// <summary>R6/R28: only administrators manage API keys.</summary>
public sealed class ApiKeysAdminAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("agent")]
    [InlineData("supervisor")]
    public async Task R6_R28_non_administrators_are_refused_the_api_key_page(string user)
    {
        await SignIn.AssertRefusedAsync(app, user, "/admin/api-keys");
    }

    [Fact]
    public async Task R6_R28_an_administrator_gets_the_api_key_page_listing_the_demo_key()
    {
        var client = await SignIn.AsAsync(app, "admin");
        var response = await client.GetAsync("/admin/api-keys");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"api-keys\"", html, StringComparison.Ordinal);
        Assert.Contains(DemoApiKey.SourceName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoApiKey.Secret, html, StringComparison.Ordinal);
    }
}

/// <summary>Creating a key on the page shows the secret once and stores only its SHA-256.</summary>
public sealed class ApiKeysAdminViewTests : ComponentTestBase
{
    public ApiKeysAdminViewTests() => Services.AddSingleton<ApiKeyStore>();

    [Fact]
    public async Task R6_creating_a_key_shows_the_secret_once_and_stores_only_its_hash()
    {
        Render<MudPopoverProvider>();
        var cut = Render<ApiKeysAdmin>();
        cut.Find("input[data-testid=api-key-source], [data-testid=api-key-source] input").Change("全国 12315 平台");
        cut.Find("[data-testid=api-key-create]").Click();

        var secret = "";
        cut.WaitForAssertion(() => secret = cut.Find("[data-testid=api-key-secret]").TextContent.Trim(), TimeSpan.FromSeconds(10));
        Assert.StartsWith(ApiKeyStore.SecretPrefix, secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);

        await using var db = await DbFactory.CreateDbContextAsync();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync();
        Assert.Equal(ApiKeyStore.Hash(secret), stored.SecretHash);
        Assert.Equal("全国 12315 平台", stored.SourceName);
        Assert.Equal(ComplaintOps.Domain.Complaints.Channel.Regulator, stored.Channel);
        // Nothing in the row is the secret: only the hash and a short prefix for telling keys apart.
        foreach (var value in new[] { stored.SecretHash, stored.Prefix, stored.SourceName, stored.CreatedBy })
            Assert.NotEqual(secret, value);
        Assert.True(stored.Prefix.Length < 12);
        Assert.NotNull(await Services.GetRequiredService<ApiKeyStore>().FindActiveAsync(secret));

        // Rendered again (a reload), the secret is gone for good.
        var again = Render<ApiKeysAdmin>();
        Assert.DoesNotContain(secret, again.Markup, StringComparison.Ordinal);
        Assert.Empty(again.FindAll("[data-testid=api-key-secret]"));
    }
}
