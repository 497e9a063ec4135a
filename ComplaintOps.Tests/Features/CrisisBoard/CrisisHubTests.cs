using System.Net;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.CrisisBoard;

/// <summary>R31: the hub at /hubs/crisis — supervisors and managers only; pushes a new high-risk complaint.</summary>
public sealed class CrisisHubTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The sign-in cookie of a demo user, as a browser or a wallboard tool would send it.</summary>
    internal static async Task<string> CookieAsync(AppFactory app, string user)
    {
        var client = SignIn.NewClient(app);
        var response = await SignIn.PostLoginAsync(client, user, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("complaintops.auth=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private HubConnection Connect(string? cookie) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Server.BaseAddress, CrisisHub.Path.TrimStart('/')), o =>
        {
            o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            if (cookie is not null) o.Headers["Cookie"] = cookie;
        })
        .Build();

    [Fact]
    public async Task R31_anonymous_is_refused_with_401()
    {
        _ = app.CreateClient();
        await using var hub = Connect(null);
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
    }

    [Fact]
    public async Task R31_an_agent_is_refused_with_403()
    {
        _ = app.CreateClient();
        await using var hub = Connect(await CookieAsync(app, "agent"));
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
        Assert.Equal(HttpStatusCode.Forbidden, ex.StatusCode);
    }

    [Theory]
    [InlineData("supervisor")]
    [InlineData("manager")]
    public async Task R10_R31_a_board_user_receives_a_pushed_high_risk_complaint(string user)
    {
        _ = app.CreateClient();
        await using var hub = Connect(await CookieAsync(app, user));
        var changes = new List<BoardChange>();
        var received = new TaskCompletionSource<BoardChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var alarm = new TaskCompletionSource<BoardChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        int? id = null;
        hub.On<BoardChange>(CrisisHub.ChangedMethod, change =>
        {
            lock (changes) changes.Add(change);
            if (id is { } wanted && change.ComplaintId == wanted)
            {
                if (change.Kind == BoardChangeKind.ComplaintAdded) received.TrySetResult(change);
                if (change.Kind == BoardChangeKind.AlarmRaised) alarm.TrySetResult(change);
            }
        });
        await hub.StartAsync();
        // The handshake completes before the server's OnConnectedAsync joins the board group; a hub call is only
        // served after it, so one round trip makes sure the push below cannot be missed.
        _ = await hub.InvokeAsync<DateTime>(nameof(CrisisHub.Ping));

        var phone = user == "supervisor" ? "13600000001" : "13600000002";
        var complaint = await app.Services.GetRequiredService<IntakeService>().ReceiveAsync(AlarmTests.HighRisk(phone), Actor.System);
        id = complaint.Id;
        // The push may have arrived before id was set: look at what came in.
        lock (changes)
            foreach (var c in changes.Where(c => c.ComplaintId == complaint.Id))
            {
                if (c.Kind == BoardChangeKind.ComplaintAdded) received.TrySetResult(c);
                if (c.Kind == BoardChangeKind.AlarmRaised) alarm.TrySetResult(c);
            }

        var added = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(added.HighRisk);
        Assert.Equal(nameof(ComplaintSeverity.HighRisk), added.Severity);
        var raised = await alarm.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(nameof(AlarmKind.NewHighRisk), raised.AlarmKind);
    }
}
