using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Intake.Api;

/// <summary>POST and GET /api/v1/complaints: the app and external sources file complaints and follow them (R6).</summary>
internal static class IntakeApiEndpoints
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> PostAsync(
        HttpContext http,
        IntakeService intake,
        Triage.TriageService triage,
        IOptions<IntakeApiOptions> options,
        CancellationToken ct)
    {
        var max = options.Value.MaxRequestBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max;
        // Refused before a byte of the body is read when the client says how big it is.
        if (http.Request.ContentLength > max) return TooLarge(max);

        var idempotencyKey = http.Request.Headers[IdempotencyStore.Header].ToString();
        if (string.IsNullOrEmpty(idempotencyKey))
            return Problem(StatusCodes.Status400BadRequest, "The Idempotency-Key header is required.",
                "Send a unique value (e.g. a UUID) per complaint and the same value when you retry it.");
        if (!IdempotencyStore.IsWellFormed(idempotencyKey))
            return Problem(StatusCodes.Status400BadRequest, "The Idempotency-Key header is malformed.", $"Printable ASCII, at most {IdempotencyStore.MaxKeyLength} characters.");
        if (!http.Request.HasJsonContentType())
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Send the complaint as application/json.");

        var body = await ReadBodyAsync(http.Request, max, ct);
        if (body is null) return TooLarge(max);

        var key = CallerKey(http.User);
        if (key is null) return Problem(StatusCodes.Status401Unauthorized, "A valid API key is required.");
        var hash = IdempotencyStore.HashBody(body);
        // No look-up of the key here: the intake writer reads the group's keys in one query and answers a retry (below)
        // with the first request's answer, or 422 for another body, whether the first is committed or in the same group.

        IntakeRequestReader.Result read;
        try
        {
            read = IntakeRequestReader.Read(body, key.Channel);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "The body is not valid JSON.");
        }
        if (!read.IsValid) return Results.ValidationProblem(read.Errors, title: "The complaint has invalid fields.");

        IntakeOutcome outcome;
        try
        {
            var actor = new Actor(ApiKeyAuthentication.ActorId(key.Id), key.SourceName);
            // R9: without a sub-type from the caller, the keyword rules classify the text.
            var subType = read.Request!.ProblemSubType
                ?? await triage.ClassifyAsync($"{read.Request.Title} {read.Request.Description}", ct)
                ?? IntakeRequestReader.DefaultSubType;
            // The answer is remembered in the complaint's own transaction: a crash leaves both or neither.
            var intent = new IdempotencyIntent(key.Id, idempotencyKey, hash, complaint => Receipt(complaint, key));
            outcome = await intake.ReceiveFromApiAsync(IntakeRequestReader.ToNewComplaint(read.Request, key, subType), actor, intent, ct);
        }
        catch (DomainException e)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, e.Message);
        }
        if (outcome.Earlier is { } first) return Replay(http, first, hash);

        var (json, location) = Receipt(outcome.Complaint!, key);
        http.Response.Headers.Location = location;
        return Results.Text(json, "application/json", Encoding.UTF8, StatusCodes.Status201Created);
    }

    public static async Task<IResult> GetAsync(string trackingNumber, HttpContext http, IDbContextFactory<ComplaintOpsDb> dbFactory, CancellationToken ct)
    {
        var key = CallerKey(http.User);
        if (key is null) return Problem(StatusCodes.Status401Unauthorized, "A valid API key is required.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Only complaints this source sent: another source's tracking number looks like an unknown one.
        var found = await db.Complaints.AsNoTracking()
            .Where(c => c.TrackingNumber == trackingNumber && c.Channel == key.Channel && c.SourceName == key.SourceName)
            .Select(c => new { c.TrackingNumber, c.Status, c.SourceReference, c.ReceivedAtUtc, c.FirstReplyAtUtc, c.FirstReplyDueUtc, c.LetterReplyDueUtc, c.ProgressFeedbackDueUtc })
            .SingleOrDefaultAsync(ct);
        if (found is null) return Problem(StatusCodes.Status404NotFound, "No complaint with this tracking number was sent by your source.");
        // The next time the user is owed word from us: the first reply until it is given, then progress feedback (R15–R17).
        var next = found.FirstReplyAtUtc is null ? found.FirstReplyDueUtc ?? found.LetterReplyDueUtc ?? found.ProgressFeedbackDueUtc : found.ProgressFeedbackDueUtc;
        return Results.Json(new IntakeStatus(found.TrackingNumber, found.Status, found.SourceReference, found.ReceivedAtUtc, next), Json);
    }

    private static (string Body, string Location) Receipt(Complaint complaint, ApiKey key)
    {
        var receipt = new IntakeReceipt(complaint.TrackingNumber, complaint.Status, complaint.Channel, key.SourceName, complaint.SourceReference, complaint.ReceivedAtUtc);
        return (JsonSerializer.Serialize(receipt, Json), $"/api/v1/complaints/{Uri.EscapeDataString(complaint.TrackingNumber)}");
    }

    /// <summary>The key the scheme authenticated, from its claims (no second look-up).</summary>
    private static ApiKey? CallerKey(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ApiKeyAuthentication.KeyIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && Enum.TryParse<Channel>(user.FindFirstValue(ApiKeyAuthentication.ChannelClaim), out var channel)
        && user.FindFirstValue(ApiKeyAuthentication.SourceClaim) is { } source
            ? new ApiKey { Id = id, Channel = channel, SourceName = source }
            : null;

    private static IResult Replay(HttpContext http, IdempotencyRecord earlier, string hash)
    {
        if (!string.Equals(earlier.RequestHash, hash, StringComparison.Ordinal))
            return Problem(StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was already used for a different request.",
                "Use a new key for a new complaint; a retry must send exactly the same body.");
        if (earlier.StatusCode == 0)
        {
            http.Response.Headers.RetryAfter = "1";
            return Problem(StatusCodes.Status409Conflict, "The first request with this Idempotency-Key is still being handled.", "Retry in a moment.");
        }
        if (earlier.Location is not null) http.Response.Headers.Location = earlier.Location;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return Results.Text(earlier.ResponseBody ?? "", "application/json", Encoding.UTF8, earlier.StatusCode);
    }

    /// <summary>The body, or null once it grows past <paramref name="max"/> (chunked bodies have no Content-Length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long max, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int n;
            while ((n = await request.Body.ReadAsync(chunk, ct)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > max) return null;
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge(long max) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The request body is too large.", $"At most {max.ToString(CultureInfo.InvariantCulture)} bytes.");

    internal static IResult Problem(int status, string title, string? detail = null) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
