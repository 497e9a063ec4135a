using ComplaintOps.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Features.Health;

/// <summary>/health for operators and probes: database reachable and migrations applied, nothing more revealed.</summary>
public static class HealthFeature
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IDbContextFactory<ComplaintOpsDb> dbFactory, CancellationToken ct) =>
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                if (!await db.Database.CanConnectAsync(ct)) return Unhealthy();
                var pending = await db.Database.GetPendingMigrationsAsync(ct);
                return pending.Any() ? Unhealthy() : Results.Json(new { status = "Healthy" });
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                return Unhealthy();
            }
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static IResult Unhealthy() => Results.Json(new { status = "Unhealthy" }, statusCode: StatusCodes.Status503ServiceUnavailable);
}
