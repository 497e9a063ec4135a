using System.Net;
using ComplaintOps.Tests.Support;

namespace ComplaintOps.Tests.Features.Intake;

/// <summary>R28: the intake form is for the handling roles; inspectors, managers and others are refused.</summary>
public sealed class IntakeAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("agent")]
    [InlineData("expert")]
    [InlineData("coach")]
    [InlineData("supervisor")]
    public async Task R28_handling_roles_open_the_intake_form(string user)
    {
        var client = await SignIn.AsAsync(app, user);
        var response = await client.GetAsync("/intake");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"intake-form\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("inspector")]
    [InlineData("manager")]
    [InlineData("liaison")]
    [InlineData("admin")]
    public async Task R28_other_roles_are_refused_the_intake_form(string user)
    {
        await SignIn.AssertRefusedAsync(app, user, "/intake");
    }
}
