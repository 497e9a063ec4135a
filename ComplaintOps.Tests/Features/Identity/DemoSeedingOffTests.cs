using System.Net;
using ComplaintOps.Data;
using ComplaintOps.Infrastructure;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Identity;

/// <summary>With demo seeding off there are no default passwords; the CLI creates the first administrator.</summary>
public sealed class DemoSeedingOffTests(DemoSeedingOffTests.NoDemoFactory app) : IClassFixture<DemoSeedingOffTests.NoDemoFactory>
{
    public sealed class NoDemoFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Seeding:Demo", "false");
        }
    }

    [Fact]
    public async Task R28_no_users_no_demo_data_and_no_demo_passwords_on_the_sign_in_page()
    {
        var html = await app.CreateClient().GetStringAsync("/account/login");
        Assert.DoesNotContain("Demo-2026-pass", html, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Complaints.CountAsync());
        Assert.Equal(8, await db.Roles.CountAsync());
    }

    [Fact]
    public async Task R28_create_admin_makes_an_administrator_who_can_sign_in_and_refuses_a_weak_password()
    {
        _ = app.CreateClient();
        var weak = await CommandLine.CreateAdministratorAsync(app.Services, "weak", "123");
        Assert.False(weak.Succeeded);

        var created = await CommandLine.CreateAdministratorAsync(app.Services, "alice", "Strong-password-2026");
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var alice = await users.FindByNameAsync("alice");
        Assert.NotNull(alice);
        Assert.True(await users.IsInRoleAsync(alice, "Administrator"));

        var client = SignIn.NewClient(app);
        var login = await SignIn.PostLoginAsync(client, "alice", "Strong-password-2026");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location!.OriginalString);
        var response = await client.GetAsync("/admin/calendar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
