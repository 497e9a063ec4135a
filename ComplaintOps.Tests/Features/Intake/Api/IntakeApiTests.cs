using System.Net;
using System.Text.Json.Nodes;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake.Api;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ComplaintOps.Tests.Features.Intake.Api.IntakeApiClient;

namespace ComplaintOps.Tests.Features.Intake.Api;

public sealed class IntakeApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData(Channel.App, "官方 App", null)]
    [InlineData(Channel.Regulator, "全国 12315 平台", "12315-2026-0001")]
    [InlineData(Channel.PublicOpinion, "黑猫投诉", "HM-88231")]
    [InlineData(Channel.Media, "都市快报", "DSKB-2026-11-28-03")]
    public async Task R6_every_source_files_a_complaint_with_its_channel_source_name_and_reference(Channel channel, string source, string? reference)
    {
        var client = New(app);
        var key = await IssueKeyAsync(app, channel, source);

        var response = await PostAsync(client, key, $"r6-{channel}", Body(reference));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await JsonAsync(response);
        var number = json.GetProperty("trackingNumber").GetString()!;
        Assert.Equal("Received", json.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/complaints/{number}", response.Headers.Location!.OriginalString);
        await using var db = app.OpenDb();
        var saved = await db.Complaints.Include(c => c.Timeline).SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal(channel, saved.Channel);
        Assert.Equal(source, saved.SourceName);
        Assert.Equal(reference, saved.SourceReference);
        Assert.Equal(ComplaintStatus.Received, saved.Status);
        Assert.False(string.IsNullOrEmpty(saved.OwnerId)); // R34: the intake desk owns it until an agent takes it
        Assert.Equal("浙江", saved.Complainant.Province);
        // Classification comes later; until then the default sub-type.
        // R9: no sub-type was sent, so the keyword rules classified "退款未到账".
        Assert.Equal(ProblemSubType.ReturnOrRefund, saved.ProblemSubType);
        // R10: regulator and media sources are graded high-risk at receipt; the app and opinion platforms are not.
        var expected = channel is Channel.Regulator or Channel.Media ? ComplaintSeverity.HighRisk : ComplaintSeverity.General;
        Assert.Equal(expected, saved.Severity);
        Assert.Equal(source, saved.Timeline.Single(e => e.Kind == TimelineEventKind.Received).ActorName);

        var status = await GetAsync(client, key, number);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var body = await status.Content.ReadAsStringAsync();
        Assert.Contains(number, body, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", body, StringComparison.Ordinal);
        Assert.DoesNotContain("王芳", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R6_an_external_source_must_send_its_reference_number()
    {
        var key = await IssueKeyAsync(app, Channel.Regulator, "省消保委");
        var response = await PostAsync(New(app), key, "r6-no-ref", Body());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sourceReference", await FieldErrorsAsync(response));
    }

    [Fact]
    public async Task R6_a_source_sees_only_its_own_complaints()
    {
        var client = New(app);
        var mine = await IssueKeyAsync(app, Channel.Media, "晚报 A");
        var other = await IssueKeyAsync(app, Channel.Media, "晚报 B");
        var created = await JsonAsync(await PostAsync(client, mine, "r6-own", Body("A-1")));
        var number = created.GetProperty("trackingNumber").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, mine, number)).StatusCode);
        var foreign = await GetAsync(client, other, number);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        AssertProblem(foreign);
    }

    [Fact]
    public async Task R6_a_retry_returns_the_same_tracking_number_and_creates_one_complaint()
    {
        var client = New(app);
        var key = await IssueKeyAsync(app, Channel.App, "App 重试");
        var body = Body();
        body["title"] = "重试测试 " + Guid.NewGuid();

        var first = await PostAsync(client, key, "retry-1", body);
        var second = await PostAsync(client, key, "retry-1", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Complaints.CountAsync(c => c.Title == body["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task R6_the_same_idempotency_key_with_another_body_is_refused_with_422()
    {
        var client = New(app);
        var key = await IssueKeyAsync(app, Channel.App, "App 改体");
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, key, "same-key", Body())).StatusCode);
        var changed = Body();
        changed["title"] = "另一件事";

        var response = await PostAsync(client, key, "same-key", changed);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        AssertProblem(response);
        await using var db = app.OpenDb();
        Assert.False(await db.Complaints.AnyAsync(c => c.Title == "另一件事"));
    }

    [Fact]
    public async Task R6_idempotency_keys_belong_to_one_api_key()
    {
        var client = New(app);
        var a = await IssueKeyAsync(app, Channel.App, "App 甲");
        var b = await IssueKeyAsync(app, Channel.App, "App 乙");
        var first = await JsonAsync(await PostAsync(client, a, "shared-value", Body()));
        var second = await PostAsync(client, b, "shared-value", Body());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.NotEqual(first.GetProperty("trackingNumber").GetString(), (await JsonAsync(second)).GetProperty("trackingNumber").GetString());
    }

    [Fact]
    public async Task R6_a_missing_idempotency_key_is_a_400_problem()
    {
        var key = await IssueKeyAsync(app, Channel.App, "App 无键");
        var response = await PostAsync(New(app), key, null, Body());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertProblem(response);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task R6_malformed_json_is_a_400_problem()
    {
        var key = await IssueKeyAsync(app, Channel.App, "App 坏 JSON");
        var response = await PostRawAsync(New(app), key, "bad-json", "{\"complainant\": {\"name\": ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertProblem(response);
    }

    [Fact]
    public async Task R6_invalid_fields_are_reported_by_name_and_nothing_is_stored()
    {
        var key = await IssueKeyAsync(app, Channel.App, "App 校验");
        var body = Body();
        body["title"] = new string('长', 201);                     // over the column's 200
        body["description"] = null;                                // required
        body.Remove("demands");                                    // required
        body["complainant"]!["name"] = 42;                         // wrong type
        body["complainant"]!["phone"] = "12345";                   // not a phone number
        body["complainant"]!["province"] = "加州";                  // not a province
        body["respondent"]!["kind"] = "Government";                 // not an enum value
        body["specialGroup"] = 1;                                  // enum values by name only
        body["severity"] = "HighRisk";                              // graded internally, not accepted
        await using var before = app.OpenDb();
        var count = await before.Complaints.CountAsync();

        var response = await PostAsync(New(app), key, "invalid-1", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await FieldErrorsAsync(response);
        Assert.Equal(
            new[] { "complainant.name", "complainant.phone", "complainant.province", "demands", "description", "respondent.kind", "severity", "specialGroup", "title" },
            fields.Order(StringComparer.Ordinal).ToArray());
        await using var after = app.OpenDb();
        Assert.Equal(count, await after.Complaints.CountAsync());
        // A corrected retry with the same key is accepted: a refused request reserves nothing.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(New(app), key, "invalid-1-fixed", Body())).StatusCode);
    }

    [Fact]
    public async Task R6_a_script_in_the_description_is_stored_as_text_and_never_echoed_raw()
    {
        var client = New(app);
        var key = await IssueKeyAsync(app, Channel.App, "App 脚本");
        const string script = "<script>alert('x')</script> & <img src=x onerror=alert(1)>";
        var body = Body();
        body["description"] = script;
        body["title"] = "<b>标题</b>";

        var response = await PostAsync(client, key, "script-1", body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);
        var number = (await JsonAsync(response)).GetProperty("trackingNumber").GetString()!;
        await using var db = app.OpenDb();
        var saved = await db.Complaints.SingleAsync(c => c.TrackingNumber == number);
        Assert.Equal(script, saved.Description);
        Assert.Equal("<b>标题</b>", saved.Title);
    }

    [Fact]
    public async Task R6_calls_without_a_valid_key_get_401_problem_details_never_a_redirect_to_sign_in()
    {
        var client = New(app);
        foreach (var key in new[] { null, "cok_unknown", "" })
        {
            var post = await PostAsync(client, key, "anon-1", Body());
            Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
            AssertProblem(post);
        }
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/complaints/TS-20261128-00001");
        var get = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        AssertProblem(get);
    }

    [Fact]
    public async Task R6_a_signed_in_console_user_without_a_key_is_still_refused_by_the_api()
    {
        var console = await SignIn.AsAsync(app, "agent");
        var response = await PostAsync(console, null, "cookie-1", Body());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task R6_a_revoked_key_is_refused_with_401()
    {
        var client = New(app);
        var store = app.Services.GetRequiredService<ApiKeyStore>();
        var issued = await store.CreateAsync(Channel.Media, "已停用媒体", new Actor("admin-test", "Admin"));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, issued.Secret, "rev-1", Body("M-1"))).StatusCode);

        await store.RevokeAsync(issued.Key.Id, new Actor("admin-test", "Admin"));

        var response = await PostAsync(client, issued.Secret, "rev-2", Body("M-2"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertProblem(response);
    }

    [Fact]
    public async Task R6_an_oversized_body_is_refused_with_413()
    {
        var key = await IssueKeyAsync(app, Channel.App, "App 超大");
        var body = Body();
        body["description"] = new string('x', 70 * 1024);

        var response = await PostAsync(New(app), key, "big-1", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertProblem(response);
    }

    [Fact]
    public async Task R6_an_oversized_body_without_a_content_length_is_refused_with_413()
    {
        var key = await IssueKeyAsync(app, Channel.App, "App 分块");
        var body = Body();
        body["description"] = new string('x', 70 * 1024);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints") { Content = new UnknownLengthContent(body.ToJsonString()) };
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Add("Idempotency-Key", "big-chunked");

        var response = await New(app).SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertProblem(response);
    }

    [Fact]
    public async Task R6_concurrent_requests_with_one_idempotency_key_create_one_complaint()
    {
        var key = await IssueKeyAsync(app, Channel.App, "App 并发");
        var body = Body();
        body["title"] = "并发 " + Guid.NewGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(New(app), key, "concurrent-1", body)));

        // Each caller gets the complaint or "still being handled, retry"; never a second complaint.
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToArray();
        Assert.NotEmpty(created);
        var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct(StringComparer.Ordinal));
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Complaints.CountAsync(c => c.Title == body["title"]!.GetValue<string>()));
    }

    /// <summary>A JSON body sent chunked: the server cannot refuse it up front and must stop reading at the limit.</summary>
    private sealed class UnknownLengthContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnknownLengthContent(string json)
        {
            _bytes = System.Text.Encoding.UTF8.GetBytes(json);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task R6_the_openapi_document_is_served_anonymously_and_lists_the_endpoints()
    {
        var response = await New(app).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = doc["paths"]!.AsObject();
        Assert.NotNull(paths["/api/v1/complaints"]!["post"]);
        Assert.NotNull(paths["/api/v1/complaints/{trackingNumber}"]!["get"]);
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/account", StringComparison.Ordinal));
        var request = doc["components"]!["schemas"]!["IntakeRequest"]!["properties"]!.AsObject();
        Assert.False(request.ContainsKey("severity"));
        Assert.Equal(ApiKeyAuthentication.Header, doc["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task R6_the_demo_key_of_the_app_channel_exists_while_demo_seeding_is_on()
    {
        var response = await PostAsync(New(app), DemoApiKey.Secret, "demo-1", Body());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("App", (await JsonAsync(response)).GetProperty("channel").GetString());
    }
}
