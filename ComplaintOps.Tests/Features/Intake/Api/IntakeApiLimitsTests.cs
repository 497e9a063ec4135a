using System.Net;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake.Api;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static ComplaintOps.Tests.Features.Intake.Api.IntakeApiClient;

namespace ComplaintOps.Tests.Features.Intake.Api;

/// <summary>Per-key rate limit (tiny here) and no demo key without demo seeding.</summary>
public sealed class IntakeApiLimitsTests(IntakeApiLimitsTests.LimitedFactory app) : IClassFixture<IntakeApiLimitsTests.LimitedFactory>
{
    public sealed class LimitedFactory : AppFactory
    {
        protected override int SeedComplaints => 0;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Seeding:Demo", "false");
            builder.UseSetting("IntakeApi:RateLimitPermits", "2");
            builder.UseSetting("IntakeApi:RateLimitWindowSeconds", "3600");
        }
    }

    [Fact]
    public async Task R6_a_key_over_its_rate_limit_gets_429_with_retry_after_and_other_keys_are_unaffected()
    {
        var client = New(app);
        var busy = await IssueKeyAsync(app, Channel.App, "App 限流");
        var quiet = await IssueKeyAsync(app, Channel.App, "App 其他");

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, busy, "rl-1", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, busy, "rl-2", Body())).StatusCode);
        var refused = await PostAsync(client, busy, "rl-3", Body());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertProblem(refused);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.True(refused.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, quiet, "rl-1", Body())).StatusCode);
        await using var db = app.OpenDb();
        Assert.Equal(3, await db.Complaints.CountAsync());
    }

    [Fact]
    public async Task R6_without_demo_seeding_the_demo_key_does_not_exist()
    {
        var response = await PostAsync(New(app), DemoApiKey.Secret, "demo-off", Body());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = app.OpenDb();
        Assert.False(await db.ApiKeys.AnyAsync(k => k.SecretHash == ApiKeyStore.Hash(DemoApiKey.Secret)));
    }
}

/// <summary>Idempotency records live in the database: a retry after a restart still gets the first answer.</summary>
public sealed class IntakeApiRestartTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed class SameDatabaseFactory(string databasePath) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:DatabasePath", databasePath);
        }
    }

    [Fact]
    public async Task R6_a_retry_after_a_restart_returns_the_same_tracking_number()
    {
        var key = await IssueKeyAsync(app, Channel.Regulator, "全国 12315 平台");
        var first = await PostAsync(New(app), key, "restart-1", Body("12315-R-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var restarted = new SameDatabaseFactory(app.DatabasePath);
        var retry = await PostAsync(New(restarted), key, "restart-1", Body("12315-R-1"));

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Complaints.CountAsync(c => c.SourceReference == "12315-R-1"));
    }
}
