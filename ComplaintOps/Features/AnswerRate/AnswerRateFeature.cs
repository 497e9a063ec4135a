using ComplaintOps.Domain.AnswerRate;
using ComplaintOps.Features.Identity;

namespace ComplaintOps.Features.AnswerRate;

public static class AnswerRateFeature
{
    public static IServiceCollection AddAnswerRate(this IServiceCollection services)
    {
        services.AddSingleton<AnswerRateService>();
        return services;
    }

    /// <summary>
    /// POST /api/v1/call-intervals: the call-centre system sends interval figures, either as the CSV file
    /// (Content-Type text/csv) or as a JSON array of {intervalStart, offered, answered, abandoned}.
    /// All or none; 200 with counts, 400 with line-numbered errors. Authenticated by the console cookie for now
    /// (Supervisor or Manager); unauthenticated → 401, wrong role → 403. Other content types are refused (415),
    /// which together with the SameSite=Lax cookie keeps cross-site form posts out.
    /// </summary>
    public static IEndpointRouteBuilder MapAnswerRate(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/call-intervals", async (HttpRequest request, AnswerRateService service, CancellationToken ct) =>
        {
            var by = CurrentActor.From(request.HttpContext.User);
            var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (request.ContentLength > AnswerRateService.MaxFileBytes)
                return Results.Problem("The body is larger than 2 MB.", statusCode: StatusCodes.Status413PayloadTooLarge);
            ImportResult result;
            switch (mediaType)
            {
                case "text/csv":
                    using (var reader = new StreamReader(request.Body))
                        result = await service.ImportCsvAsync(await reader.ReadToEndAsync(ct), by, ct);
                    break;
                case "application/json":
                    List<IntervalDto>? items;
                    try { items = await request.ReadFromJsonAsync<List<IntervalDto>>(ct); }
                    catch (System.Text.Json.JsonException e) { return Results.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Malformed JSON"); }
                    var rows = new List<CallIntervalRow>();
                    var timeErrors = new List<CsvLineError>();
                    foreach (var (item, i) in (items ?? []).Select((x, i) => (x, i)))
                    {
                        if (CallIntervalCsv.TryParseLocalTime(item.IntervalStart ?? "", out var start))
                            rows.Add(new CallIntervalRow(start, item.Offered, item.Answered, item.Abandoned));
                        else
                            timeErrors.Add(new(i + 1, "BadTime", $"\"{item.IntervalStart}\" is not a local time like 2026-11-28T09:00."));
                    }
                    result = timeErrors.Count > 0 ? new ImportResult(0, 0, timeErrors) : await service.ImportAsync(rows, by, ct);
                    break;
                default:
                    return Results.Problem("Send text/csv or application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType);
            }
            return result.Ok
                ? Results.Ok(new { added = result.Added, replaced = result.Replaced })
                : Results.Problem(
                    title: "The intervals were not imported",
                    detail: string.Join("; ", result.Errors.Select(e => $"line {e.Line}: {e.Message}")),
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["errors"] = result.Errors.Select(e => new { line = e.Line, code = e.Code, message = e.Message }).ToList() });
        }).RequireAuthorization(Policies.Board).DisableAntiforgery();
        return app;
    }

    private sealed record IntervalDto(string? IntervalStart, int Offered, int Answered, int Abandoned);
}
