using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Intake.Api;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Intake.Api;

/// <summary>Calls the intake API the way a source does: its key in X-Api-Key, JSON bodies, no cookies, no redirects followed.</summary>
internal static class IntakeApiClient
{
    public static HttpClient New(AppFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static async Task<string> IssueKeyAsync(AppFactory app, Channel channel, string sourceName)
    {
        var issued = await app.Services.GetRequiredService<ApiKeyStore>().CreateAsync(channel, sourceName, new Actor("admin-test", "Admin"));
        return issued.Secret;
    }

    public static JsonObject Body(string? sourceReference = null)
    {
        var body = new JsonObject
        {
            ["complainant"] = new JsonObject { ["name"] = "王芳", ["phone"] = "13912345678", ["email"] = "wang@example.com", ["province"] = "浙江省", ["city"] = "杭州" },
            ["respondent"] = new JsonObject { ["kind"] = "Merchant", ["name"] = "优品家电旗舰店" },
            ["productLine"] = "电商平台",
            ["title"] = "退款未到账",
            ["description"] = "商家同意退款后十天仍未到账。",
            ["demands"] = "尽快退款",
        };
        if (sourceReference is not null) body["sourceReference"] = sourceReference;
        return body;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string? apiKey, string? idempotencyKey, JsonNode body) =>
        PostRawAsync(client, apiKey, idempotencyKey, body.ToJsonString());

    public static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string? apiKey, string? idempotencyKey, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/complaints")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string apiKey, string trackingNumber)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/complaints/{trackingNumber}");
        request.Headers.Add("X-Api-Key", apiKey);
        return client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static void AssertProblem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The field names of a validation problem's "errors".</summary>
    public static async Task<string[]> FieldErrorsAsync(HttpResponseMessage response)
    {
        AssertProblem(response);
        var json = await JsonAsync(response);
        return json.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
    }

}
