extern alias app;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Features.Intake.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Benchmarks;

/// <summary>
/// Issue 5 §6: <c>board</c> mode. The app's real host on Kestrel (127.0.0.1, free port, fresh demo database),
/// N SignalR clients (default 200, WebSockets, a supervisor's sign-in cookie) on /hubs/crisis. Rounds alternate:
/// <list type="bullet">
/// <item>app: a high-risk complaint POSTed through the intake API (demo key); latency = the moment each client receives
/// its "boardChanged" ComplaintAdded message − the moment the API response arrived (negative = pushed before the
/// caller had its answer, counted as 0 and reported);</item>
/// <item>floor: a bare IHubContext broadcast of a message of the same shape to the same group; latency = receipt − send.</item>
/// </list>
/// Memory: the process's managed heap after a full GC, before and after connecting the clients. Client and server live
/// in this one process, so the per-connection figure is an upper bound for the server's share.
/// Usage: <c>dotnet run -c Release --project ComplaintOps.Benchmarks -- board [--clients 200] [--rounds 40]</c>.
/// </summary>
internal static partial class BoardBench
{
    public static async Task RunAsync(string root, string[] args)
    {
        var clients = Arg(args, "--clients", 200);
        var rounds = Arg(args, "--rounds", 40);
        var warmupRounds = 5;
        var dir = Directory.CreateTempSubdirectory("complaintops-board-bench").FullName;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, load average {BenchSql.LoadAverage()}");
        Console.WriteLine($"Board bench: {clients} SignalR clients, {warmupRounds} warm-up + {rounds} measured rounds of each kind, database {dir}");

        await using var host = new BoardAppFactory(root, Path.Combine(dir, "complaintops.db"));
        var baseUrl = host.Start();
        var cookie = await SignInAsync(baseUrl, "supervisor");
        var hub = host.Services.GetRequiredService<IHubContext<CrisisHub>>();

        // Who received what, when: per message key, the receipt timestamps of every client.
        var receipts = new Dictionary<string, long[]>();
        var counts = new Dictionary<string, int>();
        var gate = new Lock();
        var done = new Dictionary<string, TaskCompletionSource>();

        // Call with the gate held. A push can overtake the API response: whichever comes first creates the slot.
        void Ensure(string key)
        {
            if (receipts.ContainsKey(key)) return;
            receipts[key] = new long[clients];
            counts[key] = 0;
            done[key] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        void Expect(string key)
        {
            lock (gate) Ensure(key);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;

        var connections = new List<HubConnection>(clients);
        for (var i = 0; i < clients; i++)
        {
            var index = i;
            var connection = new HubConnectionBuilder()
                .WithUrl(baseUrl + CrisisHub.Path, o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.Headers["Cookie"] = cookie;
                })
                .Build();
            connection.On<BoardChange>(CrisisHub.ChangedMethod, change =>
            {
                var now = Stopwatch.GetTimestamp();
                var key = change.Kind == BoardChangeKind.ComplaintAdded ? change.TrackingNumber : null;
                if (key is null) return;
                lock (gate)
                {
                    Ensure(key);
                    var times = receipts[key];
                    if (times[index] != 0) return;
                    times[index] = now;
                    if (++counts[key] == clients) done[key].TrySetResult();
                }
            });
            await connection.StartAsync();
            connections.Add(connection);
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var rssAfter = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine($"Connected {clients} clients. Managed heap +{(heapAfter - heapBefore) / 1024.0 / clients:F1} KB per connection, working set +{(rssAfter - rssBefore) / 1024.0 / clients:F1} KB per connection (client and server sides together).");

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, DemoApiKey.Secret);

        var appLatency = new List<double>();
        var floorLatency = new List<double>();
        var beforeResponse = 0;
        var incomplete = 0;
        for (var round = 0; round < warmupRounds + rounds; round++)
        {
            var measured = round >= warmupRounds;

            // App: a high-risk complaint through the intake API.
            var body = new
            {
                complainant = new { name = "压测用户", phone = $"139{round:D8}", province = "浙江", city = "杭州" },
                respondent = new { kind = "Merchant", name = "看板压测商家" },
                productLine = $"看板压测-{round}",
                title = "热水器起火",
                description = "使用时起火，央视记者已来采访。",
                demands = "赔偿",
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", $"board-bench-{round}-{Guid.NewGuid():N}");
            var pendingKey = await PostAsync(http, request, Expect);
            var responded = Stopwatch.GetTimestamp();
            if (!await WaitAsync(done, gate, pendingKey)) incomplete++;
            if (measured)
                lock (gate)
                    foreach (var t in receipts[pendingKey].Where(t => t != 0))
                    {
                        var ms = Stopwatch.GetElapsedTime(responded, t).TotalMilliseconds;
                        if (t < responded)
                        {
                            beforeResponse++;
                            ms = 0;
                        }
                        appLatency.Add(ms);
                    }

            // Floor: the same-shaped message as a bare broadcast to the same group.
            var floorKey = $"FLOOR-{round}";
            Expect(floorKey);
            var floorSent = Stopwatch.GetTimestamp();
            await hub.Clients.Group(CrisisHub.BoardGroup).SendAsync(CrisisHub.ChangedMethod,
                new BoardChange(BoardChangeKind.ComplaintAdded, DateTime.UtcNow, -round, Severity: "HighRisk", Status: "Received", HighRisk: true, TrackingNumber: floorKey));
            if (!await WaitAsync(done, gate, floorKey)) incomplete++;
            if (measured)
                lock (gate)
                    floorLatency.AddRange(receipts[floorKey].Where(t => t != 0).Select(t => Stopwatch.GetElapsedTime(floorSent, t).TotalMilliseconds));
            await Task.Delay(100);
        }

        var a = Stats.Of(appLatency);
        var f = Stats.Of(floorLatency);
        Console.WriteLine();
        Console.WriteLine($"| Path | deliveries | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| intake API → board clients (from API response) | {appLatency.Count} | {a.P50:F1} | {a.P99:F1} | {a.Max:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| floor: bare hub broadcast (from send) | {floorLatency.Count} | {f.P50:F1} | {f.P99:F1} | {f.Max:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ratio p50 {a.P50 / Math.Max(f.P50, 0.001):F2}×, p99 {a.P99 / Math.Max(f.P99, 0.001):F2}×; {beforeResponse} deliveries arrived before the API response (counted as 0 ms); {incomplete} rounds incomplete within 10 s."));
        var met = a.P50 <= 50 && a.P99 <= 250 && a.P99 <= 3 * f.P99;
        Console.WriteLine(met ? "Goal (p50 ≤ 50 ms, p99 ≤ 250 ms, ≤ 3× floor) met." : "Goal (p50 ≤ 50 ms, p99 ≤ 250 ms, ≤ 3× floor) NOT met.");

        foreach (var c in connections) await c.DisposeAsync();
    }

    /// <summary>Posts and returns the tracking number (the key the pushes carry).</summary>
    private static async Task<string> PostAsync(HttpClient http, HttpRequestMessage request, Action<string> expect)
    {
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"POST answered {(int)response.StatusCode}: {text}");
        var number = JsonDocument.Parse(text).RootElement.GetProperty("trackingNumber").GetString()!;
        expect(number);
        return number;
    }

    private static async Task<bool> WaitAsync(Dictionary<string, TaskCompletionSource> done, Lock gate, string key)
    {
        Task task;
        lock (gate) task = done[key].Task;
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(10));
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    internal static async Task<string> SignInAsync(string baseUrl, string user)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var form = await http.GetStringAsync("/account/login");
        var token = TokenField().Match(form).Groups[1].Value;
        var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["UserName"] = user,
            ["Password"] = app::ComplaintOps.Data.Seeding.DemoUsers.Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}.");
        var auth = cookies.GetCookies(new Uri(baseUrl))["complaintops.auth"] ?? throw new InvalidOperationException("No auth cookie.");
        return $"{auth.Name}={auth.Value}";
    }

    internal static int Arg(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;

    [GeneratedRegex("""name="__RequestVerificationToken"[^>]*?value="([^"]+)"[^>]*>""")]
    private static partial Regex TokenField();

    /// <summary>
    /// The app's real host on Kestrel, fresh demo database (1,000 complaints), scheduler off, rate limit raised.
    /// <paramref name="configure"/> lets a mode add settings or services (the board memory mode counts circuits).
    /// </summary>
    internal sealed class BoardAppFactory(string root, string databasePath, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<app::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(root);
            builder.UseEnvironment("Production");
            builder.UseSetting("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:0");
            builder.UseSetting("Storage:DatabasePath", databasePath);
            builder.UseSetting("Seeding:Demo", "true");
            builder.UseSetting("Seeding:Complaints", "1000");
            builder.UseSetting("Scheduling:Enabled", "false");
            builder.UseSetting("IntakeApi:RateLimitPermits", "1000000");
            builder.UseSetting("IntakeApi:RateLimitWindowSeconds", "1");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            configure?.Invoke(builder);
        }

        public string Start()
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            StartServer();
            return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
    }
}
